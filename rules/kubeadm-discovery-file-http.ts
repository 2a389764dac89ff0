/**
 * @fileoverview kubeadm-discovery-file-http: file discovery (`discovery.file.kubeConfigPath`)
 * given as an `http://` URL. kubeadm downloads the discovery kubeconfig — the cluster CA and API
 * endpoint the node will trust — in clear text, so anyone in the path can substitute their own.
 */
import { asScalar, getMap, getPair, scalarString } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { isKubeadm } from "./shared/_kubeadm.js";

export default createRule({
  name: "kubeadm-discovery-file-http",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow fetching the kubeadm discovery kubeconfig over plain http",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      http: "discovery.file.kubeConfigPath is an http:// URL: the discovery kubeconfig (the CA and API endpoint this node will trust) travels in clear text and can be replaced in transit. Serve it over https or copy the file to the node.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isKubeadm(resource, "JoinConfiguration")) return;
        const pair = getPair(getMap(getMap(resource.node, "discovery"), "file"), "kubeConfigPath");
        const s = asScalar(pair?.value ?? null);
        const v = scalarString(s);
        if (!s || v === null || !/^http:\/\//iu.test(v.trim())) return;
        context.report({ node: s, messageId: "http" });
      },
    };
  },
});
