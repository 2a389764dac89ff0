/**
 * @fileoverview Service-mesh helpers: Istio custom resources (security.istio.io,
 * networking.istio.io) and the sidecar-injection switches.
 */
import type { ResourceNode } from "../../src/language/ast.js";
import { apiGroup } from "../../src/language/k8s.js";

export const ISTIO_SECURITY = "security.istio.io";
export const ISTIO_NETWORKING = "networking.istio.io";

/** An Istio object of this group and kind (any served version: v1, v1beta1, v1alpha3). */
export function isIstio(resource: ResourceNode, group: string, kind: string): boolean {
  return resource.kind === kind && apiGroup(resource.apiVersion) === group;
}

/** The namespace label that turns automatic injection on or off. */
export const INJECTION_LABEL = "istio-injection";
/** The pod label/annotation that overrides injection for one workload. */
export const INJECT_POD_KEY = "sidecar.istio.io/inject";

/** Whether an image is Istio's own proxy (gateways run it as their main container, no sidecar). */
export function isIstioProxyImage(image: string): boolean {
  return /(^|\/)proxyv2(:|@|$)/u.test(image) || /(^|\/)istio\/proxy/u.test(image);
}
