import rule from "../../rules/kubelet-system-log-query.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [{ name: "absent (default false)", code: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nenableSystemLogHandler: true\n" }],
  invalid: [
    {
      name: "true in a kubeadm file's KubeletConfiguration",
      code: "apiVersion: kubeadm.k8s.io/v1beta4\nkind: InitConfiguration\n---\napiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nenableSystemLogQuery: true\n",
      errors: [{ messageId: "insecureConfig", data: { value: "true" }, line: 6, column: 1, endLine: 6, endColumn: 27 }],
      output: null,
    },
  ],
});
