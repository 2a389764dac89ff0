/**
 * @fileoverview kubeadm-certificate-key-literal: `certificateKey` (InitConfiguration, and
 * JoinConfiguration `controlPlane.certificateKey`) is the hex-encoded AES-256 key that decrypts the
 * control-plane certificates and keys kubeadm uploads to the `kubeadm-certs` Secret. With it, anyone
 * who can read that Secret (or joins within its 2-hour lifetime) gets the cluster CA key. The message
 * says where the key is, never what it is.
 */
import type { PairNode } from "../src/language/ast.js";
import { getMap, getPair, scalarString } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { isKubeadm, isPlaceholder } from "./shared/_kubeadm.js";

export default createRule({
  name: "kubeadm-certificate-key-literal",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow literal certificateKey values in kubeadm configuration files",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      literal: "{{field}} holds a literal certificate key: it decrypts the control-plane certificates and private keys (cluster CA, etcd CA, service-account key) that kubeadm uploads to the kubeadm-certs Secret. Pass it at run time ('kubeadm init phase upload-certs --upload-certs' prints a fresh one) instead of storing it.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        let pair: PairNode | null = null;
        let field = "certificateKey";
        if (isKubeadm(resource, "InitConfiguration")) pair = getPair(resource.node, "certificateKey");
        else if (isKubeadm(resource, "JoinConfiguration")) {
          pair = getPair(getMap(resource.node, "controlPlane"), "certificateKey");
          field = "controlPlane.certificateKey";
        }
        const v = scalarString(pair?.value ?? null);
        if (!pair || v === null || isPlaceholder(v)) return;
        context.report({ node: pair.key ?? pair, messageId: "literal", data: { field } });
      },
    };
  },
});
