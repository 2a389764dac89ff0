/**
 * @fileoverview kubeconfig-embedded-client-key: a kubeconfig user with `client-key-data` — the
 * private key of the client certificate, base64 in the file. Copying the file copies the identity
 * (kubeadm's admin.conf grants cluster-admin) for the certificate's lifetime; client certificates
 * cannot be revoked. The message names the user entry, never the key.
 */
import { getPair, scalarString } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { isPlaceholder } from "./shared/_kubeadm.js";
import { isKubeconfig, label, namedEntries } from "./shared/_kubeconfig.js";

export default createRule({
  name: "kubeconfig-embedded-client-key",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow private keys embedded in kubeconfig users (client-key-data)",
      severity: "medium",
      presets: ["recommended"],
    },
    messages: {
      key: "kubeconfig user {{user}} embeds its private key (client-key-data): anyone with a copy of this file holds the identity until the certificate expires — client certificates cannot be revoked. Keep the key in a protected file (client-key) or use an exec credential plugin, and never commit this file.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isKubeconfig(resource)) return;
        for (const u of namedEntries(resource, "users")) {
          const pair = getPair(u.body, "client-key-data");
          const v = scalarString(pair?.value ?? null);
          if (!pair || v === null || isPlaceholder(v)) continue;
          context.report({ node: pair.key ?? pair, messageId: "key", data: { user: label(u) } });
        }
      },
    };
  },
});
