import rule from "../../rules/systemd-kubelet-no-config.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [{ name: "--config from Environment=", filename: "etc/systemd/system/kubelet.service.d/10-kubeadm.conf", code: "[Service]\nEnvironment=\"KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml\"\nExecStart=\nExecStart=/usr/bin/kubelet $KUBELET_CONFIG_ARGS\n" }],
  invalid: [],
});
