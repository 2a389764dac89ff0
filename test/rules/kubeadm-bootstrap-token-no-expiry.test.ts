import { describe, expect, it } from "vitest";
import rule from "../../rules/kubeadm-bootstrap-token-no-expiry.js";
import { goDuration } from "../../rules/shared/_kubeadm.js";
import { runRuleTests } from "../rule-tester.js";

const init = (ttl: string): string => `apiVersion: kubeadm.k8s.io/v1beta3\nkind: InitConfiguration\nbootstrapTokens:\n  - token: "{{ t }}"\n    ttl: ${ttl}\n`;

runRuleTests(rule, {
  valid: [{ name: "2h", code: init("2h") }, { name: "1.5h", code: init("1.5h") }],
  invalid: [
    {
      name: "0s",
      code: init("0s"),
      errors: [{ messageId: "noExpiry", data: { index: 0, written: "0s" }, line: 5, column: 10, endLine: 5, endColumn: 12, suggestions: [{ messageId: "setTtl", output: init("24h0m0s") }] }],
    },
  ],
});

describe("goDuration", () => {
  it("parses Go durations", () => {
    expect(goDuration("0")).toBe(0);
    expect(goDuration("0h0m0s")).toBe(0);
    expect(goDuration("24h0m0s")).toBe(24 * 3600e9);
    expect(goDuration("1.5h")).toBe(1.5 * 3600e9);
    expect(goDuration("300ms")).toBe(300e6);
    expect(goDuration("h")).toBeNull();
    expect(goDuration("10x")).toBeNull();
    expect(goDuration("")).toBeNull();
  });
});
