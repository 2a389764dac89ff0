import rule from "../../rules/kubelet-iptables-util-chains-off.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [{ name: "explicit true", code: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nmakeIPTablesUtilChains: true\n" }],
  invalid: [
    {
      name: "bool literal 0 in kubeadm v1beta3 extra args: the pair is removed",
      code: "apiVersion: kubeadm.k8s.io/v1beta3\nkind: JoinConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    node-ip: \"10.0.0.21\"\n    make-iptables-util-chains: \"0\"\n",
      errors: [{ messageId: "insecureFlag", data: { value: "0", carrier: "kubeadm kubeletExtraArgs" }, line: 6, column: 5, endLine: 6, endColumn: 35 }],
      output: "apiVersion: kubeadm.k8s.io/v1beta3\nkind: JoinConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    node-ip: \"10.0.0.21\"\n",
    },
  ],
});
