/**
 * @fileoverview webhook-failure-policy-ignore: `failurePolicy: Ignore` lets every request through
 * when the webhook is down or slow, so the policy it enforces fails open. In
 * admissionregistration.k8s.io/v1beta1 an unset failurePolicy meant Ignore.
 */
import { createRule } from "../src/rule.js";
import { asFix, replaceNode } from "../src/fix/index.js";
import { asScalar, getPair } from "../src/language/query.js";
import { isWebhookConfiguration, webhooksOf } from "./shared/_cluster-webhooks.js";

export default createRule({
  name: "webhook-failure-policy-ignore",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow admission webhooks that fail open (failurePolicy Ignore)",
      severity: "medium",
      presets: ["recommended"],
    },
    messages: {
      ignore:
        "{{kind}} '{{name}}' webhook '{{webhook}}' has failurePolicy: Ignore: when the webhook is unreachable, slow or crashing, requests are admitted without its check, so the policy it enforces fails open.",
      defaultIgnore:
        "{{kind}} '{{name}}' webhook '{{webhook}}' sets no failurePolicy: in admissionregistration.k8s.io/v1beta1 that means Ignore (fail open). Set failurePolicy explicitly.",
      setFail: "Set failurePolicy: Fail (requests are rejected while the webhook is unavailable).",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isWebhookConfiguration(resource)) return;
        const v1beta1 = resource.apiVersion === "admissionregistration.k8s.io/v1beta1";
        for (const w of webhooksOf(resource)) {
          const base = { kind: resource.kind ?? "", name: resource.name ?? "(unnamed)", webhook: w.name };
          const pair = getPair(w.node, "failurePolicy");
          const value = asScalar(pair?.value ?? null);
          if (!pair) {
            if (v1beta1) context.report({ node: w.namePair ?? w.node, messageId: "defaultIgnore", data: base });
            continue;
          }
          if (!value || value.value !== "Ignore" || pair.value !== value) continue;
          const quote = value.style === "QUOTE_DOUBLE" ? '"' : value.style === "QUOTE_SINGLE" ? "'" : "";
          const edit = replaceNode(context.sourceCode, value, `${quote}Fail${quote}`);
          context.report({ node: value, messageId: "ignore", data: base, suggest: edit ? [{ messageId: "setFail", fix: asFix(edit)! }] : null });
        }
      },
    };
  },
});
