/**
 * @fileoverview namespace-without-dedicated-serviceaccount: a Namespace of the run whose workloads
 * (in the run) have no ServiceAccount of their own — the run declares no ServiceAccount other than
 * `default` in it and no pod of it names another account — so every pod there shares the namespace's `default` account and whatever is
 * ever bound to it (Kubescape C-0189 namespace-without-service-account).
 *
 * Reported on the Namespace document, naming a workload of it. A namespace without any pod
 * template in the run is not judged (its workloads live elsewhere). Cross-document: kubeguard's
 * CLI and language server look at every file of the run; inside a user's own ESLint, at the
 * documents of one file.
 */
import { at, crossRule } from "../src/crossdoc/index.js";
import { isServiceAccount, nameOf, nameTemplated, podServiceAccount, push } from "./shared/_crossdoc-identity.js";
import type { PodTemplate } from "../src/crossdoc/index.js";

type Options = [{ ignoreNamespaces?: string[] }];
const IGNORED = ["kube-system", "kube-public", "kube-node-lease"];

export default crossRule({
  name: "namespace-without-dedicated-serviceaccount",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require a dedicated ServiceAccount in every Namespace that runs workloads",
      severity: "low",
      presets: ["recommended"],
      equivalents: { kubescape: ["C-0189"] },
    },
    messages: {
      missing:
        "Namespace '{{name}}' runs {{workloads}} workload(s) in the linted set on the `default` ServiceAccount (e.g. {{kind}} '{{workload}}' at {{where}}) but declares no ServiceAccount other than `default`: every pod shares the default account and whatever is ever bound to it. Create one ServiceAccount per workload and set `serviceAccountName`.",
    },
    schema: [
      {
        type: "object",
        properties: { ignoreNamespaces: { type: "array", items: { type: "string" }, description: "Namespaces not checked." } },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ ignoreNamespaces: IGNORED }] as Options,
  check({ index, report, where, optionsFor }) {
    const namespaces = index.ofKind("Namespace").filter((n) => n.fact.apiVersion === "v1" && !nameTemplated(n.name));
    if (!namespaces.length) return;
    const dedicated = new Set<string>();
    for (const sa of index.ofKind("ServiceAccount")) if (isServiceAccount(sa) && sa.name !== "default" && sa.ns !== null) dedicated.add(sa.ns);
    const pods = new Map<string, PodTemplate[]>();
    for (const p of index.podTemplates()) {
      if (p.obj.ns === null) continue;
      // A pod that names another account: the namespace has (or expects) a dedicated one.
      if (podServiceAccount(p).name !== "default") dedicated.add(p.obj.ns);
      else push(pods, p.obj.ns, p);
    }
    for (const ns of namespaces) {
      const name = ns.name!;
      if ((optionsFor(ns.file)[0]?.ignoreNamespaces ?? IGNORED).includes(name)) continue;
      const inNs = pods.get(name);
      if (!inNs?.length || dedicated.has(name)) continue;
      const first = inNs[0]!.obj;
      const workloads = new Set(inNs.map((p) => p.obj)).size;
      report({
        obj: ns,
        messageId: "missing",
        data: { name, workloads, kind: first.kind, workload: nameOf(first), where: where(first) },
        related: [{ obj: first, node: at(first.snap, "metadata", "name"), message: `${first.kind} '${nameOf(first)}' runs in namespace '${name}' with the default ServiceAccount` }],
      });
    }
  },
});
