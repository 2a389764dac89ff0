/**
 * @fileoverview kubeadm-discovery-no-ca-pins: token discovery without `caCertHashes`. kubeadm:
 * "Specifying an empty set disables root CA pinning, which can be unsafe." kubeadm only accepts it
 * together with `unsafeSkipCAVerification: true` — that combination is reported here (the missing
 * pins) and by kubeadm-discovery-skip-ca (the opt-out).
 */
import { getMap, getPair, getSeq, seqItems } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { isKubeadm } from "./shared/_kubeadm.js";

export default createRule({
  name: "kubeadm-discovery-no-ca-pins",
  meta: {
    type: "problem",
    docs: {
      description: "Require caCertHashes (CA pinning) for kubeadm token discovery",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      noPins: "discovery.bootstrapToken has no caCertHashes: root CA pinning is off, so the joining node cannot tell the real control plane from an impostor. Add the 'sha256:<hash>' printed by 'kubeadm token create --print-join-command' (or computed from /etc/kubernetes/pki/ca.crt).",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isKubeadm(resource, "JoinConfiguration")) return;
        const discovery = getMap(resource.node, "discovery");
        const btPair = getPair(discovery, "bootstrapToken");
        const bt = getMap(discovery, "bootstrapToken");
        if (!btPair || !bt) return;
        const hashesPair = getPair(bt, "caCertHashes");
        if (seqItems(getSeq(bt, "caCertHashes")).length > 0) return;
        context.report({ node: hashesPair ?? btPair.key ?? btPair, messageId: "noPins" });
      },
    };
  },
});
