/**
 * @fileoverview src/schema: lazy loading of the kubernetes-models validators, safe kind lookup,
 * instance-path → AST mapping, the CRD schema interpreter and the "did you mean" candidates.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseProgram } from "../../src/language/language.js";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { coreValidator, modelSchema, runRecorded, type StandaloneValidator } from "../../src/schema/core.js";
import { namesAt, RUNTIME_SNAPSHOT, snapshotFor } from "../../src/schema/versions.js";
import { VERSION_DELTA } from "../../src/schema/version-delta.js";
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

describe("version-aware core schemas", () => {
  it("picks the nearest snapshot at or above the target, else the newest", () => {
    expect(snapshotFor([1, 24])).toBe("1.25");
    expect(snapshotFor([1, 25])).toBe("1.25");
    expect(snapshotFor([1, 26])).toBe("1.27");
    expect(snapshotFor([1, 30])).toBe("1.33");
    expect(snapshotFor([1, 33])).toBe("1.33");
    expect(snapshotFor([1, 34])).toBe("1.34");
    expect(snapshotFor([1, 36])).toBe("1.34");
  });

  it("adds 1.34 fields and removes later ones from what the 1.33 validator reads", () => {
    const pod = resourceOf("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: nginx}]}\n");
    const r = validateResource(pod.resource, pod.program)!;
    expect(r.snapshot).toBe("1.34"); // the default kubernetesVersion
    const validate = coreValidator("v1", "Pod")!;
    const spec = runRecorded(validate, { spec: {} }).known.find((k) => k.path.join("/") === "spec")!.names;
    expect(spec.has("hostnameOverride")).toBe(false); // not in the 1.33 validators
    const at133 = namesAt(spec, RUNTIME_SNAPSHOT);
    expect(at133.names).toEqual(spec);
    expect(at133.elsewhere.get("hostnameOverride")).toEqual(["1.34"]);
    expect(namesAt(spec, "1.34").names.has("hostnameOverride")).toBe(true);
    const at127 = namesAt(spec, "1.27");
    expect(at127.names.has("resources")).toBe(false); // pod-level resources: 1.32+
    expect(at127.elsewhere.get("resources")).toEqual(["1.33", "1.34"]);
    expect(at127.names.has("containers")).toBe(true);
  });

  it("the generated delta table matches the installed kubernetes-models (its runtime snapshot)", () => {
    const require = createRequire(import.meta.url);
    const schemas = join(require.resolve("kubernetes-models").replace(/index\.js$/u, ""), "_schemas");
    const files = new Set(readdirSync(schemas));
    const entries = Object.entries(VERSION_DELTA);
    expect(entries.length).toBeGreaterThan(20);
    for (const [sig, [defs]] of entries) {
      for (const def of defs) {
        expect(files.has(`${def}.js`), def).toBe(true);
        const { validate } = require(join(schemas, `${def}.js`)) as { validate: StandaloneValidator };
        const top = runRecorded(validate, {}).known.find((k) => k.path.length === 0)!;
        expect([...top.names].sort().join(","), def).toBe(sig);
      }
    }
  });
});

describe("@kubernetes-models CRD packages", () => {
  it("finds custom resource kinds of the installed packages and nothing else", () => {
    expect(modelSchema("cert-manager.io/v1", "Certificate")?.pkg).toBe("@kubernetes-models/cert-manager");
    expect(modelSchema("keda.sh/v1alpha1", "ScaledObject")?.pkg).toBe("@kubernetes-models/keda");
    expect(modelSchema("argoproj.io/v1alpha1", "Rollout")?.pkg).toBe("@kubernetes-models/argo-rollouts");
    expect(modelSchema("networking.istio.io/v1beta1", "VirtualService")?.pkg).toBe("@kubernetes-models/istio");
    expect(modelSchema("apps/v1", "Deployment")?.pkg).toBe("kubernetes-models");
    expect(modelSchema("argoproj.io/v1alpha1", "Application")).toBeNull(); // Argo CD: no package wired
    expect(modelSchema("networking.istio.io/v1", "VirtualService")).toBeNull(); // newer than istio@2.x
    expect(modelSchema("cert-manager.io/v1", "../Certificate")).toBeNull();
    expect(modelSchema("cert-manager.io/../v1", "Certificate")).toBeNull();
  });

  it("reads a schema whose preserve-unknown-fields was dropped as free-form (no unknown fields)", () => {
    const text = "apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata: {name: f}\nspec:\n  configPatches:\n    - applyTo: HTTP_FILTER\n      patch:\n        operation: INSERT_BEFORE\n        value:\n          name: envoy.filters.http.local_ratelimit\n        opertion: MERGE\n";
    const { program, resource } = resourceOf(text);
    const r = validateResource(resource, program)!;
    expect(r.source).toBe("package");
    expect(r.unknown.map((u) => u.path.join("."))).toEqual(["spec.configPatches.0.patch.opertion"]);
  });

  it("loads no CRD package until a resource of its group is validated", () => {
    const script = `
      import { createRequire } from "node:module";
      const { parseProgram } = await import("./dist/src/language/language.js");
      const { validateResource } = await import("./dist/src/schema/index.js");
      const require = createRequire(import.meta.url);
      const loaded = (p) => Object.keys(require.cache).filter((k) => k.includes(p)).length;
      const run = (t) => { const pr = parseProgram(t, "a.yaml"); return validateResource(pr.body[0].resources[0], pr); };
      run("apiVersion: v1\\nkind: Pod\\nmetadata: {name: p}\\nspec: {containers: [{name: a, image: nginx}]}\\n");
      const before = loaded("@kubernetes-models/cert-manager");
      const r = run("apiVersion: cert-manager.io/v1\\nkind: Certificate\\nmetadata: {name: c}\\nspec: {secretName: s, issuerRef: {name: i}, isCA: 'no'}\\n");
      console.log(JSON.stringify({ before, after: loaded("@kubernetes-models/cert-manager"), istio: loaded("@kubernetes-models/istio"), errors: r.errors.length }));
    `;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as { before: number; after: number; istio: number; errors: number };
    expect(out.before).toBe(0);
    expect(out.after).toBeGreaterThan(0);
    expect(out.istio).toBe(0);
    expect(out.errors).toBe(1);
  });
});
