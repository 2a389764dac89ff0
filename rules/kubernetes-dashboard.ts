/**
 * @fileoverview kubernetes-dashboard (RBAC part): a RoleBinding/ClusterRoleBinding that grants a
 * Kubernetes Dashboard role (roleRef name containing `kubernetes-dashboard`) to a subject other
 * than the Dashboard's own service accounts — users, groups or unrelated service accounts then
 * get the Dashboard's access (Kubescape C-0014). The Dashboard pods themselves are reported by
 * `known-risky-workload`; cluster-admin granted to the Dashboard's account by `rbac-binding-cluster-admin`.
 */
import { createRule } from "../src/rule.js";
import { isRbacBinding } from "./shared/_cluster-rbac.js";
import { roleRefOf, subjectsOf } from "./shared/_cluster-bindings.js";

export default createRule({
  name: "kubernetes-dashboard",
  meta: {
    type: "problem",
    docs: {
      description: "Report bindings that grant the Kubernetes Dashboard's roles to other subjects",
      severity: "medium",
      presets: ["recommended"],
      equivalents: { checkov: ["CKV_K8S_33"], kubescape: ["C-0014"] },
    },
    messages: {
      otherSubject:
        "{{bindingKind}} '{{binding}}' grants the Kubernetes Dashboard's {{roleKind}} '{{role}}' to {{subjectKind}} '{{subject}}': subjects other than the Dashboard's own service account get its access, and the Dashboard has been the entry point of several cluster takeovers.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isRbacBinding(resource)) return;
        const ref = roleRefOf(resource);
        if (!ref.name || !ref.name.toLowerCase().includes("kubernetes-dashboard")) return;
        for (const s of subjectsOf(resource)) {
          if (s.kind === "ServiceAccount" && (s.name ?? "").toLowerCase().includes("kubernetes-dashboard")) continue;
          context.report({
            node: s.nameNode,
            messageId: "otherSubject",
            data: { bindingKind: resource.kind ?? "", binding: resource.name ?? "(unnamed)", roleKind: ref.kind ?? "role", role: ref.name, subjectKind: s.kind ?? "subject", subject: s.name ?? "?" },
          });
        }
      },
    };
  },
});
