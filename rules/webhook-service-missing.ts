/**
 * @fileoverview webhook-service-missing: a Validating/MutatingWebhookConfiguration webhook whose
 * `clientConfig.service` names a Service (name, namespace) that is not in the set, or a port
 * (default 443) that Service does not expose. The API server cannot call the webhook: with
 * `failurePolicy: Fail` every matching request is rejected (cluster-wide outage for broad rules),
 * with `Ignore` the policy it enforces silently stops applying (clusterlint admission-controller-
 * webhook, live cluster only).
 *
 * Degrades: reported only when the run holds Services in the webhook's Service namespace (the
 * Service usually ships in the same bundle; if the run holds none there, it lives elsewhere).
 * Cross-document: every file of the run in kubeguard's CLI and language server; the documents of
 * the same file inside a user's own ESLint.
 */
import { apiGroup } from "../src/language/k8s.js";
import { at, crossRule, items, str } from "../src/crossdoc/index.js";
import { FolderGate, findService, sameFolder, intOrString, portList, serviceHasPort, services, templated } from "./shared/_crossdoc-net.js";

export default crossRule({
  name: "webhook-service-missing",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow admission webhooks whose Service is not in the set",
      severity: "low",
      presets: ["recommended"],
    },
    messages: {
      missing:
        "{{kind}} '{{name}}' webhook '{{webhook}}' calls Service '{{service}}' in namespace '{{namespace}}', which is not among the Services linted there: the API server cannot reach it ({{effect}}).",
      missingPort:
        "{{kind}} '{{name}}' webhook '{{webhook}}' calls port {{port}} of Service '{{service}}' ({{where}}), which has no such port (its ports: {{ports}}): the API server cannot reach it ({{effect}}).",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report, where }) {
    const svcs = services(index);
    if (!svcs.length) return;
    const near = new FolderGate(svcs);
    for (const kind of ["ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"]) {
      for (const cfg of index.ofKind(kind)) {
        if (apiGroup(cfg.fact.apiVersion) !== "admissionregistration.k8s.io") continue;
        const v1beta1 = cfg.fact.apiVersion === "admissionregistration.k8s.io/v1beta1";
        for (const wh of items(at(cfg.snap, "webhooks"))) {
          const ref = at(wh, "clientConfig", "service");
          if (!ref) continue;
          const nameNode = at(ref, "name");
          const service = str(nameNode);
          const ns = str(at(ref, "namespace"));
          if (!service || !ns || templated(service) || templated(ns) || !near.has(cfg, ns)) continue;
          const failure = str(at(wh, "failurePolicy")) ?? (v1beta1 ? "Ignore" : "Fail");
          const effect = failure === "Ignore" ? "failurePolicy Ignore: the check silently stops applying" : "failurePolicy Fail: every request it matches is rejected";
          const base = { kind, name: cfg.name ?? "(unnamed)", webhook: str(at(wh, "name")) ?? "(unnamed)", service, namespace: ns, effect };
          const svc = findService(index, ns, service, cfg);
          if (!svc) {
            report({ obj: cfg, node: nameNode, messageId: "missing", data: base });
            continue;
          }
          if (!sameFolder(svc, cfg)) continue;
          const portNode = at(ref, "port");
          const port = portNode ? intOrString(portNode) : 443;
          if (typeof port !== "number" || serviceHasPort(svc, port)) continue;
          report({
            obj: cfg,
            node: portNode ?? nameNode,
            messageId: "missingPort",
            data: { ...base, port, where: where(svc), ports: portList(svc) },
            related: [{ obj: svc, message: `Service '${service}' (ports: ${portList(svc)})` }],
          });
        }
      }
    }
  },
});
