/**
 * @fileoverview namespace-missing-default-deny: a Namespace of the run without a default-deny
 * NetworkPolicy (a policy selecting every pod — `podSelector: {}` — that isolates them for Ingress
 * and Egress without allowing everything back). Without one, every pod that no other policy
 * selects accepts traffic from, and sends traffic to, anything in the cluster (kubeaudit netpols,
 * Kubescape C-0049/C-0054/C-0206).
 *
 * Reported on each `Namespace` document (that is where the fix goes: a `default-deny` policy in
 * the namespace), like kubeaudit: a namespace the run only uses but does not declare is not
 * reported. Cross-document: kubeguard's CLI and language server look at every file of the run;
 * inside a user's own ESLint, at the documents of the same file.
 */
import { crossRule, type Obj } from "../src/crossdoc/index.js";
import { PolicyIndex, selectsAll, templated, type Direction, type PolicyView } from "./shared/_crossdoc-net.js";

type Options = [{ directions?: Direction[]; ignoreNamespaces?: string[] }];

export default crossRule({
  name: "namespace-missing-default-deny",
  meta: {
    type: "problem",
    docs: {
      description: "Require a default-deny NetworkPolicy in every Namespace",
      severity: "high",
      presets: ["recommended"],
      equivalents: { kubescape: ["C-0049", "C-0054", "C-0206"] },
    },
    messages: {
      missing:
        "Namespace '{{name}}' has no default-deny NetworkPolicy for {{directions}} among the {{policies}} policies linted for it: pods that no other policy selects accept and open connections to anything in the cluster. Add a NetworkPolicy with `podSelector: {}` and `policyTypes: [{{types}}]` (and no allow-all rule).",
      allowAll:
        "Namespace '{{name}}' has no default-deny NetworkPolicy for {{directions}}: NetworkPolicy '{{policy}}' ({{where}}) selects every pod and allows all {{opened}} traffic. Replace it with a default deny and allow the needed peers explicitly.",
      partial:
        "Namespace '{{name}}' has no default-deny NetworkPolicy for {{directions}}: the catch-all policy '{{policy}}' ({{where}}) does not isolate that direction. Add {{types}} to its `policyTypes` (without an allow-all rule).",
    },
    schema: [
      {
        type: "object",
        properties: {
          directions: { type: "array", items: { enum: ["Ingress", "Egress"] }, uniqueItems: true, description: "Directions a default-deny must cover." },
          ignoreNamespaces: { type: "array", items: { type: "string" }, description: "Namespaces not checked." },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ directions: ["Ingress", "Egress"], ignoreNamespaces: ["kube-system", "kube-public", "kube-node-lease"] }] as Options,
  check({ index, report, where, optionsFor }) {
    const namespaces = index.ofKind("Namespace").filter((n) => n.fact.apiVersion === "v1" && n.name && !templated(n.name));
    if (!namespaces.length) return;
    const policies = new PolicyIndex(index);
    for (const ns of namespaces) {
      const opts = optionsFor(ns.file)[0] ?? {};
      const name = ns.name!;
      if ((opts.ignoreNamespaces ?? ["kube-system", "kube-public", "kube-node-lease"]).includes(name)) continue;
      const wanted: Direction[] = opts.directions ?? ["Ingress", "Egress"];
      const inNs = policies.inNamespace(name);
      const catchAll = inNs.filter(selectsAll);
      const missing = wanted.filter((d) => !catchAll.some((p) => p.types.has(d) && !p.allowsAll.has(d)));
      if (!missing.length) continue;
      const directions = missing.join(" and ");
      // A catch-all policy that allows everything in a missing direction: the namespace opted out.
      const open = catchAll.find((p) => missing.some((d) => p.types.has(d) && p.allowsAll.has(d)));
      if (open) {
        const pol: Obj = open.obj;
        const opened = missing.filter((d) => open.types.has(d) && open.allowsAll.has(d)).join(" and ");
        report({
          obj: ns,
          messageId: "allowAll",
          data: { name, directions, policy: pol.name ?? "(unnamed)", where: where(pol), opened },
          related: [{ obj: pol, message: `NetworkPolicy '${pol.name ?? "(unnamed)"}' allows all ${opened} traffic for every pod` }],
        });
        continue;
      }
      // A catch-all Kubernetes policy that only lacks the missing directions in `policyTypes`: name it.
      const completable: PolicyView | undefined = catchAll.find((p) => !p.clusterWide && missing.every((d) => !p.types.has(d)));
      if (completable) {
        const pol: Obj = completable.obj;
        report({
          obj: ns,
          messageId: "partial",
          data: { name, directions, policy: pol.name ?? "(unnamed)", where: where(pol), types: missing.join(", ") },
          related: [{ obj: pol, message: `Catch-all NetworkPolicy '${pol.name ?? "(unnamed)"}' of namespace '${name}'` }],
        });
        continue;
      }
      report({ obj: ns, messageId: "missing", data: { name, directions, policies: inNs.length, types: missing.join(", ") } });
    }
  },
});
