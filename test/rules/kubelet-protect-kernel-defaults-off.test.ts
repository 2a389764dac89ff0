import rule from "../../rules/kubelet-protect-kernel-defaults-off.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [{ name: "flag true on a no-config unit", filename: "etc/systemd/system/kubelet.service", code: "[Service]\nExecStart=/usr/bin/kubelet --protect-kernel-defaults\n" }],
  invalid: [
    {
      name: "no-config unit: the command-line default false applies (report only: ExecStart= is never edited)",
      filename: "etc/systemd/system/kubelet.service",
      code: "[Service]\nExecStart=/usr/bin/kubelet --kubeconfig=/var/lib/kubelet/kubeconfig\n",
      errors: [{ messageId: "missingFlag", line: 2, column: 11, endLine: 2, endColumn: 27 }],
      output: null,
    },
  ],
});
