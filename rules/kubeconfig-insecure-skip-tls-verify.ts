/**
 * @fileoverview kubeconfig-insecure-skip-tls-verify: a kubeconfig cluster with
 * `insecure-skip-tls-verify: true` and no CA accepts any server certificate, so anyone in the path
 * can impersonate the API server and collect the credentials the client sends. (With a CA as well,
 * client-go refuses the kubeconfig: kubeconfig-ca-and-insecure.)
 */
import { asScalar, getPair, scalarBool } from "../src/language/query.js";
import { canEdit } from "../src/fix/index.js";
import { createRule } from "../src/rule.js";
import { isKubeconfig, label, namedEntries } from "./shared/_kubeconfig.js";

export const KUBEADM_CA = "/etc/kubernetes/pki/ca.crt";

export default createRule({
  name: "kubeconfig-insecure-skip-tls-verify",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow kubeconfig clusters that skip TLS verification of the API server",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      insecure: "kubeconfig cluster {{cluster}} sets insecure-skip-tls-verify: true: the server certificate is not checked, so anyone between this client and {{server}} can impersonate the API server and capture the credentials sent to it.",
      useCa: "Verify the server with the cluster CA instead: certificate-authority: " + KUBEADM_CA + " (kubeadm's CA path; or certificate-authority-data).",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      Resource(resource) {
        if (!isKubeconfig(resource)) return;
        for (const c of namedEntries(resource, "clusters")) {
          const pair = getPair(c.body, "insecure-skip-tls-verify");
          if (!c.body || !pair || scalarBool(pair.value) !== true) continue;
          if (getPair(c.body, "certificate-authority") || getPair(c.body, "certificate-authority-data")) continue; // kubeconfig-ca-and-insecure
          const server = asScalar(getPair(c.body, "server")?.value ?? null);
          const ok = pair.key && pair.value && c.body.pairs.includes(pair) && !c.body.flow && canEdit(sourceCode, pair.range[0], pair.range[1]);
          context.report({
            node: pair,
            messageId: "insecure",
            data: { cluster: label(c), server: server?.value != null ? String(server.value) : "the server" },
            suggest: ok ? [{ messageId: "useCa", fix: () => [{ range: [pair.range[0], pair.range[1]], text: `certificate-authority: ${KUBEADM_CA}` }] }] : [],
          });
        }
      },
    };
  },
});
