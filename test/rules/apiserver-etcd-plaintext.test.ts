import rule from "../../rules/apiserver-etcd-plaintext.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n    - name: kube-apiserver\n      image: registry.k8s.io/kube-apiserver:v1.33.2\n      command:\n        - kube-apiserver\n${flags}`;

runRuleTests(rule, {
  valid: [
    { name: "https only", code: pod("        - --etcd-servers=https://10.0.0.11:2379\n") },
    { name: "etcd over a unix socket is not HTTP", code: pod("        - --etcd-servers=unix:///var/run/etcd.sock\n") },
    { name: "kube-controller-manager flags are not read", code: pod("        - --etcd-servers=http://127.0.0.1:2379\n").replace(/kube-apiserver/gu, "kube-controller-manager") },
  ],
  invalid: [
    {
      name: "slices append: a second occurrence adds an http URL",
      code: pod("        - --etcd-servers=https://10.0.0.11:2379\n        - --etcd-servers=http://10.0.0.12:2379\n"),
      errors: [
        {
          messageId: "present",
          line: 13,
          column: 11,
          endLine: 13,
          endColumn: 47,
          suggestions: [{ messageId: "fix", output: pod("        - --etcd-servers=https://10.0.0.11:2379\n        - --etcd-servers=https://10.0.0.12:2379\n") }],
        },
      ],
    },
    {
      name: "`--etcd-servers value` (two items), upper-case scheme",
      code: pod("        - --etcd-servers\n        - HTTP://10.0.0.12:2379\n"),
      errors: [
        {
          messageId: "present",
          line: 12,
          column: 11,
          endLine: 13,
          endColumn: 32,
          suggestions: [{ messageId: "fix", output: pod("        - --etcd-servers\n        - https://10.0.0.12:2379\n") }],
        },
      ],
    },
  ],
});
