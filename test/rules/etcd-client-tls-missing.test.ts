import rule from "../../rules/etcd-client-tls-missing.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: etcd\n  namespace: kube-system\nspec:\n  containers:\n    - name: etcd\n      image: registry.k8s.io/etcd:3.5.15-0\n      command:\n        - etcd\n${flags}`;

runRuleTests(rule, {
  valid: [
    { name: "both files set (underscore spelling is the same flag)", code: pod("        - --cert_file=/pki/server.crt\n        - --key-file=/pki/server.key\n") },
    { name: "external etcd in a ClusterConfiguration: kubeadm runs no local etcd", code: "apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\netcd:\n  external:\n    endpoints: [https://10.0.0.11:2379]\n" },
  ],
  invalid: [
    {
      name: "last occurrence wins: an empty --key-file after a real one",
      code: pod("        - --cert-file=/pki/server.crt\n        - --key-file=/pki/server.key\n        - --key-file=\n"),
      errors: [
        {
          messageId: "present",
          line: 14,
          column: 11,
          endLine: 14,
          endColumn: 22,
          suggestions: [{ messageId: "fix", output: pod("        - --cert-file=/pki/server.crt\n        - --key-file=/pki/server.key\n        - --key-file=/etc/kubernetes/pki/etcd/server.key\n") }],
        },
      ],
    },
  ],
});
