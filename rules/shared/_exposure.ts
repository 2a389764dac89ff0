/**
 * @fileoverview Shared helpers for Service / Ingress exposure rules (research/catalog-cluster.md
 * §1 F): kind checks, `spec` access, ports, ingress hosts and TLS entries, and the edit that
 * removes one annotation.
 */
import type { MapNode, PairNode, ResourceNode, ScalarNode, YamlNode } from "../../src/language/ast.js";
import type { K8sSourceCode } from "../../src/language/source-code.js";
import type { RuleTextEdit } from "../../src/rule.js";
import { removePair } from "../../src/fix/index.js";
import { apiGroup } from "../../src/language/k8s.js";
import { asMap, asScalar, getMap, getPair, getSeq, keyName, scalarString, seqItems } from "../../src/language/query.js";

/** A core v1 Service. */
export function isService(resource: ResourceNode): boolean {
  return resource.kind === "Service" && resource.apiVersion === "v1";
}

/** An Ingress in networking.k8s.io (v1, v1beta1) or the removed extensions/v1beta1. */
export function isIngress(resource: ResourceNode): boolean {
  if (resource.kind !== "Ingress") return false;
  const g = apiGroup(resource.apiVersion);
  return g === "networking.k8s.io" || g === "extensions";
}

export function specOf(resource: ResourceNode): MapNode | null {
  return getMap(resource.node, "spec");
}

/** `spec.type` of a Service (default ClusterIP) and the value node when written. */
export function serviceType(resource: ResourceNode): { type: string; node: ScalarNode | null } {
  const pair = getPair(specOf(resource), "type");
  const node = asScalar(pair?.value ?? null);
  return { type: scalarString(node) ?? "ClusterIP", node };
}

export interface ServicePort {
  index: number;
  node: MapNode;
  name: string | null;
  protocol: string;
  port: { value: number | string | null; node: YamlNode | null };
  targetPort: { value: number | string | null; node: YamlNode | null };
  nodePort: { value: number | string | null; node: YamlNode | null };
}

function portValue(m: MapNode, key: string): { value: number | string | null; node: YamlNode | null } {
  const pair = getPair(m, key);
  const s = asScalar(pair?.value ?? null);
  if (!s || s.value === null) return { value: null, node: pair?.value ?? null };
  return { value: typeof s.value === "number" ? s.value : String(s.value), node: s };
}

export function servicePorts(resource: ResourceNode): ServicePort[] {
  const out: ServicePort[] = [];
  seqItems(getSeq(specOf(resource), "ports")).forEach((item, index) => {
    const m = asMap(item);
    if (!m) return;
    out.push({
      index,
      node: m,
      name: scalarString(getPair(m, "name")?.value ?? null),
      protocol: scalarString(getPair(m, "protocol")?.value ?? null) ?? "TCP",
      port: portValue(m, "port"),
      targetPort: portValue(m, "targetPort"),
      nodePort: portValue(m, "nodePort"),
    });
  });
  return out;
}

/** The `metadata.annotations` map and its pairs (scalar keys only). */
export function annotationPairs(resource: ResourceNode): { map: MapNode | null; pairs: { key: string; pair: PairNode }[] } {
  const map = getMap(getMap(resource.node, "metadata"), "annotations");
  const pairs: { key: string; pair: PairNode }[] = [];
  for (const p of map?.pairs ?? []) {
    const k = keyName(p);
    if (k !== null && k !== "<<") pairs.push({ key: k, pair: p });
  }
  return { map, pairs };
}

/**
 * Remove one annotation: its pair, or the whole `annotations:` key when it is the only one.
 * Null (report only) when the layout does not allow a clean line removal.
 */
export function removeAnnotationEdit(sourceCode: K8sSourceCode, resource: ResourceNode, pair: PairNode): RuleTextEdit[] | null {
  const metadata = getMap(resource.node, "metadata");
  const annotations = getMap(metadata, "annotations");
  if (!metadata || !annotations || !annotations.pairs.includes(pair)) return null;
  if (annotations.pairs.length > 1) return removePair(sourceCode, annotations, pair);
  const outer = metadata.pairs.find((p) => keyName(p) === "annotations" && asMap(p.value) === annotations);
  return outer ? removePair(sourceCode, metadata, outer) : null;
}

export interface IngressRule {
  index: number;
  node: MapNode;
  host: string | null;
  hostNode: YamlNode | null;
}

export function ingressRules(resource: ResourceNode): IngressRule[] {
  const out: IngressRule[] = [];
  seqItems(getSeq(specOf(resource), "rules")).forEach((item, index) => {
    const m = asMap(item);
    if (!m) return;
    const pair = getPair(m, "host");
    out.push({ index, node: m, host: scalarString(pair?.value ?? null), hostNode: pair?.value ?? null });
  });
  return out;
}

/** Hosts listed in `spec.tls[].hosts`. */
export function tlsHosts(resource: ResourceNode): string[] {
  const out: string[] = [];
  for (const t of seqItems(getSeq(specOf(resource), "tls"))) {
    for (const h of seqItems(getSeq(asMap(t), "hosts"))) {
      const s = scalarString(h);
      if (s) out.push(s.toLowerCase());
    }
  }
  return out;
}

/** Whether a TLS host entry (exact or `*.suffix`, one label deep like X.509 wildcards) covers a rule host. */
export function tlsCovers(tlsHost: string, host: string): boolean {
  const h = host.toLowerCase();
  if (tlsHost === h) return true;
  if (tlsHost.startsWith("*.")) {
    const suffix = tlsHost.slice(1);
    if (h.startsWith("*.")) return h === tlsHost;
    return h.endsWith(suffix) && !h.slice(0, -suffix.length).includes(".") && h.length > suffix.length;
  }
  return false;
}

/** The Ingress path values (`spec.rules[].http.paths[].path`) with their nodes. */
export function ingressPaths(resource: ResourceNode): { path: string; node: YamlNode }[] {
  const out: { path: string; node: YamlNode }[] = [];
  for (const r of ingressRules(resource)) {
    for (const p of seqItems(getSeq(getMap(r.node, "http"), "paths"))) {
      const pair = getPair(asMap(p), "path");
      const s = scalarString(pair?.value ?? null);
      if (s !== null && pair?.value) out.push({ path: s, node: pair.value });
    }
  }
  return out;
}
