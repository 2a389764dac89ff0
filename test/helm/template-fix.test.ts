/**
 * @fileoverview `--fix` on Helm charts with the real helm: a fix whose text is literal template
 * text is written into the template (exact diff, verified by rendering again, idempotent); a fix
 * of a node that comes from values is a suggestion naming the values.yaml key (nothing written); a
 * fix whose span holds a `{{ }}` action is never written; a fix that does not verify is restored.
 * Plus the pure parts (document split, literal lines, alignment) without helm.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../cli/helpers.js";
import { HELM, ROOT, TEST_ENV } from "./tools.js";
import { alignLines, literalLines, splitHelmDocs } from "../../src/inputs/template-fix.js";

const FIXABLE = join(ROOT, "fixtures", "helm", "fixable");
const TEMPLATE_REL = join("fixable", "templates", "deployment.yaml");
const VALUES_REL = join("fixable", "values.yaml");

interface Msg {
  ruleId: string;
  message: string;
  resource: { name: string };
  sourceFix?: { kind: string; applied?: boolean; file: string; line?: number; key?: string; value?: unknown; text: string; reason?: string };
}
const messages = (stdout: string): Msg[] => (JSON.parse(stdout) as { messages: Msg[] }[]).flatMap((r) => r.messages);
const byRule = (ms: Msg[], rule: string, container?: string): Msg[] => ms.filter((m) => m.ruleId === rule && (container === undefined || m.message.includes(`'${container}'`)));

/** A fresh copy of the fixture chart (the tests write into it). */
function chartCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "kubeguard-tfix-"));
  cpSync(FIXABLE, join(dir, "fixable"), { recursive: true });
  return dir;
}
const read = (dir: string, rel: string): string => readFileSync(join(dir, rel), "utf8");
const ORIGINAL = readFileSync(join(FIXABLE, "templates", "deployment.yaml"), "utf8");
const VALUES = readFileSync(join(FIXABLE, "values.yaml"), "utf8");
/** The one template change `--fix` may make: readOnlyRootFilesystem in the literal proxy securityContext. */
const FIXED = ORIGINAL.replace("              drop: [ALL]\n", "              drop: [ALL]\n            readOnlyRootFilesystem: true\n");

describe("template fix building blocks", () => {
  it("splits helm output into documents with their # Source", () => {
    const text = "---\n# Source: c/templates/a.yaml\nkind: A\n---\n# Source: c/templates/b.yaml\nkind: B\n";
    const docs = splitHelmDocs(text);
    expect(docs.map((d) => [d.source, text.slice(d.start, d.end)])).toEqual([
      ["c/templates/a.yaml", "# Source: c/templates/a.yaml\nkind: A\n"],
      ["c/templates/b.yaml", "# Source: c/templates/b.yaml\nkind: B\n"],
    ]);
  });

  it("marks lines touched by an action (multi-line ones too) as not literal", () => {
    expect(literalLines("a: 1\nb: {{ .x }}\n{{- if (eq 1\n 1) }}\nc: 2\n")).toEqual([true, false, false, false, true, true]);
  });

  it("aligns only literal lines, and not where two alignments disagree", () => {
    const tpl = ["sc:", "{{ toYaml .x }}", "  a: 1"];
    // `  a: 1` is rendered twice (once by toYaml): which copy is the literal one is ambiguous.
    expect(Array.from(alignLines(["sc:", "  a: 1", "  a: 1"], tpl, literalLines(tpl.join("\n")))!)).toEqual([0, -1, -1]);
    // Rendered once after a toYaml that produced `  b: 2`: unambiguous.
    expect(Array.from(alignLines(["sc:", "  b: 2", "  a: 1"], tpl, literalLines(tpl.join("\n")))!)).toEqual([0, -1, 2]);
  });
});

