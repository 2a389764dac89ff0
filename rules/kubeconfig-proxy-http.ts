/**
 * @fileoverview kubeconfig-proxy-http: a kubeconfig cluster that goes through an `http://` proxy
 * (`proxy-url`). The connection to the proxy itself is unencrypted and unauthenticated: the CONNECT
 * request reveals the API server's address, and any proxy credentials in the URL travel in clear
 * text. (TLS to the API server still runs inside the tunnel.)
 */
import { asScalar, getPair, scalarString } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { isKubeconfig, label, namedEntries } from "./shared/_kubeconfig.js";

export default createRule({
  name: "kubeconfig-proxy-http",
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow plain-http proxies for kubeconfig clusters",
      severity: "low",
      presets: ["recommended"],
    },
    messages: {
      http: "kubeconfig cluster {{cluster}} connects through the plain-http proxy {{proxy}}: the hop to the proxy is neither encrypted nor authenticated{{creds}}. Use an https:// (or socks5 on a trusted host) proxy.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isKubeconfig(resource)) return;
        for (const c of namedEntries(resource, "clusters")) {
          const s = asScalar(getPair(c.body, "proxy-url")?.value ?? null);
          const v = scalarString(s);
          if (!s || v === null || !/^http:\/\//iu.test(v.trim())) continue;
          // Never print proxy credentials: drop a `user:password@` part.
          const hasCreds = /^http:\/\/[^/@]*@/iu.test(v.trim());
          const shown = v.trim().replace(/^(http:\/\/)[^/@]*@/iu, "$1");
          context.report({ node: s, messageId: "http", data: { cluster: label(c), proxy: shown, creds: hasCreds ? ", and the proxy credentials in this URL are sent in clear text" : "" } });
        }
      },
    };
  },
});
