import rule, { parseGoDuration } from "../../rules/apiserver-request-timeout.js";
import { describe, expect, it } from "vitest";
import { runRuleTests } from "../rule-tester.js";

const pod = (tag: string, flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n    - name: kube-apiserver\n      image: registry.k8s.io/kube-apiserver:${tag}\n      command:\n        - kube-apiserver\n${flags}`;

runRuleTests(rule, {
  valid: [{ name: "59m59s", code: pod("v1.34.1", "        - --request-timeout=59m59s\n") }],
  invalid: [
    {
      name: "option maxSeconds",
      code: pod("v1.34.1", "        - --request-timeout=5m\n"),
      options: [{ maxSeconds: 120 }],
      errors: [{ messageId: "tooLong", data: { value: "5m", max: "120s" }, line: 12, column: 11, endLine: 12, endColumn: 31 }],
    },
    {
      name: "space form value in the next item",
      code: pod("v1.34.1", "        - --request-timeout\n        - 1.5h\n"),
      errors: [{ messageId: "tooLong", line: 12, column: 11, endLine: 13, endColumn: 15 }],
    },
  ],
});

describe("parseGoDuration", () => {
  it("follows Go's time.ParseDuration", () => {
    expect(parseGoDuration("1h30m")).toBe(5400);
    expect(parseGoDuration("1m0s")).toBe(60);
    expect(parseGoDuration(".5s")).toBe(0.5);
    expect(parseGoDuration("1.s")).toBe(1);
    expect(parseGoDuration("-1m")).toBe(-60);
    expect(parseGoDuration("0")).toBe(0);
    expect(parseGoDuration("300ms")).toBeCloseTo(0.3);
    expect(parseGoDuration("300")).toBeNull();
    expect(parseGoDuration("s")).toBeNull();
    expect(parseGoDuration("")).toBeNull();
    expect(parseGoDuration("1d")).toBeNull();
  });
});
