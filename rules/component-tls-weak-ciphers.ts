/**
 * @fileoverview component-tls-weak-ciphers: kube-apiserver, kube-controller-manager,
 * kube-scheduler or kubelet offers a weak TLS cipher suite (`--tls-cipher-suites`, a pflag string
 * slice whose occurrences append, or `tlsCipherSuites` in a KubeletConfiguration): Go's insecure
 * suites (RC4, 3DES, CBC-SHA256) — the flag references' "Insecure values" — and every
 * `TLS_RSA_WITH_*` suite (no forward secrecy). Safe fix: drop the weak entries; when none is left,
 * delete the flag or field (Go's default suites apply).
 */
import type { FlagSetNode, SeqNode } from "../src/language/ast.js";
import { removeFlag, removeSeqItem } from "../src/fix/flags.js";
import { removePair } from "../src/fix/index.js";
import { apiGroup } from "../src/language/k8s.js";
import { asScalar, getPair, scalarString } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import type { RuleTextEdit } from "../src/rule.js";
import { carrierLabel, occurrencesOf, replaceFlagValue, weakCipherReason } from "./shared/_flag-hygiene.js";
import { listItems } from "./shared/_flag-rule.js";

type MessageIds = "weakFlag" | "weakField";

const COMPONENTS = new Set(["kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubelet"]);

export default createRule<MessageIds>({
  name: "component-tls-weak-ciphers",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow weak TLS cipher suites (RC4, 3DES, CBC-SHA256, RSA key exchange) in Kubernetes components",
      severity: "medium",
      presets: ["recommended", "cis"],
      standards: { cis: ["1.2.29", "4.2.12"] },
      equivalents: { checkov: ["CKV_K8S_105", "CKV_K8S_151"], trivy: ["KCV-0092"], "kube-bench": ["1.2.29", "4.2.12"] },
    },
    fixable: "code",
    messages: {
      weakFlag: "{{component}} --tls-cipher-suites ({{carrier}}) offers weak suites: {{weak}}. Drop them.",
      weakField: "KubeletConfiguration tlsCipherSuites offers a weak suite: {{weak}}. Drop it.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const describe = (names: string[]): string => names.map((n) => `${n} (${weakCipherReason(n)})`).join(", ");
    return {
      FlagSet(set: FlagSetNode) {
        if (!COMPONENTS.has(set.component)) return;
        for (const f of occurrencesOf(set, "tls-cipher-suites")) {
          const items = listItems(f.value);
          const weak = items.filter((i) => weakCipherReason(i) !== null);
          if (!weak.length) continue;
          const kept = items.filter((i) => weakCipherReason(i) === null);
          const edits: RuleTextEdit[] | null = kept.length ? replaceFlagValue(sourceCode, f, kept.join(",")) : removeFlag(sourceCode, set, f);
          context.report({
            node: f,
            messageId: "weakFlag",
            data: { component: set.component, carrier: carrierLabel(f), weak: describe(weak) },
            ...(edits ? { fix: () => edits } : {}),
          });
        }
      },
      Resource(r) {
        if (r.kind !== "KubeletConfiguration" || apiGroup(r.apiVersion) !== "kubelet.config.k8s.io") return;
        const pair = getPair(r.node, "tlsCipherSuites");
        const seq = pair?.value?.type === "Seq" ? (pair.value as SeqNode) : null;
        if (!seq) return;
        const items = seq.items.map((it) => ({ node: it, name: scalarString(asScalar(it)) }));
        const weak = items.filter((i) => i.name !== null && weakCipherReason(i.name) !== null);
        if (!weak.length) return;
        const allWeak = weak.length === items.length;
        for (const w of weak) {
          // All weak: delete the field once (on the first report); else each item on its own line.
          const edits = allWeak ? (w === weak[0] ? removePair(sourceCode, r.node, pair!) : null) : w.node ? removeSeqItem(sourceCode, seq, w.node) : null;
          context.report({ node: w.node ?? pair!, messageId: "weakField", data: { weak: describe([w.name!]) }, ...(edits ? { fix: () => edits } : {}) });
        }
      },
    };
  },
});
