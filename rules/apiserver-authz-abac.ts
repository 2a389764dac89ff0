/**
 * @fileoverview apiserver-authz-abac: kube-apiserver uses the ABAC authorizer, whose grants live
 * in a policy file on the control-plane host (`--authorization-policy-file`).
 */
import { flagRule, listItems } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-authz-abac",
  description: "Disallow the ABAC authorizer in kube-apiserver --authorization-mode",
  severity: "medium",
  component: "kube-apiserver",
  flags: ["authorization-mode"],
  kind: "list",
  insecureWhen: (value) => listItems(value).includes("ABAC"),
  fix: null,
  fixMode: "suggest",
  messages: {
    present:
      "kube-apiserver --{{flag}}={{value}} includes ABAC: its grants come from a policy file on the control-plane host (--authorization-policy-file), are not API objects that can be listed or audited, and change only when the API server restarts.",
    absent: "kube-apiserver has no --{{flag}}.",
    fix: "Move the ABAC grants to RBAC and remove ABAC from --{{flag}}.",
  },
});
