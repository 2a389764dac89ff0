/**
 * @fileoverview kubeadm-discovery-skip-ca: a JoinConfiguration with
 * `discovery.bootstrapToken.unsafeSkipCAVerification: true` trusts whatever cluster-info the
 * endpoint serves; kubeadm's own docs: it "can weaken the security of kubeadm since other nodes can
 * impersonate the control-plane".
 */
import { getMap, getPair, getSeq, scalarBool, seqItems } from "../src/language/query.js";
import { removePair } from "../src/fix/index.js";
import { createRule } from "../src/rule.js";
import { isKubeadm } from "./shared/_kubeadm.js";

export default createRule({
  name: "kubeadm-discovery-skip-ca",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow unsafeSkipCAVerification in kubeadm token discovery",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      skip: "discovery.bootstrapToken.unsafeSkipCAVerification is true: the joining node accepts any control plane that answers at the endpoint (no CA pinning), so a machine in the path can impersonate the API server and receive the node's bootstrap credentials.",
      removeSkip: "Remove unsafeSkipCAVerification (the caCertHashes already listed pin the CA).",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isKubeadm(resource, "JoinConfiguration")) return;
        const bt = getMap(getMap(resource.node, "discovery"), "bootstrapToken");
        const pair = getPair(bt, "unsafeSkipCAVerification");
        if (!bt || !pair || scalarBool(pair.value) !== true) return;
        // Removing the flag only works when hashes are present; otherwise they must be added first (kubeadm-discovery-no-ca-pins).
        const hasPins = seqItems(getSeq(bt, "caCertHashes")).length > 0;
        const edits = hasPins ? removePair(context.sourceCode, bt, pair) : null;
        context.report({ node: pair, messageId: "skip", suggest: edits ? [{ messageId: "removeSkip", fix: () => edits }] : [] });
      },
    };
  },
});
