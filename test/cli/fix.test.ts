/**
 * @fileoverview `kubeguard --fix` and `--fix-dry-run`: hardening fixes applied, files replaced
 * atomically with their mode, every other byte kept (CRLF, BOM, comments), files with YAML errors
 * never written, the dry run prints a unified diff and writes nothing.
 */
import { readdirSync, readFileSync, statSync, chmodSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, project, read, run } from "./helpers.js";

const ONLY_CORE_RULES = "extends: []\nrules:\n  privileged-container: error\n  valid-yaml: error\n";

describe("--fix", () => {
  it("applies the hardening fix, keeps CRLF, BOM, comments and the file mode, and leaves no temp file", async () => {
    const original = `\uFEFF${fixture("privileged-deployment.yaml").replace(/\n/gu, "\r\n")}`;
    const dir = project({ ".kubeguard.yaml": ONLY_CORE_RULES, "web.yaml": original });
    chmodSync(join(dir, "web.yaml"), 0o640);
    const r = await run(dir, ["--fix", "web.yaml"]);
    expect(r).toMatchObject({ code: 0, stdout: "", stderr: "" });
    const bytes = readFileSync(join(dir, "web.yaml"));
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.toString("utf8")).toBe(original.replace("privileged: true # needed", "privileged: false # needed"));
    expect(statSync(join(dir, "web.yaml")).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual([".kubeguard.yaml", "web.yaml"]);
  });

  it("never writes a file with YAML errors, and says so", async () => {
    const original = fixture("broken-middle.yaml");
    const dir = project({ ".kubeguard.yaml": ONLY_CORE_RULES, "three.yaml": original });
    const r = await run(dir, ["--fix", "-f", "json"]);
    expect(r.code).toBe(1);
    expect(read(dir, "three.yaml")).toBe(original);
    expect(r.stderr).toContain("kubeguard: not writing fixes to three.yaml: it has YAML errors");
  });

  it("does not remove unused suppressions (ruleId null) but reports them", async () => {
    const text = `# kubeguard-disable-next-line valid-yaml\n${fixture("clean-service.yaml")}`;
    const dir = project({ ".kubeguard.yaml": ONLY_CORE_RULES, "svc.yaml": text });
    const r = await run(dir, ["--fix", "-f", "json", "svc.yaml"]);
    expect(read(dir, "svc.yaml")).toBe(text);
    const [message] = JSON.parse(r.stdout)[0].messages;
    expect(message).toMatchObject({ ruleId: null, severity: 1, level: "info", line: 1 });
    expect(r.code).toBe(1); // --fail-on info: an unused suppression is a finding
    expect((await run(dir, ["--fail-on", "low", "svc.yaml"])).code).toBe(0);
  });
});

describe("--fix-dry-run", () => {
  it("prints a unified diff on stdout, the report on stderr, and writes nothing", async () => {
    const original = fixture("privileged-deployment.yaml");
    const dir = project({ ".kubeguard.yaml": ONLY_CORE_RULES, "web.yaml": original });
    const r = await run(dir, ["--fix-dry-run"]);
    expect(r.code).toBe(0); // nothing left after the fixes
    expect(read(dir, "web.yaml")).toBe(original);
    expect(r.stdout).toContain("--- a/web.yaml\n+++ b/web.yaml\n@@ -22,4 +22,4 @@\n");
    expect(r.stdout).toContain("\n-            privileged: true # needed for tcpdump, supposedly\n+            privileged: false # needed for tcpdump, supposedly\n");
    expect(readdirSync(dir).sort()).toEqual([".kubeguard.yaml", "web.yaml"]);
  });

  it("shows fixes for stdin too", async () => {
    const dir = project({ ".kubeguard.yaml": ONLY_CORE_RULES });
    const r = await run(dir, ["--fix-dry-run", "--stdin-filename", "web.yaml", "-"], fixture("privileged-deployment.yaml"));
    expect(r.stdout).toContain("+            privileged: false");
  });
});
