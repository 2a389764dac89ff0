import rule, { corsProblem } from "../../rules/apiserver-cors-unanchored.js";
import { describe, expect, it } from "vitest";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/apiserver-cors-unanchored/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4).
runRuleTests(rule);

describe("corsProblem", () => {
  it("accepts the anchored forms of the flag reference", () => {
    expect(corsProblem("//example\\.com(:|$)")).toBeNull();
    expect(corsProblem("^https://example\\.com(:|$)")).toBeNull();
    expect(corsProblem("^https://example\\.com:")).toBeNull();
  });
  it("reports loose expressions", () => {
    expect(corsProblem("example\\.com")).toBe("both");
    expect(corsProblem("https://example.com")).toBe("end");
    expect(corsProblem("example\\.com$")).toBe("start");
    expect(corsProblem(".*")).toBe("everything");
    expect(corsProblem("^.*$")).toBe("everything");
  });
});
