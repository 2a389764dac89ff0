import rule from "../../rules/kubelet-server-cert-rotation-gate-off.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [
    { name: "a later occurrence turns it back on (map flags merge, later keys win)", filename: "etc/systemd/system/kubelet.service", code: "[Service]\nExecStart=/usr/bin/kubelet --config=/c.yaml --feature-gates=RotateKubeletServerCertificate=false --feature-gates=RotateKubeletServerCertificate=true\n" },
  ],
  invalid: [
    {
      name: "static pod: the gate is dropped from the list",
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: kubelet\nspec:\n  containers:\n    - name: kubelet\n      image: registry.k8s.io/kubelet:v1.30.2\n      command:\n        - kubelet\n        - --config=/var/lib/kubelet/config.yaml\n        - --feature-gates=GracefulNodeShutdown=true,RotateKubeletServerCertificate=false\n",
      errors: [{ messageId: "insecureFlag", line: 12, column: 11, endLine: 12, endColumn: 89 }],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: kubelet\nspec:\n  containers:\n    - name: kubelet\n      image: registry.k8s.io/kubelet:v1.30.2\n      command:\n        - kubelet\n        - --config=/var/lib/kubelet/config.yaml\n        - --feature-gates=GracefulNodeShutdown=true\n",
    },
  ],
});