describe.skipIf(!HELM)("--fix on a chart with the real helm", () => {
  if (!HELM) console.warn("test/helm/template-fix: helm not found on PATH or in ~/go/bin; skipping (.ci/run installs it)");

  it("writes a literal template fix (exact diff), re-renders it, and a second --fix changes nothing", async () => {
    const dir = chartCopy();
    const r = await run(dir, ["fixable", "--fix", "--format", "json"], "", TEST_ENV);
    expect(r.stderr).toBe("");
    expect(read(dir, TEMPLATE_REL)).toBe(FIXED);
    expect(read(dir, VALUES_REL)).toBe(VALUES);
    expect(readdirSync(join(dir, "fixable")).sort()).toEqual(["Chart.yaml", "templates", "values.yaml"]);
    // The fixed finding is gone from the report; the api container's (from values) is still there.
    const ms = messages(r.stdout);
    expect(byRule(ms, "writable-root-filesystem", "proxy")).toEqual([]);
    expect(byRule(ms, "writable-root-filesystem", "api")).toHaveLength(1);
    // The real helm renders the fix.
    const rendered = execFileSync(HELM!, ["template", "release-name", "fixable"], { cwd: dir, encoding: "utf8" });
    expect(rendered).toContain("              drop: [ALL]\n            readOnlyRootFilesystem: true\n");
    // Idempotent.
    const again = await run(dir, ["fixable", "--fix", "--format", "json"], "", TEST_ENV);
    expect(read(dir, TEMPLATE_REL)).toBe(FIXED);
    expect(read(dir, VALUES_REL)).toBe(VALUES);
    expect(messages(again.stdout).map((m) => m.ruleId)).toEqual(ms.map((m) => m.ruleId));
  });

  it("names the values.yaml key for a node inserted by toYaml .Values.x, and writes nothing there", async () => {
    const dir = chartCopy();
    const r = await run(dir, ["fixable", "--fix", "--format", "json"], "", TEST_ENV);
    const ms = messages(r.stdout);
    const priv = byRule(ms, "privileged-container");
    expect(priv).toHaveLength(1);
    expect(priv[0]!.sourceFix).toMatchObject({
      kind: "values",
      file: join(dir, VALUES_REL),
      line: 7,
      key: "containerSecurityContext.privileged",
      value: false,
      text: "set `privileged: false` under `containerSecurityContext` in fixable/values.yaml:7",
    });
    expect(read(dir, VALUES_REL).split("\n")[6]).toBe("  privileged: true");
    // A key the values do not have yet: named under its block, at the block's line.
    expect(byRule(ms, "writable-root-filesystem", "api")[0]!.sourceFix).toMatchObject({
      kind: "values",
      key: "containerSecurityContext.readOnlyRootFilesystem",
      value: true,
      text: "set `readOnlyRootFilesystem: true` under `containerSecurityContext` in fixable/values.yaml:5",
    });
    expect(read(dir, VALUES_REL)).toBe(VALUES);
  });

  it("never writes a fix whose span holds a {{ }} action; suggests the values key instead", async () => {
    const dir = chartCopy();
    const r = await run(dir, ["fixable", "--fix", "--format", "json"], "", TEST_ENV);
    const token = byRule(messages(r.stdout), "automount-service-account-token");
    expect(token).toHaveLength(1);
    expect(token[0]!.sourceFix).toMatchObject({ kind: "values", key: "automount", value: false, line: 2, text: "set `automount: false` in fixable/values.yaml:2" });
    expect(token[0]!.sourceFix!.reason).toMatch(/not literal template text/u);
    expect(read(dir, TEMPLATE_REL).split("\n")[14]).toBe("      automountServiceAccountToken: {{ .Values.automount }}");
    expect(read(dir, TEMPLATE_REL)).toBe(FIXED); // only the literal fix
  });

  it("reports without --fix: stylish shows what --fix will edit and the values keys; nothing is written", async () => {
    const dir = chartCopy();
    const r = await run(dir, ["fixable"], "", TEST_ENV);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("↳ kubeguard --fix edits fixable/templates/deployment.yaml:32 (literal template text)");
    expect(r.stdout).toContain("↳ set `privileged: false` under `containerSecurityContext` in fixable/values.yaml:7");
    expect(r.stdout).toContain("↳ set `automount: false` in fixable/values.yaml:2");
    expect(read(dir, TEMPLATE_REL)).toBe(ORIGINAL);
  });

  it("--fix-dry-run prints the template diff and writes nothing", async () => {
    const dir = chartCopy();
    const r = await run(dir, ["fixable", "--fix-dry-run"], "", TEST_ENV);
    expect(r.stdout).toBe(
      [
        "--- a/fixable/templates/deployment.yaml",
        "+++ b/fixable/templates/deployment.yaml",
        "@@ -30,3 +30,4 @@",
        "             allowPrivilegeEscalation: false",
        "             capabilities:",
        "               drop: [ALL]",
        "+            readOnlyRootFilesystem: true",
        "",
      ].join("\n"),
    );
    expect(read(dir, TEMPLATE_REL)).toBe(ORIGINAL);
  });

  it("fixes the template from `helm template … | kubeguard - --fix`, and refuses when the chart renders differently", async () => {
    const dir = chartCopy();
    const rendered = execFileSync(HELM!, ["template", "release-name", "fixable"], { cwd: dir, encoding: "utf8" });
    // Rendered with another release name than kubeguard's: the chart does not reproduce the input.
    const other = await run(dir, ["-", "--fix", "--helm-release", "prod", "--format", "json"], rendered, TEST_ENV);
    expect(read(dir, TEMPLATE_REL)).toBe(ORIGINAL);
    const proxy = byRule(messages(other.stdout), "writable-root-filesystem", "proxy");
    expect(proxy[0]!.sourceFix!.text).toMatch(/did not write it: the chart does not render to this input with kubeguard's helm options/u);
    // Same options: written, and the input itself is not.
    const r = await run(dir, ["-", "--fix", "--format", "json"], rendered, TEST_ENV);
    expect(r.stderr).toBe("");
    expect(read(dir, TEMPLATE_REL)).toBe(FIXED);
    expect(byRule(messages(r.stdout), "writable-root-filesystem", "proxy")).toEqual([]);
  });

  it("restores the template and says why when the re-rendered chart is not the fixed rendering", async () => {
    const dir = chartCopy();
    // A random annotation (the Helm docs' `rollme` trick): every rendering differs, nothing verifies.
    const random = ORIGINAL.replace("      labels:\n        app: api\n", "      labels:\n        app: api\n      annotations:\n        rollme: {{ randAlphaNum 5 | quote }}\n");
    writeFileSync(join(dir, TEMPLATE_REL), random);
    const r = await run(dir, ["fixable", "--fix", "--format", "json"], "", TEST_ENV);
    expect(read(dir, TEMPLATE_REL)).toBe(random);
    const proxy = byRule(messages(r.stdout), "writable-root-filesystem", "proxy");
    expect(proxy).toHaveLength(1);
    expect(proxy[0]!.sourceFix!.text).toContain("did not write it: the re-rendered chart is not the rendering with the fix applied");
    expect(readdirSync(join(dir, "fixable", "templates"))).toEqual(["deployment.yaml"]);
  });
});
