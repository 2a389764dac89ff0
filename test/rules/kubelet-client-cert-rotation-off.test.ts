import rule from "../../rules/kubelet-client-cert-rotation-off.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [{ name: "unit with --config", filename: "etc/systemd/system/kubelet.service", code: "[Service]\nExecStart=/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml\n" }],
  invalid: [
    {
      name: "standalone KubeletConfiguration without the field (default false): suggestion adds it",
      code: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\ncgroupDriver: systemd\n",
      errors: [{ messageId: "missingConfig", line: 2, column: 1, endLine: 2, endColumn: 27, suggestions: [{ messageId: "setConfig", output: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\ncgroupDriver: systemd\nrotateCertificates: true\n" }] }],
      output: null,
    },
  ],
});
