/**
 * @fileoverview Namespace placement of an object (catalog-cluster.md §0): an object without
 * `metadata.namespace` is in `default` for plain YAML, but in the release namespace for rendered
 * Helm output (a document preceded by `# Source:`, `DocumentNode.helmSource`). Also: which kinds are
 * namespaced (built-in groups and widely used custom resources), and the Pod Security Admission labels.
 */
import type { MapNode, PairNode, ResourceNode, ScalarNode, YamlNode } from "../../src/language/ast.js";
import { apiGroup } from "../../src/language/k8s.js";
import { asMap, asScalar, getMap, getPair, getSeq, scalarString, seqItems } from "../../src/language/query.js";

/** Where an object lands: `namespace` is null when it is the (unknown) Helm release namespace. */
export interface Placement {
  namespace: string | null;
  /** `explicit`: metadata.namespace written; `default`: absent in plain YAML; `release`: absent in Helm output. */
  source: "explicit" | "default" | "release";
  /** The `namespace:` pair, when written. */
  pair: PairNode | null;
  /** The `metadata:` pair (anchor for "absent" reports). */
  metadataPair: PairNode | null;
}

export function placementOf(resource: ResourceNode): Placement {
  const metadataPair = getPair(resource.node, "metadata");
  const pair = getPair(getMap(resource.node, "metadata"), "namespace");
  if (pair && resource.namespace) return { namespace: resource.namespace, source: "explicit", pair, metadataPair };
  if (resource.document.helmSource) return { namespace: null, source: "release", pair, metadataPair };
  return { namespace: "default", source: "default", pair, metadataPair };
}

/** `group/Kind` ("" = core group). */
export function groupKind(resource: ResourceNode): string {
  return `${apiGroup(resource.apiVersion)}/${resource.kind ?? ""}`;
}

/**
 * Namespaced built-in kinds that the workload rule `default-namespace` reports (mirror of its
 * table; test/rules/object-in-default-namespace.test.ts checks the two rules never report the same
 * object). `object-in-default-namespace` covers the other namespaced kinds.
 */
export const DEFAULT_NAMESPACE_RULE_KINDS: ReadonlySet<string> = new Set([
  "/Pod", "/Service", "/ConfigMap", "/Secret", "/ServiceAccount", "/PersistentVolumeClaim", "/ReplicationController",
  "/Endpoints", "/LimitRange", "/ResourceQuota", "/PodTemplate", "/Event",
  "apps/Deployment", "apps/StatefulSet", "apps/DaemonSet", "apps/ReplicaSet", "apps/ControllerRevision",
  "batch/Job", "batch/CronJob",
  "networking.k8s.io/Ingress", "networking.k8s.io/NetworkPolicy",
  "rbac.authorization.k8s.io/Role", "rbac.authorization.k8s.io/RoleBinding",
  "policy/PodDisruptionBudget", "autoscaling/HorizontalPodAutoscaler",
  "discovery.k8s.io/EndpointSlice", "coordination.k8s.io/Lease", "storage.k8s.io/CSIStorageCapacity",
]);

