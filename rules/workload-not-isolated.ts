/**
 * @fileoverview workload-not-isolated: a pod template that no NetworkPolicy of its namespace
 * selects (for Ingress, resp. Egress): it accepts connections from, and opens connections to,
 * anything in the cluster (kube-linter non-isolated-pod, kube-score pod-networkpolicy, Polaris
 * missingNetworkPolicy, Checkov CKV2_K8S_6, Kubescape C-0260/C-0030).
 *
 * Degrades: by default only namespaces for which the run holds at least one NetworkPolicy are
 * checked (the author manages policies in this set, so a workload they miss is a gap); a namespace
 * without any policy in the run is `namespace-missing-default-deny`'s finding (on its Namespace
 * document) or its policies live elsewhere. `{requirePolicyInNamespace: false}` checks every
 * workload. Cross-document: every file of the run in kubeguard's CLI and language server; the
 * documents of the same file inside a user's own ESLint.
 */
import { dirname } from "node:path";
import { at, crossRule, defaultNode, keyOf } from "../src/crossdoc/index.js";
import { firstN, PolicyIndex, templated, type Direction, type PodTemplate, type PolicyView } from "./shared/_crossdoc-net.js";

type Options = [{ directions?: Direction[]; requirePolicyInNamespace?: boolean }];

export default crossRule({
  name: "workload-not-isolated",
  meta: {
    type: "problem",
    docs: {
      description: "Require every workload to be selected by a NetworkPolicy",
      severity: "medium",
      presets: ["recommended"],
      equivalents: {
        "kube-linter": ["non-isolated-pod"],
        polaris: ["missingNetworkPolicy"],
        checkov: ["CKV2_K8S_6"],
        kubescape: ["C-0260", "C-0030"],
        "kube-score": ["pod-networkpolicy"],
      },
    },
    messages: {
      hostNetwork:
        "{{kind}} '{{name}}' (labels {{labels}}) runs on the host network, where NetworkPolicies do not apply, and no policy of namespace '{{namespace}}' selects it for {{directions}} either ({{policies}} policies there): its pods accept and open connections to anything. Drop hostNetwork (see host-network) and add a policy selecting these labels.",
      notIsolated:
        "{{kind}} '{{name}}' (labels {{labels}}) is not selected by any NetworkPolicy for {{directions}} in namespace '{{namespace}}' ({{policies}} policies there, e.g. {{example}}): its pods accept and open connections to anything in the cluster. Add a policy selecting these labels, or a default-deny policy for the namespace.",
      noPolicies:
        "{{kind}} '{{name}}' (labels {{labels}}) is not isolated for {{directions}}: the run holds no NetworkPolicy for namespace '{{namespace}}', so its pods accept and open connections to anything in the cluster. Add a policy selecting these labels, or a default-deny policy for the namespace.",
    },
    schema: [
      {
        type: "object",
        properties: {
          directions: { type: "array", items: { enum: ["Ingress", "Egress"] }, uniqueItems: true, description: "Directions a workload must be isolated in." },
          requirePolicyInNamespace: { type: "boolean", description: "Check only namespaces for which the run holds at least one NetworkPolicy (default true)." },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ directions: ["Ingress", "Egress"], requirePolicyInNamespace: true }] as Options,
  check({ index, report, where, optionsFor }) {
    const pods = index.podTemplates();
    if (!pods.length) return;
    const policies = new PolicyIndex(index);
    // Directions the author isolates with policies of a namespace kept in a folder (the degrade gate).
    const near = new Map<string, Set<Direction>>();
    const note = (key: string, types: Set<Direction>): void => {
      const set = near.get(key) ?? new Set<Direction>();
      near.set(key, set);
      for (const t of types) set.add(t);
    };
    for (const [ns, list] of policies.byNs) for (const p of list) note(`${dirname(p.obj.file)}\u0000${ns}`, p.types);
    for (const p of policies.clusterWide) note(`${dirname(p.obj.file)}\u0000*`, p.types);
    // Directions each pod template is isolated in: every policy's pods through the label postings
    // (cost: the policies plus the pods they select, no policy × pod scan).
    const covered = new Map<PodTemplate, Set<Direction>>();
    const cover = (ns: string, p: PolicyView): void => {
      for (const pod of index.selectPods(ns, p.selector)) {
        const set = covered.get(pod) ?? new Set<Direction>();
        covered.set(pod, set);
        for (const t of p.types) set.add(t);
      }
    };
    for (const [ns, list] of policies.byNs) for (const p of list) cover(ns, p);
    if (policies.clusterWide.length) for (const ns of index.namespaces()) for (const p of policies.clusterWide) cover(ns, p);
    for (const pod of pods) {
      const ns = pod.obj.ns;
      if (ns === null) continue;
      const opts = optionsFor(pod.obj.file)[0] ?? {};
      const wanted: Direction[] = opts.directions ?? ["Ingress", "Egress"];
      const dir = dirname(pod.obj.file);
      const gated = new Set([...(near.get(`${dir}\u0000${ns}`) ?? []), ...(near.get(`${dir}\u0000*`) ?? [])]);
      const checked = (opts.requirePolicyInNamespace ?? true) ? wanted.filter((d) => gated.has(d)) : wanted;
      if (!checked.length) continue;
      // Pods on the host network are reported too (NetworkPolicies cannot isolate them at all; the
      // host-network rule's fix removes hostNetwork, which must not reveal a new finding here).
      const hostNetwork = at(pod.spec, "hostNetwork")?.v === true;
      if (Object.entries(pod.labels).some(([k, v]) => templated(k) || templated(v))) continue;
      const isolated = covered.get(pod);
      const missing = checked.filter((d) => !isolated?.has(d));
      if (!missing.length) continue;
      const inNs = policies.inNamespace(ns);
      const labelsNode = at(pod.obj.snap, ...pod.path.slice(0, -1), "metadata", "labels");
      report({
        obj: pod.obj,
        node: defaultNode(pod.obj),
        messageId: hostNetwork ? "hostNetwork" : inNs.length ? "notIsolated" : "noPolicies",
        data: {
          kind: pod.obj.kind,
          name: pod.obj.name ?? "(unnamed)",
          labels: Object.keys(pod.labels).length ? Object.entries(pod.labels).map(([k, v]) => `${k}=${v}`).join(",") : "none",
          directions: missing.join(" and "),
          namespace: ns,
          policies: inNs.length,
          example: inNs.length ? `'${inNs[0]!.obj.name ?? "(unnamed)"}' at ${where(inNs[0]!.obj)}` : "none",
        },
        ...(inNs.length ? { related: firstN(inNs, 3).map((p) => ({ obj: p.obj, node: keyOf(p.selectorNode), message: `NetworkPolicy '${p.obj.name ?? "(unnamed)"}' does not select ${labelsNode ? "these labels" : "this workload"} for ${missing.join("/")}` })) } : {}),
      });
    }
  },
});
