/**
 * @fileoverview statefulset-servicename-missing: a StatefulSet whose `spec.serviceName` is unset,
 * names no Service of its namespace, names a Service that is not headless (`clusterIP: None`),
 * or one that does not select the StatefulSet's pods. The governing headless Service gives each
 * replica its stable DNS name (`<pod>.<serviceName>`); without it, peers cannot find each other
 * (kube-score statefulset-has-servicename, KICS "StatefulSets Without Service Name").
 *
 * Degrades: "names no Service" is reported only when the run holds Services in the StatefulSet's
 * namespace (otherwise the Service lives elsewhere); an unset `serviceName` needs no other object
 * and is always reported. Cross-document: every file of the run in kubeguard's CLI and language
 * server; the documents of the same file inside a user's own ESLint.
 */
import { apiGroup } from "../src/language/k8s.js";
import { at, crossRule, keyOf, str } from "../src/crossdoc/index.js";
import { FolderGate, findService, sameFolder, isHeadless, selectorMatches, serviceSelector, services, templated } from "./shared/_crossdoc-net.js";

export default crossRule({
  name: "statefulset-servicename-missing",
  meta: {
    type: "problem",
    docs: {
      description: "Require StatefulSets to name a headless Service that selects their pods",
      severity: "low",
      presets: ["recommended"],
      equivalents: { "kube-score": ["statefulset-has-servicename"] },
    },
    messages: {
      unset: "StatefulSet '{{name}}' has no spec.serviceName: its pods get no stable DNS names. Create a headless Service (`clusterIP: None`) selecting them and name it in spec.serviceName.",
      missing: "StatefulSet '{{name}}' names Service '{{service}}', which is not in namespace '{{namespace}}' among the Services linted there: its pods get no stable DNS names.",
      notHeadless: "StatefulSet '{{name}}' names Service '{{service}}' ({{where}}), which is not headless (no `clusterIP: None`): the pods get no per-pod DNS records.",
      notSelecting: "StatefulSet '{{name}}' names Service '{{service}}' ({{where}}), whose selector does not match the StatefulSet's pod labels: the pods get no DNS records through it.",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report, where }) {
    const sets = index.ofKind("StatefulSet").filter((s) => apiGroup(s.fact.apiVersion) === "apps");
    if (!sets.length) return;
    const near = new FolderGate(services(index));
    for (const sts of sets) {
      const spec = at(sts.snap, "spec");
      const node = at(spec, "serviceName");
      const service = str(node);
      const base = { name: sts.name ?? "(unnamed)" };
      if (!service) {
        report({ obj: sts, node: node ?? keyOf(spec), messageId: "unset", data: base });
        continue;
      }
      if (templated(service) || sts.ns === null) continue;
      const svc = findService(index, sts.ns, service, sts);
      if (!svc) {
        if (near.has(sts, sts.ns)) report({ obj: sts, node, messageId: "missing", data: { ...base, service, namespace: sts.ns } });
        continue;
      }
      if (!sameFolder(svc, sts)) continue;
      const data = { ...base, service, where: where(svc) };
      if (!isHeadless(svc)) {
        report({ obj: sts, node, messageId: "notHeadless", data, related: [{ obj: svc, message: `Service '${service}' is not headless` }] });
        continue;
      }
      const sel = serviceSelector(svc);
      const pods = index.podTemplatesOf(sts);
      if (!sel || !pods.length || Object.values(sel.matchLabels).some((v) => templated(v))) continue;
      if (pods.some((p) => Object.values(p.labels).some((v) => templated(v)))) continue;
      if (pods.some((p) => selectorMatches(sel, p.labels))) continue;
      report({ obj: sts, node, messageId: "notSelecting", data, related: [{ obj: svc, node: keyOf(at(svc.snap, "spec", "selector")), message: `Service '${service}' selector` }] });
    }
  },
});
