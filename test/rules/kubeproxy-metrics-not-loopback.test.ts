import rule from "../../rules/kubeproxy-metrics-not-loopback.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [
    { name: "IPv6 loopback with port", code: "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmetricsBindAddress: \"[::1]:10249\"\n" },
    { name: "empty: the default applies", code: "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmetricsBindAddress: \"\"\n" },
  ],
  invalid: [
    {
      name: "quoted value keeps its quotes and port",
      code: "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmetricsBindAddress: \"0.0.0.0:9100\"\n",
      errors: [{ messageId: "config", data: { value: '"0.0.0.0:9100"' }, line: 3, column: 1, endLine: 3, endColumn: 35 }],
      output: "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmetricsBindAddress: \"127.0.0.1:9100\"\n",
    },
  ],
});
