import rule from "../../rules/kubelet-ipaddressdeny-missing.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [{ name: "not a kubelet unit", filename: "etc/systemd/system/containerd.service", code: "[Service]\nExecStart=/usr/local/bin/containerd\n" }],
  invalid: [
    {
      name: "bare base unit",
      filename: "etc/systemd/system/kubelet.service",
      code: "[Service]\nExecStart=/usr/bin/kubelet\nRestart=always\n",
      errors: [{ messageId: "missing", line: 2, column: 11, endLine: 2, endColumn: 27 }],
      output: null,
    },
  ],
});
