/**
 * @fileoverview apiserver-admission-serviceaccount-disabled: the default-on ServiceAccount
 * admission plugin is turned off with `--disable-admission-plugins`.
 */
import { flagRule, listItems } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-admission-serviceaccount-disabled",
  description: "Disallow disabling the ServiceAccount admission plugin in kube-apiserver",
  severity: "medium",
  cis: ["1.2.12"],
  equivalents: { checkov: ["CKV_K8S_82"], trivy: ["KCV-0014"], "kube-bench": ["1.2.12"] },
  component: "kube-apiserver",
  flags: ["disable-admission-plugins"],
  kind: "list",
  insecureWhen: (value) => listItems(value).includes("ServiceAccount"),
  fix: { kind: "remove-item", item: "ServiceAccount" },
  fixMode: "safe",
  messages: {
    present:
      "kube-apiserver --{{flag}}={{value}} turns off ServiceAccount (on by default): pods are no longer checked for an existing service account and can name service accounts that do not exist, and token mounting is not managed.",
    absent: "kube-apiserver has no --{{flag}}.",
    fix: "Remove ServiceAccount from --{{flag}}.",
  },
});
