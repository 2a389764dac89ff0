/**
 * @fileoverview Deprecated and removed apiVersion → kind table (research/catalog-cluster.md §2),
 * keyed by the exact `apiVersion` + `kind` pair, with the release that deprecated it, the release
 * that stopped serving it, the replacement and the release that first served the replacement, and
 * whether rewriting `apiVersion` alone keeps the object's meaning.
 */
import type { ResourceNode } from "../../src/language/ast.js";
import { asMap, get, getMap, getNumber, getSeq, seqItems } from "../../src/language/query.js";

export type Version = [number, number];

export interface ApiEntry {
  apiVersion: string;
  kinds: string[];
  /** First release that deprecated the version. */
  deprecated: Version;
  /** First release that no longer serves it (null: deprecated, removal not scheduled). */
  removed: Version | null;
  /** The apiVersion to move to (null: no replacement, e.g. PodSecurityPolicy). */
  replacement: string | null;
  /** First release serving the replacement. */
  replacementSince: Version | null;
  /**
   * Whether rewriting apiVersion alone is safe for this object: `true`, `false`, or a check that
   * returns null when safe and otherwise the reason it is not.
   */
  safe: boolean | ((resource: ResourceNode) => string | null);
  /** What changes besides apiVersion (shown in the message when no fix is offered). */
  changes: string;
  /** Non-Kubernetes component (cert-manager, Istio) whose own releases removed it. */
  component?: { name: string; removedIn: string };
}

/** A PDB selector that is empty (`{}` or absent parts) selects nothing in policy/v1beta1 and every pod in policy/v1. */
function pdbSelectorSafe(resource: ResourceNode): string | null {
  const spec = getMap(resource.node, "spec");
  const selector = get(spec, "selector");
  if (selector === null) return null; // null selector selects no pods in both versions
  const m = asMap(selector);
  if (!m) return "spec.selector is not a mapping";
  const labels = getMap(m, "matchLabels");
  const exprs = getSeq(m, "matchExpressions");
  const nonEmpty = (labels?.pairs.length ?? 0) > 0 || seqItems(exprs).length > 0;
  return nonEmpty ? null : "an empty spec.selector selects no pods in policy/v1beta1 but every pod of the namespace in policy/v1";
}

/** PriorityLevelConfiguration: an explicit `nominalConcurrencyShares: 0` was defaulted to 30 by v1beta3 and means 0 in v1. */
function plcSafe(resource: ResourceNode): string | null {
  if (resource.kind !== "PriorityLevelConfiguration") return null;
  const limited = getMap(getMap(resource.node, "spec"), "limited");
  return getNumber(limited, "nominalConcurrencyShares") === 0 ? "spec.limited.nominalConcurrencyShares: 0 was read as 30 by v1beta3 and means 0 in v1" : null;
}

const APPS = "selector required (copy the template labels), several defaults changed (e.g. updateStrategy, revisionHistoryLimit, progressDeadlineSeconds)";

