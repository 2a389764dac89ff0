import rule from "../../rules/kubelet-debugging-handlers.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [{ name: "handlers on, API closed (defaults with --config)", filename: "etc/systemd/system/kubelet.service", code: "[Service]\nExecStart=/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml\n" }],
  invalid: [
    {
      name: "explicitly on with AlwaysAllow in the same document",
      code: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nauthorization:\n  mode: AlwaysAllow\nenableDebuggingHandlers: true\n",
      errors: [{ messageId: "insecureConfig", data: { value: "true" }, line: 5, column: 1, endLine: 5, endColumn: 30 }],
      output: null,
    },
  ],
});
