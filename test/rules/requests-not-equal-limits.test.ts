import { describe, expect, it } from "vitest";
import rule from "../../rules/requests-not-equal-limits.js";
import { parseQuantity, sameQuantity } from "../../rules/shared/_part-c-resources.js";
import type { ScalarNode } from "../../src/language/ast.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [
    {
      name: "option: only memory is compared",
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: registry.example.com/a:1.0.0\n      resources:\n        requests: {cpu: 100m, memory: 1Gi}\n        limits: {cpu: 2, memory: 1024Mi}\n",
      options: [{ resources: ["memory"] }],
    },
  ],
});

const scalar = (value: string | number): ScalarNode => ({ type: "Scalar", value, style: "PLAIN", tag: null, anchor: null, range: [0, 0] });

describe("Kubernetes quantities", () => {
  it("parses decimal, binary and exponent suffixes", () => {
    expect(parseQuantity(scalar("500m"))).toBe(0.5);
    expect(parseQuantity(scalar("1Gi"))).toBe(2 ** 30);
    expect(parseQuantity(scalar("2e3"))).toBe(2000);
    expect(parseQuantity(scalar("1.5G"))).toBe(1.5e9);
    expect(parseQuantity(scalar(4))).toBe(4);
    expect(parseQuantity(scalar("lots"))).toBeNull();
    expect(sameQuantity(parseQuantity(scalar("1Gi"))!, parseQuantity(scalar("1024Mi"))!)).toBe(true);
    expect(sameQuantity(parseQuantity(scalar("1G"))!, parseQuantity(scalar("1Gi"))!)).toBe(false);
  });
});
