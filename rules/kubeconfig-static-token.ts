/**
 * @fileoverview kubeconfig-static-token: a kubeconfig user with a literal bearer `token`. Whoever
 * reads the file (a backup, a repository, a CI log) holds the identity until the token is revoked.
 * The message names the user entry, never the token.
 */
import { getPair, scalarString } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { isPlaceholder } from "./shared/_kubeadm.js";
import { isKubeconfig, label, namedEntries } from "./shared/_kubeconfig.js";

export default createRule({
  name: "kubeconfig-static-token",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow literal bearer tokens in kubeconfig users",
      severity: "medium",
      presets: ["recommended"],
    },
    messages: {
      token: "kubeconfig user {{user}} holds a literal bearer token: anyone who reads this file can act as that identity until the token is revoked. Reference it with tokenFile, or use an exec credential plugin.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isKubeconfig(resource)) return;
        for (const u of namedEntries(resource, "users")) {
          const pair = getPair(u.body, "token");
          const v = scalarString(pair?.value ?? null);
          if (!pair || v === null || isPlaceholder(v)) continue;
          context.report({ node: pair.key ?? pair, messageId: "token", data: { user: label(u) } });
        }
      },
    };
  },
});
