/**
 * @fileoverview kubeconfig-server-http: a kubeconfig cluster whose `server` is `http://`. Every
 * request — with its bearer token or basic-auth header — crosses the network in clear text, and the
 * server is not authenticated.
 */
import { asScalar, getPair, scalarString } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { isKubeconfig, label, namedEntries } from "./shared/_kubeconfig.js";

export default createRule({
  name: "kubeconfig-server-http",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow kubeconfig clusters that reach the API server over plain http",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      http: "kubeconfig cluster {{cluster}} uses server {{server}}: requests and the credentials in them travel in clear text and the server is not authenticated. Use the API server's https:// address.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isKubeconfig(resource)) return;
        for (const c of namedEntries(resource, "clusters")) {
          const s = asScalar(getPair(c.body, "server")?.value ?? null);
          const v = scalarString(s);
          if (!s || v === null || !/^http:\/\//iu.test(v.trim())) continue;
          context.report({ node: s, messageId: "http", data: { cluster: label(c), server: v } });
        }
      },
    };
  },
});
