/**
 * @fileoverview kubeconfig-dangling-context: `current-context`, or a context's `cluster` / `user`,
 * names an entry this kubeconfig does not define. kubectl then fails ("context was not found",
 * "no server found for cluster") or silently falls back to defaults. Kubeconfigs merged through
 * `KUBECONFIG` may define the entry in another file: this rule sees one file.
 */
import type { ResourceNode } from "../src/language/ast.js";
import { asScalar, getMap, getPair, scalarString } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { isKubeconfig, label, namedEntries } from "./shared/_kubeconfig.js";

export default createRule({
  name: "kubeconfig-dangling-context",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow kubeconfig references to contexts, clusters and users that are not defined",
      severity: "info",
      presets: [],
    },
    messages: {
      currentContext: "current-context '{{name}}' is not one of this kubeconfig's contexts: kubectl fails with 'context was not found for specified context'.",
      missing: "context {{context}} refers to {{kind}} '{{name}}', which this kubeconfig does not define.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const names = (r: ResourceNode, list: "clusters" | "users" | "contexts"): Set<string> => new Set(namedEntries(r, list).map((e) => e.name).filter((n): n is string => n !== null));
    return {
      Resource(resource) {
        if (!isKubeconfig(resource)) return;
        const contexts = namedEntries(resource, "contexts");
        const contextNames = names(resource, "contexts");
        const cur = asScalar(getPair(resource.node, "current-context")?.value ?? null);
        const curName = scalarString(cur);
        if (cur && curName !== null && curName !== "" && !contextNames.has(curName)) context.report({ node: cur, messageId: "currentContext", data: { name: curName } });
        const known = { cluster: names(resource, "clusters"), user: names(resource, "users") };
        for (const c of contexts) {
          for (const kind of ["cluster", "user"] as const) {
            const s = asScalar(getPair(getMap(c.item, "context"), kind)?.value ?? null);
            const v = scalarString(s);
            if (!s || v === null || v === "" || known[kind].has(v)) continue;
            context.report({ node: s, messageId: "missing", data: { context: label(c), kind, name: v } });
          }
        }
      },
    };
  },
});
