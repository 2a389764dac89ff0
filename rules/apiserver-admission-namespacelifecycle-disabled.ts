/**
 * @fileoverview apiserver-admission-namespacelifecycle-disabled: the default-on
 * NamespaceLifecycle admission plugin is turned off with `--disable-admission-plugins`.
 */
import { flagRule, listItems } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-admission-namespacelifecycle-disabled",
  description: "Disallow disabling the NamespaceLifecycle admission plugin in kube-apiserver",
  severity: "medium",
  cis: ["1.2.13"],
  equivalents: { checkov: ["CKV_K8S_83"], trivy: ["KCV-0015"], "kube-bench": ["1.2.13"] },
  component: "kube-apiserver",
  flags: ["disable-admission-plugins"],
  kind: "list",
  insecureWhen: (value) => listItems(value).includes("NamespaceLifecycle"),
  fix: { kind: "remove-item", item: "NamespaceLifecycle" },
  fixMode: "safe",
  messages: {
    present:
      "kube-apiserver --{{flag}}={{value}} turns off NamespaceLifecycle (on by default): objects can be created in namespaces that do not exist or are being deleted, and the system namespaces (default, kube-system, kube-public) can be deleted.",
    absent: "kube-apiserver has no --{{flag}}.",
    fix: "Remove NamespaceLifecycle from --{{flag}}.",
  },
});
