/**
 * @fileoverview Shared helpers for the AdmissionConfiguration rules (catalog-config.md §1.10):
 * AdmissionConfiguration documents, their `plugins[]` entries, and the plugin configurations a run
 * can see — embedded under `plugins[].configuration`, or standalone files given by
 * `plugins[].path` (PodSecurityConfiguration, EventRateLimit `Configuration`, the ImagePolicyWebhook
 * file whose root key is `imagePolicy`).
 */
import type { MapNode, PairNode, ResourceNode, YamlNode } from "../../src/language/ast.js";
import type { K8sSourceCode } from "../../src/language/source-code.js";
import { apiGroup } from "../../src/language/k8s.js";
import { asMap, getMap, getPair, getSeq, scalarString, seqItems } from "../../src/language/query.js";

/** kube-apiserver's admission plugins (kube-apiserver reference, `--enable-admission-plugins`, v1.35). */
export const KNOWN_PLUGINS = new Set([
  "AlwaysAdmit",
  "AlwaysDeny",
  "AlwaysPullImages",
  "CertificateApproval",
  "CertificateSigning",
  "CertificateSubjectRestriction",
  "ClusterTrustBundleAttest",
  "DefaultIngressClass",
  "DefaultStorageClass",
  "DefaultTolerationSeconds",
  "DenyServiceExternalIPs",
  "EventRateLimit",
  "ExtendedResourceToleration",
  "ImagePolicyWebhook",
  "LimitPodHardAntiAffinityTopology",
  "LimitRanger",
  "MutatingAdmissionPolicy",
  "MutatingAdmissionWebhook",
  "NamespaceAutoProvision",
  "NamespaceExists",
  "NamespaceLifecycle",
  "NodeDeclaredFeatureValidator",
  "NodeRestriction",
  "OwnerReferencesPermissionEnforcement",
  "PersistentVolumeClaimResize",
  "PodNodeSelector",
  "PodSecurity",
  "PodTolerationRestriction",
  "PodTopologyLabels",
  "Priority",
  "ResourceQuota",
  "RuntimeClass",
  "ServiceAccount",
  "StorageObjectInUseProtection",
  "TaintNodesByCondition",
  "ValidatingAdmissionPolicy",
  "ValidatingAdmissionWebhook",
]);

export function isAdmissionConfiguration(r: ResourceNode): boolean {
  if (r.kind !== "AdmissionConfiguration") return false;
  return ["apiserver.config.k8s.io/v1", "apiserver.config.k8s.io/v1alpha1", "apiserver.k8s.io/v1alpha1"].includes(r.apiVersion ?? "");
}

export interface PluginEntry {
  item: MapNode;
  name: string | null;
  namePair: PairNode | null;
  /** `configuration` pair (wins over `path`). */
  configPair: PairNode | null;
  config: MapNode | null;
}

export function pluginEntries(r: ResourceNode): PluginEntry[] {
  const out: PluginEntry[] = [];
  for (const it of seqItems(getSeq(r.node, "plugins"))) {
    const item = asMap(it);
    if (!item) continue;
    const namePair = getPair(item, "name");
    const configPair = getPair(item, "configuration");
    out.push({ item, name: scalarString(namePair?.value ?? null), namePair, configPair, config: asMap(configPair?.value ?? null) });
  }
  return out;
}

export interface PluginConfig {
  plugin: "PodSecurity" | "EventRateLimit" | "ImagePolicyWebhook";
  /** The configuration mapping (plugin `configuration`, or the standalone document's root). */
  map: MapNode;
  /** Where to report something missing from the whole configuration. */
  anchor: YamlNode | PairNode;
  embedded: boolean;
}

export function isPodSecurityConfiguration(r: ResourceNode): boolean {
  return r.kind === "PodSecurityConfiguration" && apiGroup(r.apiVersion) === "pod-security.admission.config.k8s.io";
}

export function isEventRateLimitConfiguration(r: ResourceNode): boolean {
  return r.kind === "Configuration" && apiGroup(r.apiVersion) === "eventratelimit.admission.k8s.io";
}

/** Every configuration of the given plugin in the file, embedded or standalone. */
export function pluginConfigs(sourceCode: K8sSourceCode, plugin: PluginConfig["plugin"]): PluginConfig[] {
  const out: PluginConfig[] = [];
  for (const r of sourceCode.resources) {
    if (isAdmissionConfiguration(r)) {
      for (const e of pluginEntries(r)) {
        if (e.name === plugin && e.config && e.configPair) out.push({ plugin, map: e.config, anchor: e.configPair.key ?? e.configPair, embedded: true });
      }
    } else if (plugin === "PodSecurity" && isPodSecurityConfiguration(r)) {
      out.push({ plugin, map: r.node, anchor: getPair(r.node, "kind") ?? r.node, embedded: false });
    } else if (plugin === "EventRateLimit" && isEventRateLimitConfiguration(r)) {
      out.push({ plugin, map: r.node, anchor: getPair(r.node, "kind") ?? r.node, embedded: false });
    }
  }
  if (plugin === "ImagePolicyWebhook") {
    // The standalone ImagePolicyWebhook file has no apiVersion/kind: `imagePolicy:` at the root.
    for (const doc of sourceCode.ast.body) {
      const root = asMap(doc.content);
      if (!root || doc.resources.length || !getMap(root, "imagePolicy")) continue;
      out.push({ plugin, map: root, anchor: getPair(root, "imagePolicy")!, embedded: false });
    }
  }
  return out;
}
