import rule from "../../rules/systemd-braced-var-with-spaces.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [{ name: "inside a word is not a whole-word reference", filename: "etc/systemd/system/kubelet.service.d/10-kubeadm.conf", code: "[Service]\nEnvironment=\"A=x y\"\nExecStart=\nExecStart=/usr/bin/kubelet --opt=${A}\n" }],
  invalid: [],
});
