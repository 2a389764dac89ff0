/**
 * @fileoverview kubeadm-kubeproxy-config-doc: the `KubeProxyConfiguration` document of a kubeadm
 * config file sets `metricsBindAddress` to a non-loopback address (CIS 4.3.1: "The default value is
 * 127.0.0.1:10249"). kube-proxy's metrics endpoint is unauthenticated; kubeadm deploys kube-proxy
 * with host networking, so the endpoint is reachable on every node address.
 */
import { asScalar, getPair, scalarString } from "../src/language/query.js";
import { replaceNode, renderString } from "../src/fix/index.js";
import { createRule } from "../src/rule.js";
import { apiGroup } from "../src/language/k8s.js";
import { fileHasKubeadm } from "./shared/_kubeadm.js";

/** `host:port` / `[v6]:port` / `host` → host (lower-case, brackets removed). */
export function bindHost(addr: string): { host: string; port: string | null } {
  const a = addr.trim();
  const v6 = /^\[([^\]]*)\](?::(\d*))?$/u.exec(a);
  if (v6) return { host: v6[1]!.toLowerCase(), port: v6[2] ?? null };
  const i = a.lastIndexOf(":");
  if (i !== -1 && a.indexOf(":") === i) return { host: a.slice(0, i).toLowerCase(), port: a.slice(i + 1) };
  return { host: a.toLowerCase(), port: null };
}

export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/u.test(host);
}

export default createRule({
  name: "kubeadm-kubeproxy-config-doc",
  meta: {
    type: "problem",
    docs: {
      description: "Require the kube-proxy metrics endpoint of a kubeadm config's KubeProxyConfiguration to bind to loopback",
      severity: "low",
      presets: ["recommended", "cis"],
      standards: { cis: ["4.3.1"] },
      equivalents: { "kube-bench": ["4.3.1"] },
    },
    messages: {
      exposed: "KubeProxyConfiguration metricsBindAddress is {{value}}: kube-proxy serves its unauthenticated metrics on {{where}} of every node (kubeadm runs kube-proxy with host networking). Bind it to 127.0.0.1.",
    },
    fixable: "code",
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (resource.kind !== "KubeProxyConfiguration" || apiGroup(resource.apiVersion) !== "kubeproxy.config.k8s.io") return;
        if (!fileHasKubeadm(context.sourceCode)) return; // standalone kube-proxy configs: kubeproxy-metrics-not-loopback
        const pair = getPair(resource.node, "metricsBindAddress");
        const s = asScalar(pair?.value ?? null);
        const v = scalarString(s);
        if (!s || v === null || v.trim() === "") return; // empty: the default 127.0.0.1:10249
        const { host, port } = bindHost(v);
        if (isLoopback(host)) return;
        const loop = host.includes(":") ? `[::1]` : "127.0.0.1";
        const text = port !== null && port !== "" ? `${loop}:${port}` : null;
        const edits = text ? replaceNode(context.sourceCode, s, s.style === "QUOTE_DOUBLE" ? JSON.stringify(text) : s.style === "QUOTE_SINGLE" ? `'${text}'` : renderString(text)) : null;
        context.report({
          node: s,
          messageId: "exposed",
          data: { value: v, where: host === "" || host === "0.0.0.0" || host === "::" ? "all addresses" : `address ${host}` },
          fix: edits ? () => edits : null,
        });
      },
    };
  },
});
