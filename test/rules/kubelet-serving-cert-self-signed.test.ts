import rule from "../../rules/kubelet-serving-cert-self-signed.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [
    { name: "server TLS bootstrap flag on a no-config unit", filename: "etc/systemd/system/kubelet.service", code: "[Service]\nExecStart=/usr/bin/kubelet --rotate-server-certificates=true --kubeconfig=/k\n" },
    { name: "only a cert file and no key: still reported? no — key from the same file is required; here both", code: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\ntlsCertFile: /var/lib/kubelet/pki/kubelet.crt\ntlsPrivateKeyFile: /var/lib/kubelet/pki/kubelet.key\n" },
  ],
  invalid: [
    {
      name: "serverTLSBootstrap: false written: reported there, suggestion sets true",
      code: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nserverTLSBootstrap: false\n",
      errors: [{ messageId: "selfSignedConfig", line: 3, column: 1, endLine: 3, endColumn: 26, suggestions: [{ messageId: "setConfig", output: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nserverTLSBootstrap: true\n" }] }],
      output: null,
    },
  ],
});
