/**
 * @fileoverview deprecated-api-version: an `apiVersion` + `kind` pair that the target Kubernetes
 * version (`settings.kubeguard.kubernetesVersion`, default 1.34) no longer serves, or serves but
 * has deprecated (research/catalog-cluster.md §2). The fix rewrites `apiVersion` only where the
 * move keeps the object's meaning and the replacement is served at the target version.
 */
import { createRule } from "../src/rule.js";
import { asFix, replaceNode } from "../src/fix/index.js";
import { asScalar, getPair } from "../src/language/query.js";
import { compareVersions, targetVersion } from "../src/k8s-helpers/part-b.js";
import { formatVersion, lookupApi } from "./shared/_cluster-apis.js";

export default createRule({
  name: "deprecated-api-version",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow apiVersions that the target Kubernetes version removed or deprecated",
      severity: "high",
      presets: ["recommended"],
      equivalents: {
        "kube-linter": ["no-extensions-v1beta"],
        trivy: ["KSV-0107", "KSV107"],
        "kube-score": ["stable-version"],
      },
    },
    messages: {
      removed:
        "{{kind}} '{{name}}': apiVersion {{apiVersion}} is no longer served since Kubernetes {{removed}} (target {{target}}): the API server rejects it. {{advice}}.",
      deprecated:
        "{{kind}} '{{name}}': apiVersion {{apiVersion}} is deprecated since Kubernetes {{deprecated}}{{removal}} (target {{target}}). {{advice}}.",
      component:
        "{{kind}} '{{name}}': apiVersion {{apiVersion}} is no longer served by {{component}} {{componentVersion}} and later. Use {{replacement}}{{changes}}.",
    },
    fixable: "code",
    schema: [
      {
        type: "object",
        properties: { reportDeprecated: { type: "boolean" } },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ reportDeprecated: true }] as [{ reportDeprecated?: boolean }],
  create(context, [options]) {
    const target = targetVersion(context.settings);
    const reportDeprecated = options?.reportDeprecated !== false;
    return {
      Resource(resource) {
        if (!resource.apiVersion || !resource.kind) return;
        const entry = lookupApi(resource.apiVersion, resource.kind);
        if (!entry) return;
        const pair = getPair(resource.node, "apiVersion");
        const valueNode = asScalar(pair?.value ?? null);
        if (!pair || !valueNode || pair.value !== valueNode) return;
        const base = { kind: resource.kind, name: resource.name ?? "(unnamed)", apiVersion: resource.apiVersion, target: formatVersion(target) };
        if (entry.component) {
          context.report({
            node: valueNode,
            messageId: "component",
            data: {
              ...base,
              component: entry.component.name,
              componentVersion: entry.component.removedIn,
              replacement: entry.replacement ?? "no replacement",
              changes: entry.changes === "none" ? "" : ` — ${entry.changes}`,
            },
          });
          return;
        }
        const removed = entry.removed !== null && compareVersions(target, entry.removed) >= 0;
        const deprecated = compareVersions(target, entry.deprecated) >= 0;
        if (!removed && !(deprecated && reportDeprecated)) return;

        // The fix: only when rewriting apiVersion keeps the object's meaning, and the target serves the replacement.
        let whyNot: string | null = null;
        if (!entry.replacement) whyNot = entry.changes;
        else if (typeof entry.safe === "function") whyNot = entry.safe(resource);
        else if (!entry.safe) whyNot = entry.changes;
        if (!whyNot && entry.replacementSince && compareVersions(target, entry.replacementSince) < 0) {
          whyNot = `${entry.replacement} is served only from ${formatVersion(entry.replacementSince)}`;
        }
        const advice = entry.replacement ? `Use ${entry.replacement}${whyNot ? ` — not a drop-in change: ${whyNot}` : ""}` : `There is no replacement API: ${entry.changes}`;
        let fix = null;
        if (!whyNot && entry.replacement) {
          const quote = valueNode.style === "QUOTE_DOUBLE" ? '"' : valueNode.style === "QUOTE_SINGLE" ? "'" : valueNode.style === "PLAIN" ? "" : null;
          if (quote !== null) fix = asFix(replaceNode(context.sourceCode, valueNode, `${quote}${entry.replacement}${quote}`));
        }
        if (removed) {
          context.report({ node: valueNode, messageId: "removed", data: { ...base, removed: formatVersion(entry.removed!), advice }, fix });
        } else {
          context.report({
            node: valueNode,
            messageId: "deprecated",
            data: {
              ...base,
              deprecated: formatVersion(entry.deprecated),
              removal: entry.removed ? ` and removed in ${formatVersion(entry.removed)}` : ", removal not scheduled",
              advice,
            },
            fix,
          });
        }
      },
    };
  },
});
