import rule from "../../rules/kubelet-healthz-not-loopback.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [{ name: "IPv6 loopback", code: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nhealthzBindAddress: \"::1\"\n" }],
  invalid: [
    {
      name: "an empty flag binds every interface (unlike an empty field)",
      filename: "var/lib/kubelet/kubeadm-flags.env",
      code: "KUBELET_KUBEADM_ARGS=\"--healthz-bind-address= --node-ip=10.0.0.5\"\n",
      errors: [{ messageId: "insecureFlag", line: 1, column: 23, endLine: 1, endColumn: 46 }],
      output: "KUBELET_KUBEADM_ARGS=\"--healthz-bind-address=127.0.0.1 --node-ip=10.0.0.5\"\n",
    },
  ],
});
