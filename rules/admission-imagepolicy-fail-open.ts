/**
 * @fileoverview admission-imagepolicy-fail-open: ImagePolicyWebhook `imagePolicy.defaultAllow:
 * true` admits every image whenever the webhook backend is unreachable or errors — an attacker who
 * can disrupt the backend disables image policy. (The upstream example uses `true`.)
 */
import { asScalar, getMap, getPair, scalarBool } from "../src/language/query.js";
import { replaceNode } from "../src/fix/index.js";
import { createRule } from "../src/rule.js";
import { pluginConfigs } from "./shared/_admission.js";

export default createRule({
  name: "admission-imagepolicy-fail-open",
  meta: {
    type: "problem",
    docs: {
      description: "Require the ImagePolicyWebhook admission plugin to deny images when its backend fails",
      severity: "medium",
      presets: ["recommended", "cis"],
      standards: { cis: ["5.5.1"] },
    },
    messages: {
      failOpen: "ImagePolicyWebhook imagePolicy.defaultAllow is true: when the image-policy backend is down or fails, every image is admitted, so disrupting the backend switches the policy off.",
      failClosed: "Set defaultAllow: false (pods are rejected while the backend is unavailable).",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      "Program:exit"() {
        for (const cfg of pluginConfigs(context.sourceCode, "ImagePolicyWebhook")) {
          const pair = getPair(getMap(cfg.map, "imagePolicy"), "defaultAllow");
          const s = asScalar(pair?.value ?? null);
          if (!s || scalarBool(s) !== true) continue;
          const edits = replaceNode(context.sourceCode, s, "false");
          context.report({ node: s, messageId: "failOpen", suggest: edits ? [{ messageId: "failClosed", fix: () => edits }] : [] });
        }
      },
    };
  },
});
