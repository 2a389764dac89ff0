/**
 * @fileoverview rbac-webhook-config-write: write access to admission webhook configurations and
 * admission policies turns policy enforcement off or intercepts every object.
 */
import { rbacAccessRule } from "./shared/_cluster-rbac.js";

export default rbacAccessRule({
  name: "rbac-webhook-config-write",
  description: "Disallow Roles and ClusterRoles that can change admission webhooks and admission policies",
  severity: "critical",
  equivalents: { checkov: ["CKV_K8S_155"], trivy: ["KSV-0114", "KSV114"], kubescape: ["C-0281"] },
  permissions: () => [
    {
      verbs: ["create", "update", "patch", "delete", "deletecollection"],
      groups: ["admissionregistration.k8s.io"],
      resources: [
        "mutatingwebhookconfigurations",
        "validatingwebhookconfigurations",
        "validatingadmissionpolicies",
        "validatingadmissionpolicybindings",
        "mutatingadmissionpolicies",
        "mutatingadmissionpolicybindings",
      ],
      clusterScoped: true,
    },
  ],
  risk: "whoever is bound to it disables admission policy, or registers a webhook that reads and rewrites every object sent to the API server (Secrets included).",
  namedCounts: () => true,
});
