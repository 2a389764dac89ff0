import rule from "../../rules/etcd-auto-tls.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: etcd\n  namespace: kube-system\nspec:\n  containers:\n    - name: etcd\n      image: registry.k8s.io/etcd:3.5.15-0\n      command:\n        - etcd\n${flags}`;

runRuleTests(rule, {
  valid: [
    { name: "absent (default false)", code: pod("        - --cert-file=/pki/server.crt\n") },
    { name: "last occurrence false wins", code: pod("        - --auto-tls\n        - --auto-tls=false\n") },
  ],
  invalid: [
    {
      name: "space form `--auto-tls false` is true; no fix",
      code: pod("        - --auto-tls\n        - \"false\"\n        - --cert-file=/pki/server.crt\n        - --key-file=/pki/server.key\n"),
      errors: [{ messageId: "spaceForm", line: 12, column: 11, endLine: 13, endColumn: 18 }],
    },
  ],
});
