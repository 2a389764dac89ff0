import rule from "../../rules/kubelet-tls-min-version-weak.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [{ name: "unset means TLS 1.2", code: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\ncgroupDriver: systemd\n" }],
  invalid: [
    {
      name: "flag in ExecStart= is reported without a fix",
      filename: "etc/systemd/system/kubelet.service",
      code: "[Service]\nExecStart=/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml --tls-min-version=VersionTLS10\n",
      errors: [{ messageId: "insecureFlag", data: { value: "VersionTLS10", carrier: "systemd unit" }, line: 2, column: 66, endLine: 2, endColumn: 96 }],
      output: null,
    },
  ],
});
