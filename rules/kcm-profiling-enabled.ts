/**
 * @fileoverview kcm-profiling-enabled: kube-controller-manager serves /debug/pprof
 * (`--profiling`, default true; kubeadm does not set it). Safe fix: `--profiling=false`.
 */
import { flagRule } from "./shared/_flag-rule.js";

export default flagRule({
  id: "kcm-profiling-enabled",
  description: "Disable kube-controller-manager profiling (--profiling=false)",
  severity: "low",
  cis: ["1.3.2"],
  equivalents: { checkov: ["CKV_K8S_107"], trivy: ["KCV-0034"], "kube-bench": ["1.3.2"] },
  component: "kube-controller-manager",
  flags: ["profiling"],
  kind: "bool",
  defaultValue: () => "true",
  insecureWhen: (value) => value === "true",
  fix: { kind: "set", value: "false" },
  fixMode: "safe",
  messages: {
    present: "kube-controller-manager --{{flag}}={{value}} serves /debug/pprof: CPU and heap profiles reveal internals and cost CPU on demand.",
    absent: "kube-controller-manager runs without --{{flag}}=false, so the default ({{default}}) serves /debug/pprof: CPU and heap profiles reveal internals and cost CPU on demand.",
    fix: "Set --profiling=false.",
  },
});
