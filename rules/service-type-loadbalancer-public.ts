/**
 * @fileoverview service-type-loadbalancer-public: a LoadBalancer Service without an
 * internal-load-balancer annotation gets a public address on every major cloud, reachable from
 * the Internet unless `loadBalancerSourceRanges` restricts the clients.
 */
import { createRule } from "../src/rule.js";
import { getSeq, scalarString, seqItems } from "../src/language/query.js";
import { annotationPairs, isService, serviceType, specOf } from "./shared/_exposure.js";

/** Annotation → values that make the load balancer internal (lower-case; "*" = any value but "false"). */
const INTERNAL: Record<string, string[]> = {
  "networking.gke.io/load-balancer-type": ["internal"],
  "cloud.google.com/load-balancer-type": ["internal"],
  "service.beta.kubernetes.io/aws-load-balancer-internal": ["*"],
  "service.beta.kubernetes.io/aws-load-balancer-scheme": ["internal"],
  "service.beta.kubernetes.io/azure-load-balancer-internal": ["true"],
  "service.beta.kubernetes.io/oci-load-balancer-internal": ["true"],
  "service.beta.kubernetes.io/openstack-internal-load-balancer": ["true"],
  "service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type": ["private"],
  "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type": ["intranet"],
};

const OPEN = new Set(["0.0.0.0/0", "::/0"]);

export default createRule({
  name: "service-type-loadbalancer-public",
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow LoadBalancer Services that are public and open to every source",
      severity: "medium",
      presets: ["recommended"],
      equivalents: { "kube-linter": ["exposed-services"] },
    },
    messages: {
      public:
        "Service '{{name}}' is of type LoadBalancer without an internal-load-balancer annotation or loadBalancerSourceRanges{{open}}: the cloud gives it a public address reachable from the Internet. Mark it internal, restrict the source ranges, or put it behind an Ingress/Gateway.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isService(resource)) return;
        const t = serviceType(resource);
        if (t.type !== "LoadBalancer" || !t.node) return;
        const ann = annotationPairs(resource).pairs;
        const internal = ann.some(({ key, pair }) => {
          const allowed = INTERNAL[key];
          const v = (scalarString(pair.value) ?? "").toLowerCase();
          return allowed !== undefined && (allowed.includes("*") ? v !== "" && v !== "false" : allowed.includes(v));
        });
        if (internal) return;
        const ranges = seqItems(getSeq(specOf(resource), "loadBalancerSourceRanges")).map((n) => scalarString(n) ?? "");
        const annRanges = ann
          .filter(({ key }) => key === "service.beta.kubernetes.io/load-balancer-source-ranges")
          .flatMap(({ pair }) => (scalarString(pair.value) ?? "").split(",").map((r) => r.trim()).filter(Boolean));
        const all = [...ranges, ...annRanges];
        const open = all.some((r) => OPEN.has(r));
        if (all.length && !open) return;
        context.report({ node: t.node, messageId: "public", data: { name: resource.name ?? "(unnamed)", open: open ? " (its source ranges include 0.0.0.0/0 or ::/0)" : "" } });
      },
    };
  },
});
