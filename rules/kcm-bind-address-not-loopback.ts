/**
 * @fileoverview kcm-bind-address-not-loopback: kube-controller-manager serves its HTTPS endpoints (healthz, metrics, debug) on a
 * non-loopback address (`--bind-address`, default 0.0.0.0). kubeadm writes 127.0.0.1.
 * Suggestion only: remote metrics scrapers stop working. The spec is shared with kube-scheduler
 * (rules/shared/_serving-endpoints.ts).
 */
import { bindAddressRule } from "./shared/_serving-endpoints.js";

export default bindAddressRule("kcm-bind-address-not-loopback", "kube-controller-manager", {
  cis: ["1.3.7"],
  equivalents: { checkov: ["CKV_K8S_113"], trivy: ["KCV-0039"], "kube-bench": ["1.3.7"] },
});
