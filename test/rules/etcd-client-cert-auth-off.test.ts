import rule from "../../rules/etcd-client-cert-auth-off.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: etcd\n  namespace: kube-system\nspec:\n  containers:\n    - name: etcd\n      image: registry.k8s.io/etcd:3.5.15-0\n      command:\n        - etcd\n${flags}`;

runRuleTests(rule, {
  valid: [
    { name: "bare bool flag is true", code: pod("        - --client-cert-auth\n") },
    { name: "Go bool literal 1", code: pod("        - --client-cert-auth=1\n") },
    { name: "--trusted-ca-file enforces client certificates even with =false", code: pod("        - --client-cert-auth=false\n        - --trusted-ca-file=/pki/ca.crt\n") },
    { name: "ClusterConfiguration without extraArgs: kubeadm writes --client-cert-auth=true", code: "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\netcd:\n  local:\n    dataDir: /var/lib/etcd\n" },
  ],
  invalid: [
    {
      name: "last occurrence wins: =F (Go bool false) after =true",
      code: pod("        - --client-cert-auth=true\n        - --client-cert-auth=F\n"),
      errors: [
        {
          messageId: "present",
          line: 13,
          column: 11,
          endLine: 13,
          endColumn: 31,
          suggestions: [{ messageId: "fix", output: pod("        - --client-cert-auth=true\n        - --client-cert-auth=true\n") }],
        },
      ],
    },
  ],
});
