/**
 * @fileoverview Kustomizations rendered with the real `kubectl kustomize` (or `kustomize build`):
 * each finding points at the base file that declares the resource, or at the patch (strategic
 * merge or JSON 6902) that set the field; a missing tool is a clear error.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../cli/helpers.js";
import { KUBECTL, KUSTOMIZE, ROOT, TEST_ENV } from "../helm/tools.js";

const K = join(ROOT, "fixtures", "kustomize");
const OVERLAY = join(K, "overlays", "prod");
interface Msg {
  ruleId: string;
  resource: { kind: string; name: string; namespace: string };
  source?: { file: string; line: number; column: number; exact?: boolean; note?: string };
}
const parse = (s: string): { filePath: string; messages: Msg[] }[] => JSON.parse(s) as { filePath: string; messages: Msg[] }[];
const lineOf = (file: string, line: number): string => readFileSync(file, "utf8").split("\n")[line - 1]!;

describe("without kubectl or kustomize", () => {
  it("reports a clear error and still lints the other paths", async () => {
    const other = join(K, "base", "deployment.yaml");
    const r = await run(ROOT, [OVERLAY, other, "--format", "json"], "", { PATH: "/nonexistent" });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot render the kustomization .*prod: neither kustomize nor kubectl is on PATH; install kubectl/u);
    expect(parse(r.stdout).map((x) => x.filePath)).toEqual([other]);
  });
});

describe.skipIf(!KUBECTL && !KUSTOMIZE)("with the real kubectl kustomize", () => {
  if (!KUBECTL && !KUSTOMIZE) console.warn("test/kustomize: neither kubectl nor kustomize found; skipping");

  it("points findings at the base, the strategic-merge patch and the JSON patch", async () => {
    const r = await run(ROOT, [OVERLAY, "--format", "json"], "", TEST_ENV);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const messages = parse(r.stdout).flatMap((x) => x.messages);
    const by = (rule: string): Msg => {
      const found = messages.filter((m) => m.ruleId === rule);
      expect(found, rule).toHaveLength(1);
      return found[0]!;
    };
    // Rendered identity: the overlay's namePrefix and namespace.
    expect(by("host-network").resource).toMatchObject({ kind: "Deployment", name: "prod-api", namespace: "prod" });
    // Declared in the base.
    expect(by("host-network").source).toEqual({ file: join(K, "base", "deployment.yaml"), line: 14, column: 7, exact: true });
    expect(lineOf(join(K, "base", "deployment.yaml"), 14)).toBe("      hostNetwork: true");
    // Set by the overlay's strategic-merge patch.
    expect(by("privileged-container").source).toEqual({ file: join(OVERLAY, "privileged.yaml"), line: 11, column: 13, exact: true });
    expect(lineOf(join(OVERLAY, "privileged.yaml"), 11)).toBe("            privileged: true");
    // Added by the JSON 6902 patch: the operation that adds it.
    expect(by("host-pid").source).toMatchObject({ file: join(OVERLAY, "hostpid.json-patch.yaml"), line: 1, exact: true });
    // A mapping the patch only passes through stays with the base.
    for (const m of messages.filter((x) => x.ruleId === "automount-service-account-token")) expect(m.source?.file).toBe(join(K, "base", "deployment.yaml"));
    for (const m of messages) expect(m.source?.exact, `${m.ruleId}: ${m.source?.note}`).toBe(true);
  });

  it("handles a folder name with shell metacharacters, and --fix writes nothing", async () => {
    const base = mkdtempSync(join(tmpdir(), "kubeguard-kust-"));
    const weird = join(base, "k $(touch PWNED);`touch PWNED2`&x");
    cpSync(K, weird, { recursive: true });
    const overlay = join(weird, "overlays", "prod");
    const before = readFileSync(join(overlay, "privileged.yaml"), "utf8");
    const r = await run(base, [overlay, "--format", "json", "--fix"], "", TEST_ENV);
    expect(r.stderr).toContain("not applied: it is rendered (helm/kustomize) output");
    const messages = parse(r.stdout).flatMap((x) => x.messages);
    expect(messages.find((m) => m.ruleId === "privileged-container")?.source?.file).toBe(join(overlay, "privileged.yaml"));
    expect(readFileSync(join(overlay, "privileged.yaml"), "utf8")).toBe(before);
    expect(readdirSync(base)).toHaveLength(1);
  });
});
