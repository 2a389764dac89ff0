import rule from "../../rules/kubelet-event-qps.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [{ name: "absent: the default 50 applies", code: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\ncgroupDriver: systemd\n" }],
  invalid: [
    {
      name: "kubeadm v1beta4 extra arg",
      code: "apiVersion: kubeadm.k8s.io/v1beta4\nkind: JoinConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    - name: event-qps\n      value: \"0\"\n",
      errors: [{ messageId: "insecureFlag", data: { value: "0", carrier: "kubeadm kubeletExtraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 17 }],
      output: null,
    },
  ],
});
