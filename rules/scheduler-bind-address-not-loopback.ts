/**
 * @fileoverview scheduler-bind-address-not-loopback: kube-scheduler serves its HTTPS endpoints (healthz, metrics, debug) on a
 * non-loopback address (`--bind-address`, default 0.0.0.0). kubeadm writes 127.0.0.1.
 * Suggestion only: remote metrics scrapers stop working. The spec is shared with
 * kube-controller-manager (rules/shared/_serving-endpoints.ts).
 */
import { bindAddressRule } from "./shared/_serving-endpoints.js";

export default bindAddressRule("scheduler-bind-address-not-loopback", "kube-scheduler", {
  cis: ["1.4.2"],
  equivalents: { checkov: ["CKV_K8S_115"], trivy: ["KCV-0041"], "kube-bench": ["1.4.2"] },
});
