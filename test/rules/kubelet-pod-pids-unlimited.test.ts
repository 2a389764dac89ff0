import rule from "../../rules/kubelet-pod-pids-unlimited.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [{ name: "flag with a limit on a unit with --config", filename: "etc/systemd/system/kubelet.service", code: "[Service]\nExecStart=/usr/bin/kubelet --config=/c.yaml --pod-max-pids=4096\n" }],
  invalid: [
    {
      name: "flag -1",
      filename: "etc/systemd/system/kubelet.service",
      code: "[Service]\nExecStart=/usr/bin/kubelet --config=/c.yaml --pod-max-pids=-1\n",
      errors: [{ messageId: "insecureFlag", data: { value: "-1", carrier: "systemd unit" }, line: 2, column: 45, endLine: 2, endColumn: 62 }],
      output: null,
    },
  ],
});
