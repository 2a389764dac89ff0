/**
 * @fileoverview rbac-aggregation-escalation: a ClusterRole aggregated into the built-in `admin`,
 * `edit` or `view` ClusterRole (label `rbac.authorization.k8s.io/aggregate-to-<role>: "true"`), or
 * into another ClusterRole of the same file through its `aggregationRule`, that carries a takeover
 * grant the target role does not already have. Every subject bound to the target silently gains
 * it. Grants the built-in role already holds (e.g. reading Secrets through `edit`) are not
 * reported: they widen nothing.
 */
import type { ResourceNode } from "../src/language/ast.js";
import { createRule } from "../src/rule.js";
import { asMap, getMap, getSeq, keyName, seqItems, stringMap } from "../src/language/query.js";
import {
  BUILTIN_AGGREGATE_LABELS,
  grantOf,
  isRbacRole,
  labelsOf,
  policyRules,
  RBAC_GROUP,
  selectorMatches,
  type Permission,
} from "./shared/_cluster-rbac.js";

interface Dangerous {
  what: string;
  permissions: Permission[];
  /** Built-in aggregate ClusterRoles that already grant it (bootstrap policy). */
  heldBy: string[];
  /** Whether a grant limited by resourceNames still counts. */
  named: boolean;
}

const DANGEROUS: Dangerous[] = [
  { what: "read Secrets", permissions: [{ verbs: ["get", "list", "watch"], groups: [""], resources: ["secrets"] }], heldBy: ["admin", "edit"], named: false },
  { what: "exec/attach/port-forward into pods", permissions: [{ verbs: ["create"], groups: [""], resources: ["pods/exec", "pods/attach", "pods/portforward"] }], heldBy: ["admin", "edit"], named: true },
  {
    what: "create or change pods and workloads",
    permissions: [
      { verbs: ["create", "update", "patch"], groups: [""], resources: ["pods", "replicationcontrollers"] },
      { verbs: ["create", "update", "patch"], groups: ["apps"], resources: ["deployments", "daemonsets", "statefulsets", "replicasets"] },
      { verbs: ["create", "update", "patch"], groups: ["batch"], resources: ["jobs", "cronjobs"] },
    ],
    heldBy: ["admin", "edit"],
    named: true,
  },
  { what: "mint service account tokens", permissions: [{ verbs: ["create"], groups: [""], resources: ["serviceaccounts/token"] }], heldBy: ["admin", "edit"], named: true },
  { what: "impersonate service accounts", permissions: [{ verbs: ["impersonate"], groups: [""], resources: ["serviceaccounts"] }], heldBy: ["admin", "edit"], named: true },
  { what: "impersonate users or groups", permissions: [{ verbs: ["impersonate"], groups: ["", "authentication.k8s.io"], resources: ["users", "groups", "uids", "userextras/*"], clusterScoped: true }], heldBy: [], named: true },
  { what: "escalate or bind roles", permissions: [{ verbs: ["escalate", "bind"], groups: [RBAC_GROUP], resources: ["roles", "clusterroles"] }], heldBy: [], named: true },
  {
    what: "write role bindings",
    permissions: [
      { verbs: ["create", "update", "patch"], groups: [RBAC_GROUP], resources: ["rolebindings", "roles"] },
      { verbs: ["create", "update", "patch"], groups: [RBAC_GROUP], resources: ["clusterrolebindings", "clusterroles"], clusterScoped: true },
    ],
    heldBy: ["admin"],
    named: false,
  },
  { what: "proxy to the kubelet (nodes/proxy)", permissions: [{ verbs: ["get", "create"], groups: [""], resources: ["nodes/proxy"], clusterScoped: true }], heldBy: [], named: true },
  {
    what: "change admission webhooks",
    permissions: [{ verbs: ["create", "update", "patch", "delete"], groups: ["admissionregistration.k8s.io"], resources: ["mutatingwebhookconfigurations", "validatingwebhookconfigurations"], clusterScoped: true }],
    heldBy: [],
    named: true,
  },
  { what: "approve certificate signing requests", permissions: [{ verbs: ["update", "patch"], groups: ["certificates.k8s.io"], resources: ["certificatesigningrequests/approval"], clusterScoped: true }], heldBy: [], named: true },
  { what: "create PersistentVolumes", permissions: [{ verbs: ["create"], groups: [""], resources: ["persistentvolumes"], clusterScoped: true }], heldBy: [], named: false },
];

