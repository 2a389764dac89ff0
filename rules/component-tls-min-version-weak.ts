/**
 * @fileoverview component-tls-min-version-weak: kube-apiserver, kube-controller-manager,
 * kube-scheduler or kubelet accepts TLS 1.0/1.1 (`--tls-min-version=VersionTLS10|VersionTLS11`,
 * or `tlsMinVersion` in a KubeletConfiguration). Absent means TLS 1.2 (component-base
 * `DefaultTLSVersion`). The last occurrence of the flag wins. Safe fix: `VersionTLS12`.
 */
import type { FlagSetNode } from "../src/language/ast.js";
import { setFlag } from "../src/fix/flags.js";
import { replaceNode } from "../src/fix/index.js";
import { apiGroup } from "../src/language/k8s.js";
import { asScalar, getPair, scalarString } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { carrierLabel, occurrencesOf } from "./shared/_flag-hygiene.js";

type MessageIds = "weakFlag" | "weakField";

const COMPONENTS = new Set(["kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubelet"]);
const WEAK = new Set(["VersionTLS10", "VersionTLS11"]);

export default createRule<MessageIds>({
  name: "component-tls-min-version-weak",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow TLS 1.0 and 1.1 as the minimum TLS version of Kubernetes components",
      severity: "medium",
      presets: ["recommended"],
    },
    fixable: "code",
    messages: {
      weakFlag:
        "{{component}} --tls-min-version={{value}} ({{carrier}}) accepts {{version}}, which is deprecated (RFC 8996) and open to downgrade attacks. Use VersionTLS12 (the default when the flag is absent) or VersionTLS13.",
      weakField:
        "KubeletConfiguration tlsMinVersion: {{value}} accepts {{version}}, which is deprecated (RFC 8996) and open to downgrade attacks. Use VersionTLS12 (the default when the field is absent) or VersionTLS13.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const version = (v: string): string => (v === "VersionTLS10" ? "TLS 1.0" : "TLS 1.1");
    return {
      FlagSet(set: FlagSetNode) {
        if (!COMPONENTS.has(set.component)) return;
        const occ = occurrencesOf(set, "tls-min-version");
        const last = occ[occ.length - 1];
        const value = last?.value?.trim();
        if (!last || !value || !WEAK.has(value)) return;
        const edits = setFlag(sourceCode, set, "tls-min-version", "VersionTLS12");
        context.report({
          node: last,
          messageId: "weakFlag",
          data: { component: set.component, value, version: version(value), carrier: carrierLabel(last) },
          ...(edits ? { fix: () => edits } : {}),
        });
      },
      Resource(r) {
        if (r.kind !== "KubeletConfiguration" || apiGroup(r.apiVersion) !== "kubelet.config.k8s.io") return;
        const pair = getPair(r.node, "tlsMinVersion");
        const s = asScalar(pair?.value ?? null);
        const value = s ? scalarString(s)?.trim() : null;
        if (!s || !value || !WEAK.has(value)) return;
        const edits = replaceNode(sourceCode, s, "VersionTLS12");
        context.report({ node: pair!, messageId: "weakField", data: { value, version: version(value) }, ...(edits ? { fix: () => edits } : {}) });
      },
    };
  },
});
