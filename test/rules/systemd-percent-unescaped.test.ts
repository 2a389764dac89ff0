import rule from "../../rules/systemd-percent-unescaped.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [{ name: "% in ExecStart", filename: "etc/systemd/system/kubelet.service", code: "[Service]\nExecStart=/usr/bin/kubelet --node-labels=discount=50%%\n" }],
  invalid: [
    {
      name: "percent at the end of ExecStart",
      filename: "etc/systemd/system/kubelet.service",
      code: "[Service]\nExecStart=/usr/bin/kubelet --node-labels=discount=50%\n",
      errors: [{ messageId: "percent", data: { next: "", key: "ExecStart" }, line: 2, column: 53, endLine: 2, endColumn: 54 }],
      output: "[Service]\nExecStart=/usr/bin/kubelet --node-labels=discount=50%%\n",
    },
  ],
});
