import { describe, expect, it } from "vitest";
import rule from "../../rules/audit-shadowed-rule.js";
import { patternCovers, patternMatches, selectorCovers, type Selector } from "../../rules/shared/_audit.js";
import { runRuleTests } from "../rule-tester.js";

const sel = (s: Partial<Selector>): Selector => ({ users: null, userGroups: null, verbs: null, scope: "any", namespaces: null, resources: null, nonResourceURLs: null, ...s });

describe("audit rule matching (apiserver pkg/audit/policy/checker.go)", () => {
  it("matches resource patterns like the checker", () => {
    expect(patternMatches("*", "pods/exec")).toBe(true);
    expect(patternMatches("pods", "pods/exec")).toBe(false);
    expect(patternMatches("*/exec", "pods/exec")).toBe(true);
    expect(patternMatches("pods/*", "pods/exec")).toBe(true);
    expect(patternMatches("pods/*", "pods")).toBe(true);
    expect(patternCovers("pods/*", "pods/log")).toBe(true);
    expect(patternCovers("pods/log", "pods/*")).toBe(false);
  });
  it("covers only what every selector of the earlier rule admits", () => {
    const core = sel({ scope: "resource", resources: [{ group: "", resources: [], resourceNames: [] }] });
    const events = sel({ scope: "resource", resources: [{ group: "", resources: ["events"], resourceNames: [] }] });
    expect(selectorCovers(core, events)).toBe(true);
    expect(selectorCovers(events, core)).toBe(false);
    expect(selectorCovers(sel({ users: ["a"] }), sel({ users: ["a"], verbs: ["get"] }))).toBe(true);
    expect(selectorCovers(sel({ users: ["a"] }), sel({ userGroups: ["g"] }))).toBe(false);
    expect(selectorCovers(sel({ scope: "nonResource", nonResourceURLs: ["/healthz*"] }), sel({ scope: "nonResource", nonResourceURLs: ["/healthz/ready"] }))).toBe(true);
    expect(selectorCovers(sel({ scope: "nonResource", nonResourceURLs: ["/healthz*"] }), events)).toBe(false);
    // No group wildcard in audit policies: group "*" is a literal group name.
    const star = sel({ scope: "resource", resources: [{ group: "*", resources: [], resourceNames: [] }] });
    expect(selectorCovers(star, events)).toBe(false);
  });
});

runRuleTests(rule, {
  valid: [
    {
      name: "a rule for one user is not shadowed by a rule for another",
      code: 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: None\n    users: ["system:kube-proxy"]\n  - level: None\n    users: ["system:kube-scheduler"]\n  - level: Metadata\n',
    },
    {
      name: "resourceNames narrow the earlier rule: a later rule for all names is not shadowed",
      code: 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: None\n    resources:\n      - group: ""\n        resources: ["configmaps"]\n        resourceNames: ["controller-leader"]\n  - level: Metadata\n    resources:\n      - group: ""\n        resources: ["configmaps"]\n',
    },
  ],
  invalid: [
    {
      name: "a verb-restricted rule after the same rule without verbs",
      code: 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: Metadata\n    users: ["system:kube-proxy"]\n  - level: None\n    users: ["system:kube-proxy"]\n    verbs: ["watch"]\n',
      errors: [
        {
          messageId: "shadowed",
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 16,
          suggestions: [
            {
              messageId: "moveBefore",
              output: 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: None\n    users: ["system:kube-proxy"]\n    verbs: ["watch"]\n  - level: Metadata\n    users: ["system:kube-proxy"]\n',
            },
          ],
        },
      ],
    },
  ],
});
