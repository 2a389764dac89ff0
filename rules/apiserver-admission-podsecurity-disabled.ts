/**
 * @fileoverview apiserver-admission-podsecurity-disabled: the default-on PodSecurity admission
 * plugin (Pod Security Standards enforcement) is turned off with `--disable-admission-plugins`.
 * Suggestion only: an external policy engine may replace it on purpose.
 */
import { flagRule, listItems } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-admission-podsecurity-disabled",
  description: "Disallow disabling the PodSecurity admission plugin in kube-apiserver",
  severity: "high",
  cis: ["5.2.1"],
  equivalents: { "kube-bench": ["5.2.1"] },
  component: "kube-apiserver",
  flags: ["disable-admission-plugins"],
  kind: "list",
  insecureWhen: (value) => listItems(value).includes("PodSecurity"),
  fix: { kind: "remove-item", item: "PodSecurity" },
  fixMode: "suggest",
  messages: {
    present:
      "kube-apiserver --{{flag}}={{value}} turns off PodSecurity (on by default): the pod-security.kubernetes.io namespace labels are ignored and no Pod Security Standard is enforced unless an external policy engine does it.",
    absent: "kube-apiserver has no --{{flag}}.",
    fix: "Remove PodSecurity from --{{flag}} (unless an external admission policy engine enforces pod security instead).",
  },
});