/** The dangerous grants of a role that `target` (built-in name, or a ClusterRole of the file) does not already hold. */
function addedGrants(role: ResourceNode, held: (d: Dangerous) => boolean): string[] {
  const out: string[] = [];
  for (const d of DANGEROUS) {
    if (held(d)) continue;
    for (const rule of policyRules(role)) {
      const g = grantOf(rule, d.permissions, "ClusterRole");
      if (!g || (g.names && !d.named)) continue;
      out.push(`${d.what} (rules[${rule.index}])`);
      break;
    }
  }
  return out;
}

/** Whether the aggregating ClusterRole's own rules already grant the dangerous permission. */
function holdsDirectly(aggregator: ResourceNode, d: Dangerous): boolean {
  return policyRules(aggregator).some((rule) => {
    const g = grantOf(rule, d.permissions, "ClusterRole");
    return g !== null && (!g.names || d.named);
  });
}

export default createRule({
  name: "rbac-aggregation-escalation",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow ClusterRoles that aggregate takeover permissions into admin, edit, view or another ClusterRole",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      builtIn:
        "ClusterRole '{{name}}' is aggregated into the built-in '{{target}}' ClusterRole and adds rights '{{target}}' does not have: {{grants}}. Every subject bound to '{{target}}' (in any namespace) silently gains them. Drop the label or the grants.",
      inFile:
        "ClusterRole '{{name}}' is aggregated into ClusterRole '{{target}}' (line {{line}}) and adds rights it does not grant itself: {{grants}}. Every subject bound to '{{target}}' silently gains them.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(role) {
        if (!isRbacRole(role) || role.kind !== "ClusterRole") return;
        const labelsMap = getMap(getMap(role.node, "metadata"), "labels");
        if (!labelsMap || !policyRules(role).length) return;
        const labels = labelsOf(role);
        for (const pair of labelsMap.pairs) {
          const key = keyName(pair);
          const target = key !== null ? BUILTIN_AGGREGATE_LABELS[key] : undefined;
          if (!target || labels[key!] !== "true" || !pair.key) continue;
          const grants = addedGrants(role, (d) => d.heldBy.includes(target));
          if (grants.length) context.report({ node: pair.key, messageId: "builtIn", data: { name: role.name ?? "(unnamed)", target, grants: grants.join("; ") } });
        }
        for (const other of context.sourceCode.resources) {
          if (other === role || other.kind !== "ClusterRole" || !isRbacRole(other)) continue;
          const selectors = seqItems(getSeq(getMap(other.node, "aggregationRule"), "clusterRoleSelectors")).map(asMap).filter((m) => m !== null);
          const matched = selectors.find((s) => selectorMatches(s, labels));
          if (!matched) continue;
          const grants = addedGrants(role, (d) => holdsDirectly(other, d));
          if (!grants.length) continue;
          const keys = Object.keys(stringMap(getMap(matched, "matchLabels")));
          const anchor = labelsMap.pairs.find((p) => keys.includes(keyName(p) ?? "\u0000"))?.key ?? labelsMap;
          context.report({
            node: anchor,
            messageId: "inFile",
            data: { name: role.name ?? "(unnamed)", target: other.name ?? "(unnamed)", line: context.sourceCode.getLoc(other.node).start.line, grants: grants.join("; ") },
          });
        }
      },
    };
  },
});
