/**
 * @fileoverview kubeadm-bootstrap-token-literal: a bootstrap token written into a kubeadm config
 * (`InitConfiguration.bootstrapTokens[].token`, `JoinConfiguration.discovery.bootstrapToken.token`,
 * `discovery.tlsBootstrapToken`). Until it expires, the token authenticates as
 * `system:bootstrappers` — it can join nodes and read cluster-info — so a committed config file
 * hands that to every reader. The message says where the token is, never what it is.
 */
import type { PairNode } from "../src/language/ast.js";
import { asMap, getMap, getPair, getSeq, scalarString, seqItems } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { isKubeadm, isPlaceholder } from "./shared/_kubeadm.js";

/** The token `kubeadm config print init-defaults` prints (public, so worse than a random one). */
const EXAMPLE_TOKEN = "abcdef.0123456789abcdef";

export default createRule({
  name: "kubeadm-bootstrap-token-literal",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow literal bootstrap tokens in kubeadm configuration files",
      severity: "medium",
      presets: ["recommended", "cis"],
      standards: { cis: ["3.1.3"] },
    },
    messages: {
      literal: "{{field}} holds a literal bootstrap token: anyone who reads this file can join nodes and act as system:bootstrappers until the token expires. Generate it at run time ('kubeadm token create') or inject it from a secret store.",
      example: "{{field}} holds the example token printed by 'kubeadm config print init-defaults': it is public, so anyone can join nodes to this cluster until it expires. Generate a new token ('kubeadm token generate') and inject it at run time.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        const found: { pair: PairNode; field: string }[] = [];
        if (isKubeadm(resource, "InitConfiguration")) {
          seqItems(getSeq(resource.node, "bootstrapTokens")).forEach((item, i) => {
            const pair = getPair(asMap(item), "token");
            if (pair) found.push({ pair, field: `bootstrapTokens[${i}].token` });
          });
        } else if (isKubeadm(resource, "JoinConfiguration")) {
          const discovery = getMap(resource.node, "discovery");
          const token = getPair(getMap(discovery, "bootstrapToken"), "token");
          if (token) found.push({ pair: token, field: "discovery.bootstrapToken.token" });
          const tls = getPair(discovery, "tlsBootstrapToken");
          if (tls) found.push({ pair: tls, field: "discovery.tlsBootstrapToken" });
        }
        for (const { pair, field } of found) {
          const v = scalarString(pair.value);
          if (v === null || isPlaceholder(v)) continue;
          context.report({ node: pair.key ?? pair, messageId: v.trim() === EXAMPLE_TOKEN ? "example" : "literal", data: { field } });
        }
      },
    };
  },
});
