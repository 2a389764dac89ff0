/**
 * @fileoverview src/schema: lazy loading of the kubernetes-models validators, safe kind lookup,
 * instance-path → AST mapping, the CRD schema interpreter and the "did you mean" candidates.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseProgram } from "../../src/language/language.js";
import { coreValidator } from "../../src/schema/core.js";
import { validateCrd } from "../../src/schema/crd.js";
import { closeNames, editDistance, validateResource } from "../../src/schema/index.js";

const ROOT = join(import.meta.dirname, "..", "..");

function resourceOf(text: string, i = 0) {
  const program = parseProgram(text, "x.yaml");
  const resources = program.body.flatMap((d) => d.resources);
  return { program, resource: resources[i]! };
}

describe("schema loading", () => {
  it("loads no validator module until a schema rule validates something", () => {
    const script = `
      import { createRequire } from "node:module";
      import { Linter } from "eslint";
      const { default: plugin } = await import("./dist/src/eslint/index.js");
      const require = createRequire(import.meta.url);
      const loaded = () => Object.keys(require.cache).filter((k) => k.includes("kubernetes-models")).length;
      const code = "apiVersion: v1\\nkind: Pod\\nmetadata: {name: p}\\nspec:\\n  containers: [{name: a, image: nginx}]\\n";
      const linter = new Linter({ configType: "flat" });
      const cfg = (rule) => [{ files: ["**/*.yaml"], plugins: { kubeguard: plugin }, language: "kubeguard/k8s", rules: { ["kubeguard/" + rule]: "error" } }];
      linter.verify(code, cfg("privileged-container"), { filename: "a.yaml" });
      const before = loaded();
      linter.verify(code, cfg("schema-invalid"), { filename: "a.yaml" });
      console.log(JSON.stringify({ before, after: loaded() }));
    `;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toBe("");
    const { before, after } = JSON.parse(r.stdout) as { before: number; after: number };
    expect(before).toBe(0);
    expect(after).toBeGreaterThan(0);
  });

  it("finds core kinds and refuses made-up or path-like kinds", () => {
    expect(coreValidator("apps/v1", "Deployment")).toBeTypeOf("function");
    expect(coreValidator("v1", "Pod")).toBeTypeOf("function");
    expect(coreValidator("v1", "PodSpec")).toBeNull(); // a type, not a kind
    expect(coreValidator("example.com/v1", "Widget")).toBeNull();
    expect(coreValidator("../../v1", "Pod")).toBeNull();
    expect(coreValidator("v1", "../Pod")).toBeNull();
  });
});

describe("validateResource", () => {
  it("maps errors to the exact value nodes and a missing field to the closest parent", () => {
    const text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: two\n  template:\n    spec:\n      containers:\n        - image: nginx\n";
    const { program, resource } = resourceOf(text);
    const r = validateResource(resource, program)!;
    const where = r.errors.map((e) => `${e.error.keyword}:${text.slice(e.node.range[0], e.node.range[1])}`).sort();
    expect(where).toEqual(["required:image: nginx", "required:spec", "type:two"]);
  });

  it("skips kinds without a schema and caches per resource", () => {
    const { program, resource } = resourceOf("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n");
    expect(validateResource(resource, program)).toBeNull();
    const d = resourceOf("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n");
    expect(validateResource(d.resource, d.program)).toBe(validateResource(d.resource, d.program));
  });
});

describe("validateCrd (interpreted, never compiled)", () => {
  const schema = {
    type: "object",
    properties: {
      spec: {
        type: "object",
        required: ["size"],
        properties: { size: { type: "string", enum: ["s", "l"] }, port: { "x-kubernetes-int-or-string": true }, free: { type: "object", "x-kubernetes-preserve-unknown-fields": true } },
      },
    },
  };
  it("reports type, enum and required errors and knows the field names", () => {
    const r = validateCrd(schema, { apiVersion: "x/v1", kind: "K", metadata: { name: "n" }, spec: { size: "m", port: true, free: { a: 1 } } });
    expect(r.errors.map((e) => `${e.instancePath} ${e.keyword}`).sort()).toEqual(["/spec/port type", "/spec/size enum"]);
    const known = (path: string): string[] | undefined => {
      const hit = r.known.find((k) => k.path.join("/") === path);
      return hit ? [...hit.names].sort() : undefined;
    };
    expect(known("spec")).toEqual(["free", "port", "size"]);
    expect(known("spec/free")).toBeUndefined();
    const missing = validateCrd(schema, { spec: {} });
    expect(missing.errors).toEqual([{ instancePath: "/spec", keyword: "required", params: { missingProperty: "size" } }]);
  });
});

describe("did you mean", () => {
  it("prefers a case-only difference, else close names by edit distance", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(closeNames("runAsNonroot", ["runAsNonRoot", "runAsUser"])).toEqual(["runAsNonRoot"]);
    expect(closeNames("post", ["host", "port", "path", "scheme"])).toEqual(["host", "port"]);
    expect(closeNames("tier", ["image", "name", "ports"])).toEqual([]);
  });
});
