import rule from "../../rules/systemd-var-undefined.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [
    { name: "defined by Environment=", filename: "etc/systemd/system/kubelet.service.d/10-kubeadm.conf", code: "[Service]\nEnvironment=\"X=--v=2\"\nExecStart=\nExecStart=/usr/bin/kubelet $X\n" },
    { name: "service-manager variable", filename: "etc/systemd/system/kubelet.service.d/10-kubeadm.conf", code: "[Service]\nExecStart=\nExecStart=/usr/bin/kubelet --root-dir=${STATE_DIRECTORY}\n" },
  ],
  invalid: [
    {
      name: "undefined variable inside a word",
      filename: "etc/systemd/system/kubelet.service.d/10-kubeadm.conf",
      code: "[Service]\nExecStart=\nExecStart=/usr/bin/kubelet --node-ip=${NODE_IP}\n",
      errors: [{ messageId: "undefined", data: { name: "NODE_IP" }, line: 3, column: 38, endLine: 3, endColumn: 48 }],
      output: null,
    },
  ],
});
