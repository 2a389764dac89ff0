/**
 * @fileoverview ingress-tls-secret-missing: an Ingress `spec.tls[].secretName` that names no
 * Secret of its namespace (and nothing in the run creates it: cert-manager Certificate or issuer
 * annotation, SealedSecret, ExternalSecret, Secrets Store CSI `secretObjects`, Vault / 1Password
 * operator objects, kustomize `secretGenerator`). The controller then serves its default
 * (self-signed) certificate, or falls back to plain HTTP. Also reports a named Secret that is not
 * a TLS Secret (no `tls.crt`/`tls.key`). No other manifest linter checks this (catalog §3).
 *
 * Degrades (TLS Secrets are often created out of band): reported only when the run holds at
 * least one Secret, or Secret-creating object, in the Ingress's namespace — then the author keeps
 * this namespace's Secrets in the set and a missing name is most likely a typo. Cross-document:
 * every file of the run in kubeguard's CLI and language server; the documents of the same file
 * inside a user's own ESLint.
 */
import { apiGroup } from "../src/language/k8s.js";
import { at, crossRule, entries, items, str, stringRecord, type Obj } from "../src/crossdoc/index.js";
import { closest, FolderGate, sameFolder, secretNames, templated } from "./shared/_crossdoc-net.js";

const ISSUER_ANNOTATIONS = ["cert-manager.io/cluster-issuer", "cert-manager.io/issuer", "certmanager.k8s.io/cluster-issuer", "certmanager.k8s.io/issuer"];

export default crossRule({
  name: "ingress-tls-secret-missing",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow Ingress TLS entries whose Secret is not in the set",
      severity: "low",
      presets: ["recommended"],
    },
    messages: {
      missing:
        "Ingress '{{name}}' serves TLS with Secret '{{secret}}', but no Secret (or Certificate, SealedSecret, ExternalSecret …) of that name is in namespace '{{namespace}}' among the {{count}} linted there: the controller falls back to its default certificate. Fix the name, add the Secret, or annotate the Ingress with a cert-manager issuer.",
      notTls:
        "Ingress '{{name}}' serves TLS with Secret '{{secret}}' ({{where}}), but that Secret {{problem}}: controllers need `type: kubernetes.io/tls` with `tls.crt` and `tls.key`.",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report, where }) {
    const ingresses = index.ofKind("Ingress").filter((i) => {
      const g = apiGroup(i.fact.apiVersion);
      return g === "networking.k8s.io" || g === "extensions";
    });
    if (!ingresses.length) return;
    const { names, objects } = secretNames(index);
    const near = new FolderGate(objects);
    for (const ing of ingresses) {
      const ns = ing.ns;
      if (ns === null || !near.has(ing, ns)) continue;
      const ann = stringRecord(at(ing.snap, "metadata", "annotations"));
      if (ISSUER_ANNOTATIONS.some((k) => ann[k]) || ann["kubernetes.io/tls-acme"] === "true") continue;
      const known = names.get(ns) ?? new Map<string, Obj[]>();
      for (const tls of items(at(ing.snap, "spec", "tls"))) {
        const node = at(tls, "secretName");
        const secret = str(node);
        if (!secret || templated(secret) || secret.includes("/")) continue;
        const found = closest(known.get(secret) ?? [], ing);
        if (!found) {
          report({ obj: ing, node, messageId: "missing", data: { name: ing.name ?? "(unnamed)", secret, namespace: ns, count: known.size } });
          continue;
        }
        if (found.kind !== "Secret" || !sameFolder(found, ing)) continue;
        const type = str(at(found.snap, "type"));
        const keys = new Set([...entries(at(found.snap, "data")), ...entries(at(found.snap, "stringData"))].map(([k]) => k));
        let problem: string | null = null;
        if (type !== null && type !== "kubernetes.io/tls" && type !== "Opaque") problem = `has type '${type}'`;
        else if (keys.size > 0 && !(keys.has("tls.crt") && keys.has("tls.key"))) problem = `has no ${keys.has("tls.crt") ? "tls.key" : keys.has("tls.key") ? "tls.crt" : "tls.crt/tls.key"} key`;
        if (!problem) continue;
        report({
          obj: ing,
          node,
          messageId: "notTls",
          data: { name: ing.name ?? "(unnamed)", secret, where: where(found), problem },
          related: [{ obj: found, message: `Secret '${secret}' (${problem})` }],
        });
      }
    }
  },
});
