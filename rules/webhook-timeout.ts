/**
 * @fileoverview webhook-timeout: `timeoutSeconds` outside 1–29. The API accepts 1–30 (v1); a
 * webhook that may take 30 s or more holds every matching request for that long and leaves no
 * margin before clients and the API server's own request deadline give up.
 */
import { createRule } from "../src/rule.js";
import { asFix, replaceNode } from "../src/fix/index.js";
import { asScalar, getPair, scalarNumber } from "../src/language/query.js";
import { isWebhookConfiguration, webhooksOf } from "./shared/_cluster-webhooks.js";

export default createRule({
  name: "webhook-timeout",
  meta: {
    type: "problem",
    docs: {
      description: "Require admission webhook timeoutSeconds between 1 and 29",
      severity: "low",
      presets: ["recommended"],
    },
    messages: {
      timeout:
        "{{kind}} '{{name}}' webhook '{{webhook}}' has timeoutSeconds: {{value}}: {{why}} Use the v1 default, 10.",
    },
    fixable: "code",
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isWebhookConfiguration(resource)) return;
        for (const w of webhooksOf(resource)) {
          const pair = getPair(w.node, "timeoutSeconds");
          const node = asScalar(pair?.value ?? null);
          if (!pair || !node || pair.value !== node) continue;
          const n = scalarNumber(node);
          if (n === null || (n >= 1 && n <= 29)) continue;
          context.report({
            node,
            messageId: "timeout",
            data: {
              kind: resource.kind ?? "",
              name: resource.name ?? "(unnamed)",
              webhook: w.name,
              value: String(n),
              why:
                n < 1
                  ? "the API server rejects values below 1."
                  : n > 30
                    ? "the API server rejects values above 30."
                    : "every matching request can wait 30 s on this webhook, with no margin before client and API server deadlines.",
            },
            fix: asFix(replaceNode(context.sourceCode, node, "10")),
          });
        }
      },
    };
  },
});
