import rule from "../../rules/etcd-peer-auto-tls.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: etcd\n  namespace: kube-system\nspec:\n  containers:\n    - name: etcd\n      image: registry.k8s.io/etcd:3.5.15-0\n      command:\n        - etcd\n${flags}`;

runRuleTests(rule, {
  valid: [{ name: "Go bool 0", code: pod("        - --peer-auto-tls=0\n") }],
  invalid: [
    {
      name: "no peer certificates: reported without a fix",
      code: pod("        - --peer-auto-tls=TRUE\n"),
      errors: [{ messageId: "present", line: 12, column: 11, endLine: 12, endColumn: 31 }],
    },
  ],
});
