import rule from "../../rules/kubelet-weak-ciphers.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [{ name: "TLS 1.3 suites are strong", code: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\ntlsCipherSuites: [TLS_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305]\n" }],
  invalid: [
    {
      name: "only weak suites: the field is removed (Go defaults)",
      code: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\ntlsCipherSuites:\n- TLS_RSA_WITH_AES_128_CBC_SHA\n- TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA\nreadOnlyPort: 0\n",
      errors: [{ messageId: "insecureConfig", line: 3, column: 1, endLine: 6, endColumn: 1 }],
      output: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nreadOnlyPort: 0\n",
    },
  ],
});
