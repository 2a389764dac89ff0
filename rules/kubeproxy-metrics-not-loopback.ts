/**
 * @fileoverview kubeproxy-metrics-not-loopback: kube-proxy serves its metrics beyond loopback
 * (`--metrics-bind-address` ↔ `KubeProxyConfiguration.metricsBindAddress`; default 127.0.0.1:10249).
 * Carriers: a `KubeProxyConfiguration` document (often inside a kubeadm configuration file) and the
 * `command`/`args` of a kube-proxy container (DaemonSet or static pod).
 */
import { apiGroup } from "../src/language/k8s.js";
import { effectiveFlag } from "../src/language/flags.js";
import { asScalar, getPair } from "../src/language/query.js";
import { replaceNode, renderString } from "../src/fix/index.js";
import { createRule } from "../src/rule.js";
import { carrierLabel, fixFrom, isLoopbackAddress, setFlagEdit } from "./shared/_kubelet-rule.js";

type MessageIds = "flag" | "config";

/** `0.0.0.0:10249` → `127.0.0.1:10249`; a bare host or `:port` keeps the port (default 10249). */
export function loopbackOf(value: string): string {
  const m = /:(\d+)$/u.exec(value.trim());
  return `127.0.0.1:${m ? m[1] : "10249"}`;
}

const insecure = (v: string): boolean => v.trim() !== "" && !isLoopbackAddress(v, true);

export default createRule<MessageIds, []>({
  name: "kubeproxy-metrics-not-loopback",
  meta: {
    type: "problem",
    docs: {
      description: "Bind kube-proxy's metrics endpoint to loopback",
      severity: "low",
      presets: ["recommended", "cis"],
      standards: { cis: ["4.3.1"] },
      equivalents: { "kube-bench": ["4.3.1"] },
    },
    messages: {
      flag: "kube-proxy flag --metrics-bind-address={{value}} ({{carrier}}) serves the unauthenticated metrics endpoint beyond loopback (default 127.0.0.1:10249).",
      config: "KubeProxyConfiguration sets metricsBindAddress: {{value}}: the unauthenticated metrics endpoint is served beyond loopback (default 127.0.0.1:10249).",
    },
    fixable: "code",
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      FlagSet(set) {
        if (set.component !== "kube-proxy") return;
        const f = effectiveFlag(set, "metrics-bind-address");
        if (!f || f.value === null || !insecure(f.value)) return;
        const fix = fixFrom(setFlagEdit(sourceCode, f, loopbackOf(f.value)));
        context.report({ node: f.carrier === "extraArgs" && f.node?.type === "Pair" ? f.node : f, messageId: "flag", data: { value: f.value, carrier: carrierLabel(f.carrier) }, fix });
      },
      Resource(r) {
        if (r.kind !== "KubeProxyConfiguration" || apiGroup(r.apiVersion) !== "kubeproxy.config.k8s.io") return;
        const pair = getPair(r.node, "metricsBindAddress");
        const s = asScalar(pair?.value ?? null);
        if (!pair || !s || typeof s.value !== "string" || !insecure(s.value)) return;
        const want = loopbackOf(s.value);
        const written = s.style === "QUOTE_DOUBLE" ? JSON.stringify(want) : s.style === "QUOTE_SINGLE" ? `'${want}'` : renderString(want);
        context.report({ node: pair, messageId: "config", data: { value: sourceCode.text.slice(s.range[0], s.range[1]) }, fix: fixFrom(replaceNode(sourceCode, s, written)) });
      },
    };
  },
});
