/**
 * @fileoverview scheduler-bind-address-not-loopback: kube-scheduler serves its HTTPS endpoints (healthz, metrics, debug) on a
 * non-loopback address (`--bind-address`, default 0.0.0.0). kubeadm writes 127.0.0.1.
 * Suggestion only: remote metrics scrapers stop working.
 */
import { flagRule, isLoopbackHost } from "./shared/_flag-rule.js";

export default flagRule({
  id: "scheduler-bind-address-not-loopback",
  description: "Bind the kube-scheduler serving endpoints to a loopback address (--bind-address=127.0.0.1)",
  severity: "medium",
  cis: ["1.4.2"],
  equivalents: { checkov: ["CKV_K8S_115"], trivy: ["KCV-0041"], "kube-bench": ["1.4.2"] },
  component: "kube-scheduler",
  flags: ["bind-address"],
  kind: "scalar",
  defaultValue: () => "0.0.0.0",
  insecureWhen: (value) => value !== null && !isLoopbackHost(value.trim().replace(/^\[|\]$/gu, "").toLowerCase()),
  fix: { kind: "set", value: "127.0.0.1" },
  fixMode: "suggest",
  messages: {
    present:
      "kube-scheduler --{{flag}}={{value}} serves its secure port (metrics, health, /debug/pprof when profiling is on) on every interface the node has; anything that reaches the node can probe it.",
    absent:
      "kube-scheduler runs without --{{flag}}, so the default {{default}} applies: it serves its secure port (metrics, health, /debug/pprof when profiling is on) on every interface of the node.",
    fix: "Set --bind-address=127.0.0.1 (remote metrics scrapers then need another path, e.g. a local proxy).",
  },
});
