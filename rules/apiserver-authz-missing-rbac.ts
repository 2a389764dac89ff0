/**
 * @fileoverview apiserver-authz-missing-rbac: RBAC is not in kube-apiserver's
 * `--authorization-mode`, so Roles, ClusterRoles and their bindings are not enforced.
 */
import { flagRule, listItems } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-authz-missing-rbac",
  description: "Require the RBAC authorizer in kube-apiserver --authorization-mode",
  severity: "high",
  cis: ["1.2.8"],
  equivalents: { checkov: ["CKV_K8S_77"], trivy: ["KCV-0009"], "kube-bench": ["1.2.8"] },
  component: "kube-apiserver",
  flags: ["authorization-mode"],
  kind: "list",
  defaultValue: () => "AlwaysAllow",
  skip: (ctx) => ctx.has("authorization-config"),
  insecureWhen: (value) => !listItems(value).includes("RBAC"),
  // Absent: the default (AlwaysAllow) is replaced, not extended.
  fix: {
    kind: "set",
    value: (ctx, current) => (!ctx.has("authorization-mode") || current === null || listItems(current).length === 0 ? "Node,RBAC" : [...listItems(current), "RBAC"].join(",")),
  },
  fixMode: "suggest",
  messages: {
    present:
      "kube-apiserver --{{flag}}={{value}} does not include RBAC: Roles, ClusterRoles and their bindings are not enforced, so access is decided by the other authorizers alone.",
    absent:
      "kube-apiserver runs without --{{flag}} (default {{default}}), so RBAC is not used: Roles, ClusterRoles and their bindings are not enforced.",
    fix: "Set --{{flag}}={{value}} (check that the RBAC bindings your users and controllers need exist first).",
  },
});
