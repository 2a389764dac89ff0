/**
 * @fileoverview The template source map without helm: key paths of rendered documents → template
 * lines (literal keys, toYaml/include blocks, with scopes), `.Values` → values.yaml lines, and "no
 * good line" instead of a guess.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { matchTemplate, outlineTemplate } from "../../src/sourcemap/template.js";
import { findPath, parseDotted, yamlDocuments } from "../../src/sourcemap/yaml-path.js";
import type { KeySeg } from "../../src/language/registry.js";
import { ROOT } from "./tools.js";

const CHART = join(ROOT, "fixtures", "helm", "web");
const deployment = outlineTemplate(readFileSync(join(CHART, "templates", "deployment.yaml"), "utf8"));
const keys = (...ks: (string | number | [number, string])[]): KeySeg[] =>
  ks.map((k) => (typeof k === "string" ? { key: k } : typeof k === "number" ? { index: k } : { index: k[0], name: k[1] }));
const POD = ["spec", "template", "spec"] as const;

describe("matchTemplate", () => {
  it("maps a literal key to its own line", () => {
    const m = matchTemplate(deployment, keys(...POD, "hostPID"), "Deployment", "true");
    expect(m).toMatchObject({ kind: "exact", valuesPath: null, entry: { line: 17, column: 7 } });
  });

  it("maps a key inserted by toYaml .Values.x to the toYaml line and the values key", () => {
    const m = matchTemplate(deployment, keys(...POD, "containers", [0, "web"], "securityContext", "privileged"), "Deployment", "true");
    expect(m).toMatchObject({ kind: "block", valuesPath: "securityContext.privileged", entry: { line: 26 } });
  });

  it("resolves `.` inside a with scope to the .Values path it binds", () => {
    const m = matchTemplate(deployment, keys(...POD, "securityContext", "runAsUser"), "Deployment", "0");
    expect(m).toMatchObject({ kind: "block", valuesPath: "podSecurityContext.runAsUser", entry: { line: 20 } });
  });

  it("maps an include block (no values key) to the include line", () => {
    const m = matchTemplate(deployment, keys("metadata", "labels", "app.kubernetes.io/name"), "Deployment", "web");
    expect(m).toMatchObject({ kind: "block", valuesPath: null, entry: { line: 6 } });
  });

  it("tells two containers apart by their literal name", () => {
    const m = matchTemplate(deployment, keys(...POD, "containers", [1, "sidecar"], "image"), "Deployment", "busybox:1.36");
    expect(m).toMatchObject({ kind: "exact", entry: { line: 28 } });
    const web = matchTemplate(deployment, keys(...POD, "containers", [0, "web"], "image"), "Deployment", "nginx:1.27");
    expect(web).toMatchObject({ kind: "exact", entry: { line: 24 } });
  });

  it("says there is no good line instead of guessing", () => {
    // Same key path, both items' names templated: two candidates, no way to choose.
    const t = outlineTemplate(["spec:", "  containers:", "    - name: {{ .Values.a }}", "      image: x", "    - name: {{ .Values.b }}", "      image: y", ""].join("\n"));
    expect(matchTemplate(t, keys("spec", "containers", [1, "b"], "image"), null, "z")).toMatchObject({ kind: "none" });
    // A literal line whose value is not the rendered value did not produce it (e.g. an if/else branch).
    const branch = outlineTemplate(["spec:", "  {{- if .Values.x }}", "  hostPID: false", "  {{- else }}", "  {{- toYaml .Values.y | nindent 2 }}", "  {{- end }}", ""].join("\n"));
    expect(matchTemplate(branch, keys("spec", "hostPID"), null, "true")).toMatchObject({ kind: "none" });
    // A key no line produces.
    expect(matchTemplate(deployment, keys("status", "phase"), "Deployment", "x")).toMatchObject({ kind: "none" });
  });

  it("only looks at the template documents of the resource's kind", () => {
    const t = outlineTemplate(["kind: Service", "spec:", "  ports: []", "---", "kind: Deployment", "spec:", "  replicas: 1", ""].join("\n"));
    expect(matchTemplate(t, keys("spec"), "Deployment", null)).toMatchObject({ kind: "exact", entry: { line: 6 } });
    expect(matchTemplate(t, keys("spec"), "Service", null)).toMatchObject({ kind: "exact", entry: { line: 2 } });
  });

  it("handles `key:` then `- item` at the same indentation and range scopes", () => {
    const t = outlineTemplate(
      ["spec:", "  containers:", "  - name: app", "    ports:", "    {{- range .Values.ports }}", "    - containerPort: {{ . }}", "    {{- end }}", "    securityContext:", "      runAsUser: 0", ""].join("\n"),
    );
    expect(matchTemplate(t, keys("spec", "containers", [0, "app"], "securityContext", "runAsUser"), null, "0")).toMatchObject({ kind: "exact", entry: { line: 9 } });
    expect(matchTemplate(t, keys("spec", "containers", [0, "app"], "ports", 1, "containerPort"), null, "8080")).toMatchObject({ kind: "exact", entry: { line: 6 } });
  });
});

describe("findPath in values.yaml", () => {
  const text = readFileSync(join(CHART, "values.yaml"), "utf8");
  const root = yamlDocuments(text)[0]!.content;
  it("finds a nested key's line", () => {
    expect(findPath(text, root, parseDotted("securityContext.privileged"))).toEqual({ line: 8, column: 3, exact: true, depth: 2, value: "true" });
  });
  it("stops at the deepest existing key and says it is not exact", () => {
    expect(findPath(text, root, parseDotted("securityContext.capabilities.add[0]"))).toMatchObject({ line: 6, exact: false, depth: 1 });
  });
});
