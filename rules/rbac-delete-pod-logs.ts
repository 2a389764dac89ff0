/**
 * @fileoverview rbac-delete-pod-logs: an explicit `delete` / `deletecollection` grant on
 * `pods/log`. The API serves only GET on that subresource, so the grant does nothing today; it
 * shows intent to remove evidence (Trivy KSV-0042) or a copy-pasted verb list, and would take
 * effect if a future API added the verb. `*` verbs are not reported: they grant no delete here
 * either and are rbac-wildcard-verb-on-sensitive-resource's concern.
 */
import { createRule } from "../src/rule.js";
import { groupAllowed, isRbacRole, policyRules, resourceItem } from "./shared/_cluster-rbac.js";

export default createRule({
  name: "rbac-delete-pod-logs",
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow delete verbs on pods/log in Roles and ClusterRoles",
      severity: "medium",
      presets: ["recommended"],
      equivalents: { trivy: ["KSV-0042", "KSV042"] },
    },
    messages: {
      deleteLogs:
        "{{kind}} '{{name}}' rules[{{index}}] grants {{verbs}} on pods/log: the API serves only get on pod logs, so this grants nothing today, but it asks for the right to erase evidence. Remove the verb.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isRbacRole(resource)) return;
        for (const rule of policyRules(resource)) {
          if (!groupAllowed(rule, "")) continue;
          const item = resourceItem(rule, "pods/log");
          if (!item || item.value === "*") continue;
          const verbs = rule.verbs.filter((v) => v.value === "delete" || v.value === "deletecollection");
          if (!verbs.length) continue;
          context.report({
            node: verbs[0]!.node,
            messageId: "deleteLogs",
            data: { kind: resource.kind ?? "Role", name: resource.name ?? "(unnamed)", index: rule.index, verbs: verbs.map((v) => v.value).join(", ") },
          });
        }
      },
    };
  },
});
