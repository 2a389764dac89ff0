import { describe, expect, it } from "vitest";
import rule from "../../rules/rbac-pods-exec.js";
import { grantOf, policyRules, selectorMatches } from "../../rules/shared/_cluster-rbac.js";
import { parseProgram } from "../../src/language/language.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  invalid: [
    {
      name: "get on pods/exec is exec before 1.30 (WebSocket upgrade)",
      code: "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: old}\nrules:\n  - {apiGroups: [''], resources: [pods/exec], verbs: [get]}\n",
      settings: { kubeguard: { kubernetesVersion: "1.29" } },
      errors: [{ messageId: "grant", data: { kind: "ClusterRole", name: "old", index: 0, verbs: "get", resources: "pods/exec", names: "", aggregated: "" }, line: 5, column: 35, endLine: 5, endColumn: 44 }],
    },
  ],
  valid: [
    {
      name: "the same role at 1.30 needs create",
      code: "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: old}\nrules:\n  - {apiGroups: [''], resources: [pods/exec], verbs: [get]}\n",
      settings: { kubeguard: { kubernetesVersion: "1.30" } },
    },
  ],
});

function roleOf(yaml: string) {
  const r = parseProgram(yaml, "role.yaml").body[0]!.resources[0]!;
  return policyRules(r);
}

describe("RBAC matching (Kubernetes authorizer semantics)", () => {
  const exec = [{ verbs: ["create"], groups: [""], resources: ["pods/exec"] }];
  it("'*' and '*/exec' match pods/exec; 'pods/*' and 'pods' do not", () => {
    const rules = roleOf(
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r}\nrules:\n  - {apiGroups: [''], resources: ['*'], verbs: [create]}\n  - {apiGroups: [''], resources: ['*/exec'], verbs: [create]}\n  - {apiGroups: [''], resources: ['pods/*'], verbs: [create]}\n  - {apiGroups: [''], resources: [pods], verbs: [create]}\n",
    );
    expect(rules.map((r) => grantOf(r, exec, "Role") !== null)).toEqual([true, true, false, false]);
  });
  it("the group must match ('' is core, '*' is every group)", () => {
    const rules = roleOf(
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r}\nrules:\n  - {apiGroups: [apps], resources: [pods/exec], verbs: [create]}\n  - {apiGroups: ['*'], resources: [pods/exec], verbs: ['*']}\n",
    );
    expect(rules.map((r) => grantOf(r, exec, "Role") !== null)).toEqual([false, true]);
  });
  it("resourceNames never allow create on a collection or deletecollection", () => {
    const rules = roleOf("apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r}\nrules:\n  - {apiGroups: [''], resources: [pods, pods/exec], resourceNames: [web-0], verbs: [create, deletecollection]}\n");
    const g = grantOf(rules[0]!, [{ verbs: ["create", "deletecollection"], groups: [""], resources: ["pods", "pods/exec"] }], "Role");
    expect(g?.verbs).toEqual(["create"]);
    expect(g?.resources).toEqual(["pods/exec"]);
    expect(g?.names).toEqual(["web-0"]);
  });
  it("label selectors: matchLabels and every matchExpressions operator", () => {
    const sel = parseProgram(
      "matchLabels: {team: a}\nmatchExpressions:\n  - {key: tier, operator: In, values: [x, y]}\n  - {key: legacy, operator: DoesNotExist}\n  - {key: env, operator: NotIn, values: [prod]}\n  - {key: owner, operator: Exists}\n",
      "s.yaml",
    ).body[0]!.content as never;
    expect(selectorMatches(sel, { team: "a", tier: "x", owner: "me" })).toBe(true);
    expect(selectorMatches(sel, { team: "a", tier: "x", owner: "me", env: "prod" })).toBe(false);
    expect(selectorMatches(sel, { team: "a", tier: "z", owner: "me" })).toBe(false);
    expect(selectorMatches(sel, { team: "a", tier: "x" })).toBe(false);
    expect(selectorMatches(sel, { team: "a", tier: "x", owner: "me", legacy: "1" })).toBe(false);
  });
});
