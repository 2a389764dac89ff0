import rule from "../../rules/kubelet-client-ca-missing.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [
    { name: "unit with --config: the config file decides", filename: "etc/systemd/system/kubelet.service", code: "[Service]\nExecStart=/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml\n" },
    { name: "flag set on a no-config unit", filename: "etc/systemd/system/kubelet.service", code: "[Service]\nExecStart=/usr/bin/kubelet --client-ca-file=/etc/kubernetes/pki/ca.crt --anonymous-auth=false\n" },
  ],
  invalid: [
    {
      name: "KubeletConfiguration without any authentication map: reported at kind, suggestion only",
      code: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nreadOnlyPort: 0\n",
      errors: [{ messageId: "missingConfig", line: 2, column: 1, endLine: 2, endColumn: 27, suggestions: [{ messageId: "setConfig", output: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nreadOnlyPort: 0\nauthentication:\n  x509:\n    clientCAFile: /etc/kubernetes/pki/ca.crt\n" }] }],
      output: null,
    },
    {
      name: "empty clientCAFile",
      code: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nauthentication:\n  x509:\n    clientCAFile: \"\"\n",
      errors: [{ messageId: "insecureConfig", data: { value: '""' }, line: 5, column: 5, endLine: 5, endColumn: 21, suggestions: [{ messageId: "setConfig", output: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nauthentication:\n  x509:\n    clientCAFile: /etc/kubernetes/pki/ca.crt\n" }] }],
      output: null,
    },
  ],
});
