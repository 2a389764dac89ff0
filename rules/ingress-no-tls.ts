/**
 * @fileoverview ingress-no-tls: an Ingress without `spec.tls` serves its hosts over plain HTTP
 * (credentials, cookies and tokens in clear text) unless something outside the manifest
 * terminates TLS.
 */
import { createRule } from "../src/rule.js";
import { getPair, getSeq, seqItems } from "../src/language/query.js";
import { annotationPairs, isIngress, specOf } from "./shared/_exposure.js";

export default createRule({
  name: "ingress-no-tls",
  meta: {
    type: "problem",
    docs: {
      description: "Require TLS on Ingresses",
      severity: "medium",
      presets: ["recommended"],
      equivalents: { polaris: ["tlsSettingsMissing"], kubescape: ["C-0263"] },
    },
    messages: {
      noTls:
        "Ingress '{{name}}' has {{what}}: its hosts are served over plain HTTP, so passwords, session cookies and tokens cross the network in clear text. Add spec.tls with a certificate Secret (or a cert-manager issuer annotation that creates it).",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isIngress(resource)) return;
        const spec = specOf(resource);
        const tls = getPair(spec, "tls");
        if (seqItems(getSeq(spec, "tls")).length) return;
        // TLS terminated by a cloud load balancer in front of the controller (AWS ALB, GCE).
        const ann = annotationPairs(resource).pairs.map((p) => p.key);
        if (ann.some((k) => k === "alb.ingress.kubernetes.io/certificate-arn" || k === "ingress.gcp.kubernetes.io/pre-shared-cert" || k === "networking.gke.io/managed-certificates")) return;
        const anchor = tls?.key ?? getPair(spec, "rules")?.key ?? getPair(spec, "defaultBackend")?.key ?? getPair(spec, "backend")?.key ?? getPair(resource.node, "spec")?.key ?? resource.node;
        context.report({ node: anchor, messageId: "noTls", data: { name: resource.name ?? "(unnamed)", what: tls ? "an empty spec.tls" : "no spec.tls" } });
      },
    };
  },
});
