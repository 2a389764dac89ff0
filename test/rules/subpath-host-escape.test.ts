import { describe, expect, it } from "vitest";
import rule, { exposure, parseFullVersion } from "../../rules/subpath-host-escape.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/subpath-host-escape/{valid,invalid}.
runRuleTests(rule);

describe("subpath-host-escape: CVE-2021-25741 affected kubelet releases (kubernetes/kubernetes#104980)", () => {
  it("patch releases before the fix of each line are affected, the fix and later are not", () => {
    const cases: [string, Exposure["kind"]][] = [
      ["1.18.20", "affected"],
      ["1.19.14", "affected"],
      ["1.19.15", "fixed"],
      ["1.20.10", "affected"],
      ["1.20.11", "fixed"],
      ["1.21.4", "affected"],
      ["1.21.5", "fixed"],
      ["1.22.0", "affected"],
      ["1.22.1", "affected"],
      ["1.22.2", "fixed"],
      ["1.23.0", "fixed"],
      ["1.34.1", "fixed"],
    ];
    for (const [v, kind] of cases) {
      const [a, b, c] = parseFullVersion(v)!;
      expect(exposure(a, b, c).kind, v).toBe(kind);
    }
  });
  it("without a patch level, 1.19–1.22 are reported as affected lines, older lines as affected, 1.23+ not", () => {
    expect(exposure(1, 16, null)).toEqual({ kind: "affected", version: "1.16", fixed: "one of v1.19.15, v1.20.11, v1.21.5, v1.22.2 or a later release (the v1.16 line has no fixed release)" });
    expect(exposure(1, 21, null)).toEqual({ kind: "line", version: "1.21", fixed: "v1.21.5" });
    expect(exposure(1, 22, null)).toEqual({ kind: "line", version: "1.22", fixed: "v1.22.2" });
    expect(exposure(1, 23, null).kind).toBe("fixed");
  });
  it("parses v-prefixed versions and rejects major.minor", () => {
    expect(parseFullVersion("v1.21.4")).toEqual([1, 21, 4]);
    expect(parseFullVersion("1.21")).toBeNull();
  });
});

type Exposure = ReturnType<typeof exposure>;
