/**
 * @fileoverview apiserver-secure-port-zero: `--secure-port=0`. Old releases then serve no HTTPS
 * at all; current ones refuse the value ("cannot be switched off with 0").
 */
import { flagRule } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-secure-port-zero",
  description: "Disallow turning off the kube-apiserver secure port (--secure-port=0)",
  severity: "medium",
  equivalents: { checkov: ["CKV_K8S_89"], trivy: ["KCV-0017"], "kube-bench": ["cis-1.24 1.2.16"] },
  component: "kube-apiserver",
  flags: ["secure-port"],
  kind: "scalar",
  insecureWhen: (value) => value !== null && /^[+]?0+$/u.test(value.trim()),
  fix: { kind: "remove" },
  fixMode: "safe",
  messages: {
    present:
      "kube-apiserver --{{flag}}={{value}}: older releases then serve no HTTPS at all (only the unauthenticated insecure port is left); current releases refuse it ('cannot be switched off with 0') and the API server does not start.",
    absent: "kube-apiserver has no --{{flag}}.",
    fix: "Remove --{{flag}} (the default is 6443).",
  },
});
