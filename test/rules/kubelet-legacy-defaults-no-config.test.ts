import rule from "../../rules/kubelet-legacy-defaults-no-config.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [{ name: "kubeadm extra args (kubeadm always passes --config)", code: "apiVersion: kubeadm.k8s.io/v1beta3\nkind: JoinConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    node-ip: \"10.0.0.21\"\n" }],
  invalid: [
    {
      name: "unit whose variables are all defined in the file, none with --config",
      filename: "etc/systemd/system/kubelet.service.d/10-kubeadm.conf",
      code: "[Service]\nEnvironment=\"KUBELET_EXTRA_ARGS=--read-only-port=0\"\nExecStart=\nExecStart=/usr/bin/kubelet $KUBELET_EXTRA_ARGS\n",
      errors: [{ messageId: "legacyDefaults", data: { carrier: "systemd unit", defaults: "--anonymous-auth=true, --authorization-mode=AlwaysAllow" }, line: 4, column: 11, endLine: 4, endColumn: 27 }],
      output: null,
    },
  ],
});
