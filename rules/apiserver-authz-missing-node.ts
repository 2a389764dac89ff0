/**
 * @fileoverview apiserver-authz-missing-node: the Node authorizer is not in kube-apiserver's
 * `--authorization-mode`, so kubelets can only be authorized by broad grants.
 */
import { flagRule, listItems } from "./shared/_flag-rule.js";

/** The list with `Node` inserted before `RBAC` (or first when there is no RBAC). */
export function withNode(current: string | null): string {
  if (current === null || listItems(current).length === 0) return "Node,RBAC";
  const items = listItems(current);
  const at = items.indexOf("RBAC");
  items.splice(at === -1 ? 0 : at, 0, "Node");
  return items.join(",");
}

export default flagRule({
  id: "apiserver-authz-missing-node",
  description: "Require the Node authorizer in kube-apiserver --authorization-mode",
  severity: "high",
  cis: ["1.2.7"],
  equivalents: { checkov: ["CKV_K8S_75"], trivy: ["KCV-0008"], "kube-bench": ["1.2.7"] },
  component: "kube-apiserver",
  flags: ["authorization-mode"],
  kind: "list",
  defaultValue: () => "AlwaysAllow",
  // An AuthorizationConfiguration file (--authorization-config) decides instead.
  skip: (ctx) => ctx.has("authorization-config"),
  insecureWhen: (value) => !listItems(value).includes("Node"),
  // Absent: the default (AlwaysAllow) is replaced, not extended.
  fix: { kind: "set", value: (ctx, current) => (ctx.has("authorization-mode") ? withNode(current) : "Node,RBAC") },
  fixMode: "suggest",
  messages: {
    present:
      "kube-apiserver --{{flag}}={{value}} does not include Node: kubelets can then only be authorized by broad grants (such as the system:node role bound to the system:nodes group), which let every node read every Secret, ConfigMap and Pod of the cluster.",
    absent:
      "kube-apiserver runs without --{{flag}} (default {{default}}), so the Node authorizer is not used: kubelet requests are not limited to the objects of their own node.",
    fix: "Set --{{flag}}={{value}} (nodes need system:node:<name> client certificates, as kubeadm issues).",
  },
});