export const API_TABLE: ApiEntry[] = [
  { apiVersion: "extensions/v1beta1", kinds: ["NetworkPolicy"], deprecated: [1, 9], removed: [1, 16], replacement: "networking.k8s.io/v1", replacementSince: [1, 8], safe: true, changes: "none" },
  { apiVersion: "extensions/v1beta1", kinds: ["PodSecurityPolicy"], deprecated: [1, 11], removed: [1, 16], replacement: null, replacementSince: null, safe: false, changes: "use Pod Security Admission namespace labels (pod-security.kubernetes.io/enforce) or a policy engine" },
  { apiVersion: "extensions/v1beta1", kinds: ["DaemonSet", "Deployment", "ReplicaSet"], deprecated: [1, 9], removed: [1, 16], replacement: "apps/v1", replacementSince: [1, 9], safe: false, changes: APPS },
  { apiVersion: "apps/v1beta1", kinds: ["Deployment", "StatefulSet", "ReplicaSet"], deprecated: [1, 9], removed: [1, 16], replacement: "apps/v1", replacementSince: [1, 9], safe: false, changes: APPS },
  { apiVersion: "apps/v1beta2", kinds: ["DaemonSet", "Deployment", "StatefulSet", "ReplicaSet"], deprecated: [1, 9], removed: [1, 16], replacement: "apps/v1", replacementSince: [1, 9], safe: false, changes: APPS },
  { apiVersion: "apps/v1beta1", kinds: ["ControllerRevision"], deprecated: [1, 9], removed: [1, 16], replacement: "apps/v1", replacementSince: [1, 9], safe: true, changes: "none" },
  { apiVersion: "apps/v1beta2", kinds: ["ControllerRevision"], deprecated: [1, 9], removed: [1, 16], replacement: "apps/v1", replacementSince: [1, 9], safe: true, changes: "none" },
  { apiVersion: "scheduling.k8s.io/v1alpha1", kinds: ["PriorityClass"], deprecated: [1, 14], removed: [1, 17], replacement: "scheduling.k8s.io/v1", replacementSince: [1, 14], safe: true, changes: "none" },
  {
    apiVersion: "admissionregistration.k8s.io/v1beta1",
    kinds: ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"],
    deprecated: [1, 16],
    removed: [1, 22],
    replacement: "admissionregistration.k8s.io/v1",
    replacementSince: [1, 16],
    safe: false,
    changes: "defaults flip (failurePolicy Ignore→Fail, matchPolicy Exact→Equivalent, timeoutSeconds 30→10); sideEffects and admissionReviewVersions become required",
  },
  {
    apiVersion: "apiextensions.k8s.io/v1beta1",
    kinds: ["CustomResourceDefinition"],
    deprecated: [1, 16],
    removed: [1, 22],
    replacement: "apiextensions.k8s.io/v1",
    replacementSince: [1, 16],
    safe: false,
    changes: "spec.scope and a structural openAPIV3Schema per version become required; version/validation/subresources/additionalPrinterColumns move under versions[]",
  },
  { apiVersion: "apiregistration.k8s.io/v1beta1", kinds: ["APIService"], deprecated: [1, 19], removed: [1, 22], replacement: "apiregistration.k8s.io/v1", replacementSince: [1, 10], safe: true, changes: "none" },
  { apiVersion: "authentication.k8s.io/v1beta1", kinds: ["TokenReview"], deprecated: [1, 19], removed: [1, 22], replacement: "authentication.k8s.io/v1", replacementSince: [1, 6], safe: true, changes: "none" },
  {
    apiVersion: "authorization.k8s.io/v1beta1",
    kinds: ["SubjectAccessReview", "LocalSubjectAccessReview", "SelfSubjectAccessReview", "SelfSubjectRulesReview"],
    deprecated: [1, 19],
    removed: [1, 22],
    replacement: "authorization.k8s.io/v1",
    replacementSince: [1, 6],
    safe: false,
    changes: "spec.group is renamed spec.groups",
  },
  {
    apiVersion: "certificates.k8s.io/v1beta1",
    kinds: ["CertificateSigningRequest"],
    deprecated: [1, 19],
    removed: [1, 22],
    replacement: "certificates.k8s.io/v1",
    replacementSince: [1, 19],
    safe: false,
    changes: "spec.signerName and spec.usages become required; kubernetes.io/legacy-unknown is not allowed",
  },
  { apiVersion: "coordination.k8s.io/v1beta1", kinds: ["Lease"], deprecated: [1, 19], removed: [1, 22], replacement: "coordination.k8s.io/v1", replacementSince: [1, 14], safe: true, changes: "none" },
  {
    apiVersion: "extensions/v1beta1",
    kinds: ["Ingress"],
    deprecated: [1, 14],
    removed: [1, 22],
    replacement: "networking.k8s.io/v1",
    replacementSince: [1, 19],
    safe: false,
    changes: "spec.backend→spec.defaultBackend, serviceName/servicePort→service.name/service.port, pathType required",
  },
  {
    apiVersion: "networking.k8s.io/v1beta1",
    kinds: ["Ingress"],
    deprecated: [1, 19],
    removed: [1, 22],
    replacement: "networking.k8s.io/v1",
    replacementSince: [1, 19],
    safe: false,
    changes: "spec.backend→spec.defaultBackend, serviceName/servicePort→service.name/service.port, pathType required",
  },
  { apiVersion: "networking.k8s.io/v1beta1", kinds: ["IngressClass"], deprecated: [1, 19], removed: [1, 22], replacement: "networking.k8s.io/v1", replacementSince: [1, 19], safe: true, changes: "none" },
  ...["rbac.authorization.k8s.io/v1beta1", "rbac.authorization.k8s.io/v1alpha1"].map(
    (apiVersion): ApiEntry => ({ apiVersion, kinds: ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"], deprecated: [1, 17], removed: [1, 22], replacement: "rbac.authorization.k8s.io/v1", replacementSince: [1, 8], safe: true, changes: "none" }),
  ),
  { apiVersion: "scheduling.k8s.io/v1beta1", kinds: ["PriorityClass"], deprecated: [1, 14], removed: [1, 22], replacement: "scheduling.k8s.io/v1", replacementSince: [1, 14], safe: true, changes: "none" },
  { apiVersion: "storage.k8s.io/v1beta1", kinds: ["CSIDriver"], deprecated: [1, 19], removed: [1, 22], replacement: "storage.k8s.io/v1", replacementSince: [1, 19], safe: true, changes: "none" },
  { apiVersion: "storage.k8s.io/v1beta1", kinds: ["CSINode"], deprecated: [1, 17], removed: [1, 22], replacement: "storage.k8s.io/v1", replacementSince: [1, 17], safe: true, changes: "none" },
  { apiVersion: "storage.k8s.io/v1beta1", kinds: ["StorageClass"], deprecated: [1, 19], removed: [1, 22], replacement: "storage.k8s.io/v1", replacementSince: [1, 6], safe: true, changes: "none" },
  { apiVersion: "storage.k8s.io/v1beta1", kinds: ["VolumeAttachment"], deprecated: [1, 19], removed: [1, 22], replacement: "storage.k8s.io/v1", replacementSince: [1, 13], safe: true, changes: "none" },
  { apiVersion: "storage.k8s.io/v1alpha1", kinds: ["VolumeAttachment"], deprecated: [1, 13], removed: [1, 24], replacement: "storage.k8s.io/v1", replacementSince: [1, 13], safe: true, changes: "none" },
  { apiVersion: "storage.k8s.io/v1alpha1", kinds: ["CSIStorageCapacity"], deprecated: [1, 21], removed: [1, 24], replacement: "storage.k8s.io/v1", replacementSince: [1, 24], safe: true, changes: "none" },
  { apiVersion: "batch/v1beta1", kinds: ["CronJob"], deprecated: [1, 21], removed: [1, 25], replacement: "batch/v1", replacementSince: [1, 21], safe: true, changes: "none" },
  {
    apiVersion: "discovery.k8s.io/v1beta1",
    kinds: ["EndpointSlice"],
    deprecated: [1, 21],
    removed: [1, 25],
    replacement: "discovery.k8s.io/v1",
    replacementSince: [1, 21],
    safe: false,
    changes: "endpoints[].topology becomes nodeName / zone / deprecatedTopology",
  },
  { apiVersion: "events.k8s.io/v1beta1", kinds: ["Event"], deprecated: [1, 19], removed: [1, 25], replacement: "events.k8s.io/v1", replacementSince: [1, 19], safe: false, changes: "several fields renamed (e.g. involvedObject→regarding)" },
  {
    apiVersion: "autoscaling/v2beta1",
    kinds: ["HorizontalPodAutoscaler"],
    deprecated: [1, 22],
    removed: [1, 25],
    replacement: "autoscaling/v2",
    replacementSince: [1, 23],
    safe: false,
    changes: "metric targets are restructured (targetAverageUtilization → target.type: Utilization + target.averageUtilization, …)",
  },
  { apiVersion: "policy/v1beta1", kinds: ["PodDisruptionBudget"], deprecated: [1, 21], removed: [1, 25], replacement: "policy/v1", replacementSince: [1, 21], safe: pdbSelectorSafe, changes: "an empty spec.selector selects every pod in policy/v1" },
  { apiVersion: "policy/v1beta1", kinds: ["PodSecurityPolicy"], deprecated: [1, 21], removed: [1, 25], replacement: null, replacementSince: null, safe: false, changes: "use Pod Security Admission namespace labels (pod-security.kubernetes.io/enforce) or a policy engine" },
  { apiVersion: "node.k8s.io/v1beta1", kinds: ["RuntimeClass"], deprecated: [1, 20], removed: [1, 25], replacement: "node.k8s.io/v1", replacementSince: [1, 20], safe: true, changes: "none" },
  { apiVersion: "flowcontrol.apiserver.k8s.io/v1beta1", kinds: ["FlowSchema", "PriorityLevelConfiguration"], deprecated: [1, 23], removed: [1, 26], replacement: "flowcontrol.apiserver.k8s.io/v1", replacementSince: [1, 29], safe: false, changes: "PriorityLevelConfiguration assuredConcurrencyShares is renamed nominalConcurrencyShares" },
  { apiVersion: "autoscaling/v2beta2", kinds: ["HorizontalPodAutoscaler"], deprecated: [1, 23], removed: [1, 26], replacement: "autoscaling/v2", replacementSince: [1, 23], safe: true, changes: "none" },
  { apiVersion: "storage.k8s.io/v1beta1", kinds: ["CSIStorageCapacity"], deprecated: [1, 24], removed: [1, 27], replacement: "storage.k8s.io/v1", replacementSince: [1, 24], safe: true, changes: "none" },
  { apiVersion: "flowcontrol.apiserver.k8s.io/v1beta2", kinds: ["FlowSchema", "PriorityLevelConfiguration"], deprecated: [1, 26], removed: [1, 29], replacement: "flowcontrol.apiserver.k8s.io/v1", replacementSince: [1, 29], safe: false, changes: "PriorityLevelConfiguration assuredConcurrencyShares is renamed nominalConcurrencyShares" },
  {
    apiVersion: "flowcontrol.apiserver.k8s.io/v1beta3",
    kinds: ["FlowSchema", "PriorityLevelConfiguration"],
    deprecated: [1, 29],
    removed: [1, 32],
    replacement: "flowcontrol.apiserver.k8s.io/v1",
    replacementSince: [1, 29],
    safe: plcSafe,
    changes: "an explicit nominalConcurrencyShares: 0 is no longer defaulted to 30",
  },
  { apiVersion: "admissionregistration.k8s.io/v1alpha1", kinds: ["ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding"], deprecated: [1, 30], removed: [1, 33], replacement: "admissionregistration.k8s.io/v1", replacementSince: [1, 30], safe: false, changes: "alpha schema; compare with v1" },
  { apiVersion: "networking.k8s.io/v1alpha1", kinds: ["IPAddress", "ServiceCIDR"], deprecated: [1, 31], removed: [1, 33], replacement: "networking.k8s.io/v1", replacementSince: [1, 33], safe: false, changes: "alpha schema; compare with v1" },
  { apiVersion: "admissionregistration.k8s.io/v1beta1", kinds: ["ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding"], deprecated: [1, 31], removed: [1, 34], replacement: "admissionregistration.k8s.io/v1", replacementSince: [1, 30], safe: false, changes: "check the v1 schema before moving" },
  { apiVersion: "resource.k8s.io/v1alpha3", kinds: ["ResourceSlice", "ResourceClaim", "ResourceClaimTemplate", "DeviceClass"], deprecated: [1, 32], removed: [1, 34], replacement: "resource.k8s.io/v1", replacementSince: [1, 34], safe: false, changes: "the DRA schema changed between alpha, beta and v1" },
  { apiVersion: "storage.k8s.io/v1alpha1", kinds: ["VolumeAttributesClass"], deprecated: [1, 31], removed: [1, 35], replacement: "storage.k8s.io/v1", replacementSince: [1, 34], safe: false, changes: "alpha schema; compare with v1" },
  { apiVersion: "storagemigration.k8s.io/v1alpha1", kinds: ["StorageVersionMigration"], deprecated: [1, 34], removed: [1, 35], replacement: "storagemigration.k8s.io/v1beta1", replacementSince: [1, 35], safe: false, changes: "alpha schema; compare with v1beta1" },
  { apiVersion: "resource.k8s.io/v1beta1", kinds: ["ResourceSlice", "ResourceClaim", "ResourceClaimTemplate", "DeviceClass"], deprecated: [1, 33], removed: [1, 36], replacement: "resource.k8s.io/v1", replacementSince: [1, 34], safe: false, changes: "the DRA schema changed between v1beta1 and v1" },
  { apiVersion: "storage.k8s.io/v1beta1", kinds: ["VolumeAttributesClass"], deprecated: [1, 34], removed: null, replacement: "storage.k8s.io/v1", replacementSince: [1, 34], safe: true, changes: "none" },
  { apiVersion: "v1", kinds: ["Endpoints"], deprecated: [1, 33], removed: null, replacement: "discovery.k8s.io/v1", replacementSince: [1, 21], safe: false, changes: "write EndpointSlice objects (kind EndpointSlice, different schema) instead" },
  { apiVersion: "v1", kinds: ["ComponentStatus"], deprecated: [1, 19], removed: null, replacement: null, replacementSince: null, safe: false, changes: "no replacement" },
  // Non-Kubernetes components: removed by the component's own releases, whatever the cluster version.
  ...["rbac.istio.io/v1alpha1"].map(
    (apiVersion): ApiEntry => ({
      apiVersion,
      kinds: ["ServiceRole", "ServiceRoleBinding", "RbacConfig", "ClusterRbacConfig"],
      deprecated: [0, 0],
      removed: [0, 0],
      replacement: "security.istio.io/v1beta1",
      replacementSince: null,
      safe: false,
      changes: "write AuthorizationPolicy objects instead",
      component: { name: "Istio", removedIn: "1.4" },
    }),
  ),
  {
    apiVersion: "authentication.istio.io/v1alpha1",
    kinds: ["Policy", "MeshPolicy"],
    deprecated: [0, 0],
    removed: [0, 0],
    replacement: "security.istio.io/v1beta1",
    replacementSince: null,
    safe: false,
    changes: "write PeerAuthentication / RequestAuthentication objects instead",
    component: { name: "Istio", removedIn: "1.6" },
  },
  {
    apiVersion: "certmanager.k8s.io/v1alpha1",
    kinds: ["Certificate", "Issuer", "ClusterIssuer", "CertificateRequest", "Order", "Challenge"],
    deprecated: [0, 0],
    removed: [0, 0],
    replacement: "cert-manager.io/v1",
    replacementSince: null,
    safe: false,
    changes: "the API group was renamed and the schema changed",
    component: { name: "cert-manager", removedIn: "0.11" },
  },
  ...["cert-manager.io/v1alpha2", "cert-manager.io/v1alpha3", "cert-manager.io/v1beta1"].map(
    (apiVersion): ApiEntry => ({
      apiVersion,
      kinds: ["Certificate", "Issuer", "ClusterIssuer", "CertificateRequest"],
      deprecated: [0, 0],
      removed: [0, 0],
      replacement: "cert-manager.io/v1",
      replacementSince: null,
      safe: false,
      changes: "check the v1 schema (several fields were renamed)",
      component: { name: "cert-manager", removedIn: "1.6" },
    }),
  ),
  ...["acme.cert-manager.io/v1alpha2", "acme.cert-manager.io/v1alpha3", "acme.cert-manager.io/v1beta1"].map(
    (apiVersion): ApiEntry => ({
      apiVersion,
      kinds: ["Order", "Challenge"],
      deprecated: [0, 0],
      removed: [0, 0],
      replacement: "acme.cert-manager.io/v1",
      replacementSince: null,
      safe: false,
      changes: "check the v1 schema",
      component: { name: "cert-manager", removedIn: "1.6" },
    }),
  ),
];

const INDEX = new Map<string, ApiEntry>();
for (const e of API_TABLE) for (const k of e.kinds) INDEX.set(`${e.apiVersion}|${k}`, e);

export function lookupApi(apiVersion: string, kind: string): ApiEntry | null {
  return INDEX.get(`${apiVersion}|${kind}`) ?? null;
}

export function formatVersion(v: Version): string {
  return `v${v[0]}.${v[1]}`;
}
