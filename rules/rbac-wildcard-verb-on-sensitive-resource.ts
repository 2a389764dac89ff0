/**
 * @fileoverview rbac-wildcard-verb-on-sensitive-resource: `verbs: ["*"]` on Secrets, pods, pod
 * controllers, RBAC objects, users or groups grants every present and future verb on them,
 * including escalate, bind and impersonate. Resources matched through `resources: ["*"]` are
 * rbac-wildcard-resources' finding and are not reported again here.
 */
import { createRule } from "../src/rule.js";
import { aggregationNote, groupAllowed, isRbacRole, policyRules, RBAC_GROUP, resourceItem, type StrItem } from "./shared/_cluster-rbac.js";

const SENSITIVE: [string, string[]][] = [
  ["", ["secrets", "pods", "replicationcontrollers", "users", "groups", "serviceaccounts"]],
  ["apps", ["deployments", "daemonsets", "statefulsets", "replicasets"]],
  ["extensions", ["deployments", "daemonsets", "replicasets"]],
  ["batch", ["jobs", "cronjobs"]],
  [RBAC_GROUP, ["roles", "clusterroles", "rolebindings", "clusterrolebindings"]],
];
const CLUSTER_SCOPED = new Set(["clusterroles", "clusterrolebindings", "users", "groups"]);

export default createRule({
  name: "rbac-wildcard-verb-on-sensitive-resource",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow the * verb on Secrets, pods, workloads, RBAC objects, users and groups",
      severity: "high",
      presets: ["recommended"],
      equivalents: { trivy: ["KSV-0045", "KSV045"] },
    },
    messages: {
      wildcardVerb:
        "{{kind}} '{{name}}' rules[{{index}}] grants every verb (*) on {{resources}}{{names}}: that includes delete, escalate, bind and impersonate, and verbs added later. List the verbs it needs.{{aggregated}}",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const lineOf = (r: { node: { range: [number, number] } }): number => context.sourceCode.getLoc(r.node).start.line;
    return {
      Resource(resource) {
        if (!isRbacRole(resource)) return;
        for (const rule of policyRules(resource)) {
          if (!rule.verbs.some((v) => v.value === "*")) continue;
          const hits: string[] = [];
          let node: StrItem | null = null;
          for (const [group, resources] of SENSITIVE) {
            if (!groupAllowed(rule, group)) continue;
            for (const res of resources) {
              if (resource.kind === "Role" && CLUSTER_SCOPED.has(res)) continue;
              const item = resourceItem(rule, res);
              if (!item || item.value === "*") continue;
              if (!hits.includes(res)) hits.push(res);
              if (!node || item.node.range[0] < node.node.range[0]) node = item;
            }
          }
          if (!node) continue;
          const names = rule.resourceNames.map((n) => n.value);
          context.report({
            node: node.node,
            messageId: "wildcardVerb",
            data: {
              kind: resource.kind ?? "Role",
              name: resource.name ?? "(unnamed)",
              index: rule.index,
              resources: hits.join(", "),
              names: names.length ? ` (objects named ${names.map((n) => `'${n}'`).join(", ")})` : "",
              aggregated: aggregationNote(resource, context.sourceCode.resources, lineOf),
            },
          });
        }
      },
    };
  },
});
