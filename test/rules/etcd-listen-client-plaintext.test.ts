import rule from "../../rules/etcd-listen-client-plaintext.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: etcd\n  namespace: kube-system\nspec:\n  containers:\n    - name: etcd\n      image: registry.k8s.io/etcd:3.5.15-0\n      command:\n        - etcd\n${flags}`;

runRuleTests(rule, {
  valid: [
    { name: "absent: default http://localhost:2379 is loopback", code: pod("        - --name=cp-1\n") },
    { name: "127.0.0.2 is loopback too", code: pod("        - --listen-client-urls=http://127.0.0.2:2379\n") },
  ],
  invalid: [
    {
      name: "0.0.0.0 over http (listen-client-http-urls)",
      code: pod("        - --listen-client-http-urls=http://0.0.0.0:2379\n"),
      errors: [
        {
          messageId: "present",
          line: 12,
          column: 11,
          endLine: 12,
          endColumn: 56,
          suggestions: [{ messageId: "fix", output: pod("        - --listen-client-http-urls=https://0.0.0.0:2379\n") }],
        },
      ],
    },
  ],
});
