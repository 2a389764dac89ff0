import rule from "../../rules/apiserver-anonymous-with-alwaysallow.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (tag: string, flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n    - name: kube-apiserver\n      image: registry.k8s.io/kube-apiserver:${tag}\n      command:\n        - kube-apiserver\n${flags}`;

runRuleTests(rule, {
  valid: [
    { name: "--authentication-config decides about anonymous access", code: pod("v1.34.1", "        - --authorization-mode=AlwaysAllow\n        - --authentication-config=/etc/kubernetes/authn.yaml\n") },
    { name: "--authorization-config decides the authorizers", code: pod("v1.34.1", "        - --authorization-config=/etc/kubernetes/authz.yaml\n") },
    { name: "anonymous off (last occurrence wins)", code: pod("v1.34.1", "        - --anonymous-auth=true\n        - --authorization-mode=AlwaysAllow\n        - --anonymous-auth=false\n") },
  ],
  invalid: [
    {
      name: "'--anonymous-auth false' (space) is true for a bool flag",
      code: pod("v1.34.1", "        - --authorization-mode=AlwaysAllow\n        - --anonymous-auth\n        - \"false\"\n"),
      errors: [{ messageId: "present", data: { flag: "authorization-mode", value: "AlwaysAllow", detail: "--anonymous-auth=true" }, line: 12, column: 11, endLine: 12, endColumn: 43 }],
    },
    {
      name: "no authorization flag at all: default AlwaysAllow",
      code: pod("v1.34.1", "        - --secure-port=6443\n"),
      errors: [{ messageId: "absent", line: 11, column: 9, endLine: 13, endColumn: 1 }],
    },
  ],
});
