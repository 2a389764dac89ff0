import rule from "../../rules/systemd-execstart-not-reset.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [
    { name: "oneshot service may have several", filename: "etc/systemd/system/setup.service.d/override.conf", code: "[Service]\nType=oneshot\nExecStart=/usr/local/bin/step2\n" },
    { name: "a unit file (not a drop-in) may set it", filename: "etc/systemd/system/kubelet.service", code: "[Service]\nExecStart=/usr/bin/kubelet\n" },
  ],
  invalid: [
    {
      name: "CRLF drop-in: the reset line keeps CRLF",
      filename: "etc/systemd/system/kubelet.service.d/20-x.conf",
      code: "[Service]\r\nExecStart=/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml\r\n",
      errors: [{ messageId: "notReset", line: 2, column: 1, endLine: 2, endColumn: 65 }],
      output: "[Service]\r\nExecStart=\r\nExecStart=/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml\r\n",
    },
  ],
});
