import rule, { withNode } from "../../rules/apiserver-authz-missing-node.js";
import { describe, expect, it } from "vitest";
import { runRuleTests } from "../rule-tester.js";

const pod = (tag: string, flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n    - name: kube-apiserver\n      image: registry.k8s.io/kube-apiserver:${tag}\n      command:\n        - kube-apiserver\n${flags}`;

runRuleTests(rule, {
  valid: [
    { name: "--authorization-config decides", code: pod("v1.34.1", "        - --authorization-config=/etc/kubernetes/authz.yaml\n") },
    { name: "list flag appends across occurrences", code: pod("v1.34.1", "        - --authorization-mode=RBAC\n        - --authorization-mode=Node\n") },
  ],
  invalid: [
    {
      name: "absent: default AlwaysAllow; suggestion adds Node,RBAC",
      code: pod("v1.34.1", "        - --secure-port=6443\n"),
      errors: [{ messageId: "absent", line: 11, column: 9, endLine: 13, endColumn: 1, suggestions: [{ messageId: "fix", output: pod("v1.34.1", "        - --secure-port=6443\n        - --authorization-mode=Node,RBAC\n") }] }],
    },
    {
      name: "AlwaysAllow only: Node goes first",
      code: pod("v1.34.1", "        - --authorization-mode=AlwaysAllow\n"),
      errors: [{ messageId: "present", line: 12, column: 11, endLine: 12, endColumn: 43, suggestions: [{ messageId: "fix", output: pod("v1.34.1", "        - --authorization-mode=Node,AlwaysAllow\n") }] }],
    },
  ],
});

describe("withNode", () => {
  it("inserts Node before RBAC, else first", () => {
    expect(withNode("RBAC")).toBe("Node,RBAC");
    expect(withNode("Webhook,RBAC")).toBe("Webhook,Node,RBAC");
    expect(withNode("Webhook")).toBe("Node,Webhook");
    expect(withNode(null)).toBe("Node,RBAC");
  });
});
