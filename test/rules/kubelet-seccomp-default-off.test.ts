import rule from "../../rules/kubelet-seccomp-default-off.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [{ name: "bare flag is true", filename: "%(UNIT)s", code: "[Service]\nExecStart=/usr/bin/kubelet --config=/c.yaml --seccomp-default\n" }],
  invalid: [
    {
      name: "env file: the suggestion edits the value, --fix does not apply it",
      filename: "var/lib/kubelet/kubeadm-flags.env",
      code: "KUBELET_KUBEADM_ARGS=\"--seccomp-default=false\"\n",
      errors: [{ messageId: "insecureFlag", line: 1, column: 23, endLine: 1, endColumn: 46, suggestions: [{ messageId: "setFlag", output: "KUBELET_KUBEADM_ARGS=\"--seccomp-default=true\"\n" }] }],
      output: null, // suggestion only: never applied by --fix
    },
  ],
});
