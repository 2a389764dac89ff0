/**
 * @fileoverview kubeconfig-basic-auth: a kubeconfig user with `username` / `password`. The password
 * sits in the file in plain text, and kube-apiserver has no basic authentication any more
 * (`--basic-auth-file` is gone), so it only works against proxies — which then receive it with every
 * request. The message names the user entry, never the password.
 */
import { getPair, scalarString } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { isPlaceholder } from "./shared/_kubeadm.js";
import { isKubeconfig, label, namedEntries } from "./shared/_kubeconfig.js";

export default createRule({
  name: "kubeconfig-basic-auth",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow basic-auth passwords in kubeconfig users",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      password: "kubeconfig user {{user}} holds a plain-text password (basic authentication): anyone who reads this file has it, and kube-apiserver no longer supports basic authentication. Use client certificates, OIDC or an exec credential plugin.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isKubeconfig(resource)) return;
        for (const u of namedEntries(resource, "users")) {
          const pair = getPair(u.body, "password");
          const v = scalarString(pair?.value ?? null);
          if (!pair || v === null || isPlaceholder(v)) continue;
          context.report({ node: pair.key ?? pair, messageId: "password", data: { user: label(u) } });
        }
      },
    };
  },
});
