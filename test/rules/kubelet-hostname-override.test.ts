import rule from "../../rules/kubelet-hostname-override.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [{ name: "empty value does not override", filename: "etc/systemd/system/kubelet.service", code: "[Service]\nExecStart=/usr/bin/kubelet --config=/c.yaml --hostname-override=\n" }],
  invalid: [
    {
      name: "systemd specifier %H",
      filename: "etc/systemd/system/kubelet.service",
      code: "[Service]\nExecStart=/usr/bin/kubelet --config=/c.yaml --hostname-override=%H\n",
      errors: [{ messageId: "insecureFlag", data: { value: "%H", carrier: "systemd unit" }, line: 2, column: 45, endLine: 2, endColumn: 67 }],
      output: null,
    },
  ],
});
