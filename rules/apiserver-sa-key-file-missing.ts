/**
 * @fileoverview apiserver-sa-key-file-missing: kube-apiserver has no `--service-account-key-file`
 * and verifies service-account tokens with the key of `--tls-private-key-file`.
 */
import { flagRule, listItems } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-sa-key-file-missing",
  description: "Require a dedicated service-account verification key in kube-apiserver (--service-account-key-file)",
  severity: "low",
  cis: ["1.2.22"],
  equivalents: { checkov: ["CKV_K8S_97"], trivy: ["KCV-0025"], "kube-bench": ["1.2.22"] },
  component: "kube-apiserver",
  flags: ["service-account-key-file"],
  kind: "list",
  insecureWhen: (value) => listItems(value).length === 0,
  fix: { kind: "set", value: "/etc/kubernetes/pki/sa.pub" },
  fixMode: "suggest",
  messages: {
    present:
      "kube-apiserver --{{flag}} is empty: service-account tokens are verified with the key of --tls-private-key-file, so the serving key doubles as the token key and neither can be rotated alone.",
    absent:
      "kube-apiserver runs without --{{flag}} ({{carrier}}): service-account tokens are verified with the key of --tls-private-key-file, so the serving key doubles as the token key and neither can be rotated alone.",
    fix: "Set --{{flag}}={{value}} (kubeadm's path; it must hold the public half of --service-account-signing-key-file).",
  },
});