/** Further namespaced kinds: legacy groups, newer built-ins and widely used custom resources (scope from their CRDs). */
const OTHER_NAMESPACED: ReadonlySet<string> = new Set([
  "extensions/Deployment", "extensions/DaemonSet", "extensions/ReplicaSet", "extensions/Ingress", "extensions/NetworkPolicy",
  "events.k8s.io/Event", "resource.k8s.io/ResourceClaim", "resource.k8s.io/ResourceClaimTemplate",
  "autoscaling.k8s.io/VerticalPodAutoscaler",
  "gateway.networking.k8s.io/Gateway", "gateway.networking.k8s.io/HTTPRoute", "gateway.networking.k8s.io/GRPCRoute",
  "gateway.networking.k8s.io/TCPRoute", "gateway.networking.k8s.io/TLSRoute", "gateway.networking.k8s.io/UDPRoute",
  "gateway.networking.k8s.io/ReferenceGrant",
  "networking.istio.io/VirtualService", "networking.istio.io/DestinationRule", "networking.istio.io/Gateway",
  "networking.istio.io/ServiceEntry", "networking.istio.io/Sidecar", "networking.istio.io/EnvoyFilter",
  "networking.istio.io/WorkloadEntry", "networking.istio.io/WorkloadGroup",
  "security.istio.io/PeerAuthentication", "security.istio.io/AuthorizationPolicy", "security.istio.io/RequestAuthentication",
  "telemetry.istio.io/Telemetry",
  "monitoring.coreos.com/ServiceMonitor", "monitoring.coreos.com/PodMonitor", "monitoring.coreos.com/PrometheusRule",
  "monitoring.coreos.com/Prometheus", "monitoring.coreos.com/Alertmanager", "monitoring.coreos.com/AlertmanagerConfig",
  "monitoring.coreos.com/Probe", "monitoring.coreos.com/ThanosRuler",
  "cert-manager.io/Certificate", "cert-manager.io/Issuer", "cert-manager.io/CertificateRequest",
  "argoproj.io/Rollout", "argoproj.io/Application", "argoproj.io/AppProject", "argoproj.io/Workflow",
  "bitnami.com/SealedSecret", "external-secrets.io/ExternalSecret", "external-secrets.io/SecretStore",
  "keda.sh/ScaledObject", "keda.sh/ScaledJob", "keda.sh/TriggerAuthentication",
  "kyverno.io/Policy", "policy.linkerd.io/Server", "policy.linkerd.io/ServerAuthorization",
  "policy.linkerd.io/AuthorizationPolicy", "policy.linkerd.io/HTTPRoute",
  "serving.knative.dev/Service", "snapshot.storage.k8s.io/VolumeSnapshot",
]);

/** Whether the kind is known to be namespaced (unknown custom resources are not assumed to be). */
export function isNamespacedKind(resource: ResourceNode): boolean {
  const gk = groupKind(resource);
  return DEFAULT_NAMESPACE_RULE_KINDS.has(gk) || OTHER_NAMESPACED.has(gk);
}

export function isNamespacedOutsideDefaultNamespaceRule(resource: ResourceNode): boolean {
  return OTHER_NAMESPACED.has(groupKind(resource));
}

export function isNamespace(resource: ResourceNode): boolean {
  return resource.kind === "Namespace" && apiGroup(resource.apiVersion) === "";
}

export const PSA_PREFIX = "pod-security.kubernetes.io/";

export interface LabelEntry {
  key: string;
  value: string | null;
  pair: PairNode;
  valueNode: ScalarNode | null;
}

/** `metadata.labels` entries with their pairs, and the labels map (null when absent). */
export function labelEntries(resource: ResourceNode): { map: MapNode | null; entries: LabelEntry[] } {
  const map = getMap(getMap(resource.node, "metadata"), "labels");
  const entries: LabelEntry[] = [];
  for (const p of map?.pairs ?? []) {
    const k = asScalar(p.key);
    if (!k || k.value === null) continue;
    const v = asScalar(p.value);
    entries.push({ key: String(k.value), value: v && v.value !== null ? String(v.value) : null, pair: p, valueNode: v });
  }
  return { map, entries };
}

/** A NetworkPolicy (networking.k8s.io, or the removed extensions group). */
export function isNetworkPolicy(kind: string | null, apiVersion: string | null): boolean {
  return kind === "NetworkPolicy" && ["networking.k8s.io", "extensions"].includes(apiGroup(apiVersion));
}

/** Directions a NetworkPolicy enforces: explicit policyTypes, else Ingress plus Egress when egress rules exist. */
export function enforcedDirections(spec: MapNode | null): Set<string> {
  const types = getSeq(spec, "policyTypes");
  if (types) return new Set(seqItems(types).map((t) => scalarString(t) ?? ""));
  return new Set(getPair(spec, "egress") ? ["Ingress", "Egress"] : ["Ingress"]);
}

/** A label selector that selects everything: a map with no matchLabels entries and no matchExpressions. */
export function isEmptySelector(node: YamlNode | null): boolean {
  const m = asMap(node);
  if (!m) return false;
  return (getMap(m, "matchLabels")?.pairs.length ?? 0) === 0 && seqItems(getSeq(m, "matchExpressions")).length === 0;
}
