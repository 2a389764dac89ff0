import rule from "../../rules/kubelet-static-pod-url.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [{ name: "empty staticPodURL", code: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nstaticPodURL: \"\"\n" }],
  invalid: [
    {
      name: "kubeadm v1beta3 extra arg",
      code: "apiVersion: kubeadm.k8s.io/v1beta3\nkind: JoinConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    manifest-url: http://10.0.0.1/pods\n",
      errors: [{ messageId: "insecureFlag", data: { value: "http://10.0.0.1/pods", carrier: "kubeadm kubeletExtraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 39 }],
      output: null,
    },
  ],
});
