/**
 * @fileoverview webhook-inventory: lists every admission webhook for review. A mutating or
 * validating webhook sees (and may change) every object its rules match; each one deserves a
 * deliberate decision.
 */
import { asMap, getMap, getSeq, getString, seqItems, scalarString } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { isWebhookConfiguration, webhooksOf } from "./shared/_cluster-webhooks.js";

export default createRule({
  name: "webhook-inventory",
  meta: {
    type: "suggestion",
    docs: {
      description: "List admission webhooks for manual review",
      severity: "info",
      presets: ["all"],
      equivalents: { kubescape: ["C-0036", "C-0039"] },
    },
    messages: {
      webhook: "{{kind}} '{{name}}' registers webhook '{{webhook}}' ({{target}}) for {{resources}}: review what it may {{verb}}.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isWebhookConfiguration(resource)) return;
        const mutating = resource.kind === "MutatingWebhookConfiguration";
        for (const w of webhooksOf(resource)) {
          const cc = getMap(w.node, "clientConfig");
          const svc = getMap(cc, "service");
          const target = svc ? `service ${getString(svc, "namespace") ?? "?"}/${getString(svc, "name") ?? "?"}` : getString(cc, "url") ? `url ${getString(cc, "url")}` : "no clientConfig";
          const resources = [...new Set(seqItems(getSeq(w.node, "rules")).flatMap((r) => seqItems(getSeq(asMap(r), "resources")).map((x) => scalarString(x) ?? "")))];
          context.report({
            node: w.namePair ?? w.node,
            messageId: "webhook",
            data: { kind: resource.kind ?? "", name: resource.name ?? "(unnamed)", webhook: w.name, target, resources: resources.length ? resources.join(", ") : "no resources", verb: mutating ? "change" : "reject" },
          });
        }
      },
    };
  },
});
