import rule from "../../rules/kubelet-unsafe-sysctls-allowed.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [{ name: "flag with an empty value", filename: "etc/systemd/system/kubelet.service", code: "[Service]\nExecStart=/usr/bin/kubelet --config=/c.yaml --allowed-unsafe-sysctls=\n" }],
  invalid: [
    {
      name: "flow list",
      code: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nallowedUnsafeSysctls: [net.core.somaxconn]\n",
      errors: [{ messageId: "insecureConfig", data: { value: "net.core.somaxconn" }, line: 3, column: 1, endLine: 3, endColumn: 43 }],
      output: null,
    },
  ],
});
