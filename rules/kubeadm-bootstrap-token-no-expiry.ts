/**
 * @fileoverview kubeadm-bootstrap-token-no-expiry: `bootstrapTokens[].ttl: 0` makes the token
 * never expire (kubeadm token TTL semantics: "0 means never expires"), so a leaked join token stays
 * usable forever. kubeadm's default TTL is 24h.
 */
import { asMap, asScalar, getPair, getSeq, scalarNumber, scalarString, seqItems } from "../src/language/query.js";
import { replaceNode } from "../src/fix/index.js";
import { createRule } from "../src/rule.js";
import { goDuration, isKubeadm } from "./shared/_kubeadm.js";

export default createRule({
  name: "kubeadm-bootstrap-token-no-expiry",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow kubeadm bootstrap tokens that never expire",
      severity: "medium",
      presets: ["recommended"],
    },
    messages: {
      noExpiry: "bootstrapTokens[{{index}}].ttl is {{written}}: the token never expires, so anyone who ever obtains it can join nodes to the cluster indefinitely.",
      setTtl: "Set ttl: 24h0m0s (kubeadm's default).",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isKubeadm(resource, "InitConfiguration")) return;
        seqItems(getSeq(resource.node, "bootstrapTokens")).forEach((item, index) => {
          const m = asMap(item);
          const pair = getPair(m, "ttl");
          const s = asScalar(pair?.value ?? null);
          if (!m || !pair || !s || getPair(m, "expires")) return; // `expires` takes precedence over ttl
          const str = scalarString(s);
          const zero = scalarNumber(s) === 0 || (typeof s.value === "string" && str !== null && goDuration(str) === 0);
          if (!zero) return;
          const edits = replaceNode(context.sourceCode, s, "24h0m0s");
          context.report({
            node: s,
            messageId: "noExpiry",
            data: { index, written: context.sourceCode.text.slice(s.range[0], s.range[1]) },
            suggest: edits ? [{ messageId: "setTtl", fix: () => edits }] : [],
          });
        });
      },
    };
  },
});
