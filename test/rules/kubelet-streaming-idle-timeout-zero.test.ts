import rule from "../../rules/kubelet-streaming-idle-timeout-zero.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [
    { name: "0s in a KubeletConfiguration is the unset value (defaulted to 4h)", code: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nstreamingConnectionIdleTimeout: 0s\n" },
    { name: "a non-zero flag", filename: "etc/systemd/system/kubelet.service", code: "[Service]\nExecStart=/usr/bin/kubelet --config=/c.yaml --streaming-connection-idle-timeout=1h\n" },
  ],
  invalid: [
    {
      name: "0h0m0s in a static pod: the list item is removed",
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: kubelet\nspec:\n  containers:\n    - name: kubelet\n      image: registry.k8s.io/kubelet:v1.30.2\n      command:\n        - kubelet\n        - --config=/var/lib/kubelet/config.yaml\n        - --streaming-connection-idle-timeout=0h0m0s\n",
      errors: [{ messageId: "insecureFlag", line: 12, column: 11, endLine: 12, endColumn: 53 }],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: kubelet\nspec:\n  containers:\n    - name: kubelet\n      image: registry.k8s.io/kubelet:v1.30.2\n      command:\n        - kubelet\n        - --config=/var/lib/kubelet/config.yaml\n",
    },
  ],
});
