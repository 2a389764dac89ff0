/**
 * @fileoverview configmap-secret-unused: a ConfigMap or Secret that nothing in its namespace
 * refers to — no pod template (env, envFrom, volumes, projected volumes, imagePullSecrets), no
 * ServiceAccount, no Ingress TLS, no other object naming it (controller flags such as
 * `--configmap=ns/name`, custom resources). Dead configuration drifts from what runs, and a dead
 * Secret is a credential kept around for nothing (Popeye POP-400/POP-401, clusterlint
 * unused-config-map / unused-secrets, all live-cluster tools).
 *
 * A reference is any string token of another object in the same namespace (or of a cluster-scoped
 * object) equal to the name — generous on purpose: a missed reference would be a false alarm.
 * Only namespaces for which the run holds pod templates are judged (otherwise the consumers live
 * elsewhere); objects discovered by label (Grafana dashboards…) are skipped. Cross-document:
 * kubeguard's CLI and language server look at every file of the run; inside a user's own ESLint,
 * at the documents of one file.
 */
import { at, crossRule, entries, stringRecord, type Obj, type Snap } from "../src/crossdoc/index.js";
import { nameOf, nameTemplated, podNamespaces } from "./shared/_crossdoc-identity.js";

type Options = [{ ignoreNamespaces?: string[]; ignoreLabels?: string[] }];

const IGNORED_NAMESPACES = ["kube-system", "kube-public", "kube-node-lease"];
/** Labels by which sidecars and operators discover ConfigMaps and Secrets instead of by name. */
const DISCOVERY_LABELS = ["grafana_dashboard", "grafana_datasource", "grafana_alert", "grafana_notifier", "grafana_plugin", "grafana-dashboard", "prometheus_rule", "argocd.argoproj.io/secret-type"];
/** Secret types consumed by the control plane or by Helm, never by pods. */
const SYSTEM_SECRET_TYPES = new Set(["kubernetes.io/service-account-token", "bootstrap.kubernetes.io/token", "helm.sh/release.v1"]);
const SYSTEM_NAMES = new Set(["kube-root-ca.crt"]);

/** Subtrees that hold labels, not references. */
const SKIP_KEYS = new Set(["labels", "matchLabels", "selector", "nodeSelector"]);

function collectTokens(snap: Snap | null | undefined, out: Set<string>, depth = 0): void {
  if (!snap || depth > 64) return;
  if (snap.m) {
    for (const [k, v] of entries(snap)) if (!SKIP_KEYS.has(k)) collectTokens(v, out, depth + 1);
    return;
  }
  if (snap.s) {
    for (const item of snap.s) collectTokens(item, out, depth + 1);
    return;
  }
  if (typeof snap.v !== "string") return;
  out.add(snap.v);
  for (const t of snap.v.split(/[^a-z0-9.-]+/u)) if (t) out.add(t);
}

export default crossRule({
  name: "configmap-secret-unused",
  meta: {
    type: "suggestion",
    docs: {
      description: "Report ConfigMaps and Secrets that nothing in their namespace refers to",
      severity: "info",
      presets: [],
    },
    messages: {
      unused:
        "{{kind}} '{{name}}' is not referenced by any pod template, ServiceAccount or other object of namespace '{{namespace}}' in the linted set ({{workloads}} workloads there): it is dead configuration{{secretNote}}. Delete it, or reference it where it is meant to be used.",
    },
    schema: [
      {
        type: "object",
        properties: {
          ignoreNamespaces: { type: "array", items: { type: "string" }, description: "Namespaces not checked." },
          ignoreLabels: { type: "array", items: { type: "string" }, description: "Label keys that mark objects discovered by label rather than by name." },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ ignoreNamespaces: IGNORED_NAMESPACES, ignoreLabels: DISCOVERY_LABELS }] as Options,
  check({ index, report, optionsFor }) {
    const candidates = [...index.ofKind("ConfigMap"), ...index.ofKind("Secret")].filter((o) => o.fact.apiVersion === "v1" && o.ns !== null && !nameTemplated(o.name));
    if (!candidates.length) return;
    const withPods = podNamespaces(index);
    if (!candidates.some((c) => withPods.has(c.ns!))) return;
    // Tokens of every other object, per namespace ("" = cluster-scoped objects: any namespace).
    const tokens = new Map<string, Set<string>>();
    const workloads = new Map<string, Set<Obj>>();
    for (const p of index.podTemplates()) {
      const ns = p.obj.ns ?? "";
      let set = workloads.get(ns);
      if (!set) workloads.set(ns, (set = new Set()));
      set.add(p.obj);
    }
    for (const obj of index.objects) {
      if (obj.kind === "ConfigMap" || obj.kind === "Secret") continue;
      if (obj.ns !== null && !withPods.has(obj.ns)) continue;
      const ns = obj.ns ?? "";
      let set = tokens.get(ns);
      if (!set) tokens.set(ns, (set = new Set()));
      const { metadata, ...rest } = obj.snap.m ?? {};
      collectTokens(at(metadata, "annotations"), set);
      collectTokens(at(metadata, "ownerReferences"), set);
      for (const v of Object.values(rest)) collectTokens(v, set);
    }
    const global = tokens.get("") ?? new Set<string>();
    for (const c of candidates) {
      const ns = c.ns!;
      if (!withPods.has(ns)) continue;
      const opts = optionsFor(c.file)[0] ?? {};
      if ((opts.ignoreNamespaces ?? IGNORED_NAMESPACES).includes(ns)) continue;
      const name = c.name!;
      if (SYSTEM_NAMES.has(name)) continue;
      if (c.kind === "Secret" && SYSTEM_SECRET_TYPES.has(String(at(c.snap, "type")?.v ?? ""))) continue;
      const labels = stringRecord(at(c.snap, "metadata", "labels"));
      if ((opts.ignoreLabels ?? DISCOVERY_LABELS).some((l) => Object.hasOwn(labels, l))) continue;
      if (tokens.get(ns)?.has(name) || global.has(name)) continue;
      report({
        obj: c,
        messageId: "unused",
        data: {
          kind: c.kind,
          name: nameOf(c),
          namespace: ns,
          workloads: workloads.get(ns)?.size ?? 0,
          secretNote: c.kind === "Secret" ? ", and a credential kept where it is not needed" : "",
        },
      });
    }
  },
});
