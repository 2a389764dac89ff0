/**
 * @fileoverview apiserver-admission-always-admit: the deprecated `AlwaysAdmit` admission plugin
 * is enabled (`--enable-admission-plugins` or the legacy `--admission-control`).
 */
import { flagRule, listItems } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-admission-always-admit",
  description: "Disallow the AlwaysAdmit admission plugin in kube-apiserver",
  severity: "high",
  cis: ["1.2.10"],
  equivalents: { checkov: ["CKV_K8S_79"], trivy: ["KCV-0011"], "kube-bench": ["1.2.10"] },
  component: "kube-apiserver",
  flags: ["enable-admission-plugins", "admission-control"],
  kind: "list",
  insecureWhen: (value) => listItems(value).includes("AlwaysAdmit"),
  fix: { kind: "remove-item", item: "AlwaysAdmit" },
  fixMode: "safe",
  messages: {
    present:
      "--{{flag}}={{value}} enables AlwaysAdmit (deprecated since 1.13): it admits every request and signals that admission control is not relied on.",
    absent: "kube-apiserver has no --{{flag}}.",
    fix: "Remove AlwaysAdmit from --{{flag}}.",
  },
});
