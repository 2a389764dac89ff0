/**
 * @fileoverview networkpolicy-peer-dangling: a NetworkPolicy rule peer (`ingress[].from[]`,
 * `egress[].to[]`) whose `podSelector` matches no pod template, or whose `namespaceSelector`
 * matches no Namespace. The rule then allows nothing — usually a label typo — and the traffic the
 * author meant to allow is blocked, or the author widens the policy to "fix" it (kube-linter
 * dangling-networkpolicypeer-podselector; Popeye POP-1201/1202/1206/1207).
 *
 * Degrades (objects may live in-cluster): a pod peer is checked only in namespaces for which the
 * run holds pod templates; a namespace peer only when every label key it selects on (other than
 * the automatic `kubernetes.io/metadata.name`) is carried by some Namespace document of the run —
 * the author labels namespaces in this set, so a value no Namespace has is a typo. `ipBlock` peers
 * cannot be checked statically. Cross-document: every file of the run in kubeguard's CLI and
 * language server; the documents of the same file inside a user's own ESLint.
 */
import { at, crossRule, items, keyOf, stringRecord, type Obj } from "../src/crossdoc/index.js";
import { FolderGate, LabelIndex, PodLabelKeys, PolicyIndex, readSelector, selectorTemplated, selectorText, type Selector, type Snap } from "./shared/_crossdoc-net.js";

const NAME_LABEL = "kubernetes.io/metadata.name";

export default crossRule({
  name: "networkpolicy-peer-dangling",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow NetworkPolicy peers whose selectors match no pod template or Namespace",
      severity: "low",
      presets: ["recommended"],
      equivalents: { "kube-linter": ["dangling-networkpolicypeer-podselector"] },
    },
    messages: {
      podPeer:
        "NetworkPolicy '{{name}}' {{direction}} peer selects pods with {{selector}}, but no pod template linted in namespace '{{namespace}}' has these labels: this rule allows no traffic.",
      podPeerInNamespaces:
        "NetworkPolicy '{{name}}' {{direction}} peer selects pods with {{selector}} in namespace(s) {{namespaces}}, but no pod template linted there has these labels: this rule allows no traffic.",
      namespacePeer:
        "NetworkPolicy '{{name}}' {{direction}} peer selects namespaces with {{selector}}, but none of the {{count}} Namespaces linted has these labels: this rule allows no traffic.",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report }) {
    const policies = new PolicyIndex(index).k8s;
    if (!policies.length) return;
    const podsNear = new FolderGate(index.podTemplates().map((p) => p.obj));
    const keys = new PodLabelKeys(index);
    const nsDocs = index.ofKind("Namespace").filter((n) => n.name);
    const labels = (o: Obj): Record<string, string> => ({ ...stringRecord(at(o.snap, "metadata", "labels")), [NAME_LABEL]: o.name! });
    const nsIndex = new LabelIndex(nsDocs, () => "", labels);
    const explicitKeys = new Set<string>();
    for (const n of nsDocs) for (const k of Object.keys(stringRecord(at(n.snap, "metadata", "labels")))) explicitKeys.add(k);

    /** Namespace names a selector is known to match (Namespace documents, and names pinned by `kubernetes.io/metadata.name`). */
    const namespacesMatching = (sel: Selector): Set<string> => {
      const out = new Set<string>();
      for (const o of nsIndex.select("", sel)) out.add(o.name!);
      const pinned = sel.matchLabels[NAME_LABEL];
      if (pinned !== undefined && sel.matchExpressions.length === 0 && Object.keys(sel.matchLabels).length === 1) out.add(pinned);
      for (const e of sel.matchExpressions) if (e.key === NAME_LABEL && e.operator === "In" && Object.keys(sel.matchLabels).length === 0 && sel.matchExpressions.length === 1) for (const v of e.values) out.add(v);
      return out;
    };
    const empty = (s: Selector | null): boolean => !s || (Object.keys(s.matchLabels).length === 0 && s.matchExpressions.length === 0);

    for (const policy of policies) {
      const obj = policy.obj;
      const ns = obj.ns!;
      const spec = at(obj.snap, "spec");
      const sections: [string, string, string][] = [
        ["ingress", "from", "ingress"],
        ["egress", "to", "egress"],
      ];
      for (const [section, peersKey, direction] of sections) {
        for (const rule of items(at(spec, section))) {
          for (const peer of items(at(rule, peersKey))) {
            const podNode: Snap | null = at(peer, "podSelector");
            const nsNode: Snap | null = at(peer, "namespaceSelector");
            const podSel = readSelector(podNode);
            const nsSel = readSelector(nsNode);
            const base = { name: obj.name ?? "(unnamed)", direction };
            if (podSel && selectorTemplated(podSel)) continue;
            if (nsSel && selectorTemplated(nsSel)) continue;
            if (!nsNode) {
              // Pods of the policy's own namespace.
              if (empty(podSel) || !podsNear.has(obj, ns) || !keys.covers(ns, podSel!)) continue;
              if (index.selectPods(ns, podSel!).length) continue;
              report({ obj, node: keyOf(podNode), messageId: "podPeer", data: { ...base, selector: selectorText(podSel!), namespace: ns } });
              continue;
            }
            if (empty(nsSel)) continue; // every namespace: pods may be anywhere in the cluster
            const matched = namespacesMatching(nsSel!);
            if (!matched.size) {
              const keys = [...Object.keys(nsSel!.matchLabels), ...nsSel!.matchExpressions.map((e) => e.key)].filter((k) => k !== NAME_LABEL);
              if (!keys.length || !keys.every((k) => explicitKeys.has(k))) continue;
              report({ obj, node: keyOf(nsNode), messageId: "namespacePeer", data: { ...base, selector: selectorText(nsSel!), count: nsDocs.length } });
              continue;
            }
            if (empty(podSel)) continue;
            const known = [...matched].filter((n) => podsNear.has(obj, n) && keys.covers(n, podSel!));
            if (!known.length || known.length < matched.size) continue;
            if (known.some((n) => index.selectPods(n, podSel!).length)) continue;
            report({ obj, node: keyOf(podNode), messageId: "podPeerInNamespaces", data: { ...base, selector: selectorText(podSel!), namespaces: known.map((n) => `'${n}'`).join(", ") } });
          }
        }
      }
    }
  },
});
