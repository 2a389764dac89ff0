/**
 * @fileoverview kubeconfig-ca-and-insecure: a kubeconfig cluster with both a CA
 * (`certificate-authority` / `-data`) and `insecure-skip-tls-verify: true`. client-go refuses it:
 * "specifying a root certificates file with the insecure flag is not allowed". The fix deletes the
 * insecure flag, so the CA is used.
 */
import { getPair, scalarBool } from "../src/language/query.js";
import { removePair } from "../src/fix/index.js";
import { createRule } from "../src/rule.js";
import { isKubeconfig, label, namedEntries } from "./shared/_kubeconfig.js";

export default createRule({
  name: "kubeconfig-ca-and-insecure",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow kubeconfig clusters that set both a CA and insecure-skip-tls-verify",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      both: "kubeconfig cluster {{cluster}} sets {{ca}} and insecure-skip-tls-verify: true: client-go rejects this ('specifying a root certificates file with the insecure flag is not allowed'). Remove insecure-skip-tls-verify.",
    },
    fixable: "code",
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isKubeconfig(resource)) return;
        for (const c of namedEntries(resource, "clusters")) {
          const pair = getPair(c.body, "insecure-skip-tls-verify");
          if (!c.body || !pair || scalarBool(pair.value) !== true) continue;
          const ca = getPair(c.body, "certificate-authority-data") ? "certificate-authority-data" : getPair(c.body, "certificate-authority") ? "certificate-authority" : null;
          if (!ca) continue;
          const edits = removePair(context.sourceCode, c.body, pair);
          context.report({ node: pair, messageId: "both", data: { cluster: label(c), ca }, fix: edits ? () => edits : null });
        }
      },
    };
  },
});
