import rule from "../../rules/kubeadm-apiversion-unsupported.js";
import { runRuleTests } from "../rule-tester.js";

const cfg = (v: string, k8s: string): string => `apiVersion: kubeadm.k8s.io/${v}\nkind: ClusterConfiguration\nkubernetesVersion: ${k8s}\n`;

runRuleTests(rule, {
  valid: [
    { name: "v1beta2 is still read by kubeadm 1.26", code: cfg("v1beta2", "v1.26.15") },
    { name: "v1beta3 is not reported without the superseded option", code: cfg("v1beta3", "v1.32.0") },
    { name: "v1beta3 before v1beta4 existed (1.30)", code: cfg("v1beta3", "v1.30.0"), options: [{ superseded: true }] },
  ],
  invalid: [
    {
      name: "settings.kubernetesVersion when the file has no ClusterConfiguration",
      code: "apiVersion: kubeadm.k8s.io/v1beta2\nkind: JoinConfiguration\n",
      settings: { kubeguard: { kubernetesVersion: "1.28" } },
      errors: [{ messageId: "unsupported", data: { apiVersion: "kubeadm.k8s.io/v1beta2", kind: "JoinConfiguration", target: "1.28", since: "1.27" }, line: 1, column: 13, endLine: 1, endColumn: 35 }],
    },
  ],
});
