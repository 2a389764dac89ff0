/**
 * @fileoverview apiserver-profiling-enabled: kube-apiserver serves the Go profiling endpoints
 * under /debug/pprof (`--profiling` absent or true; the default is true).
 */
import { flagRule } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-profiling-enabled",
  description: "Disallow the profiling endpoints of kube-apiserver (--profiling absent or true)",
  severity: "low",
  cis: ["1.2.15"],
  equivalents: { checkov: ["CKV_K8S_90"], trivy: ["KCV-0018"], "kube-bench": ["1.2.15"] },
  component: "kube-apiserver",
  flags: ["profiling"],
  kind: "bool",
  defaultValue: () => "true",
  insecureWhen: (value) => value === "true",
  fix: { kind: "set", value: "false" },
  fixMode: "safe",
  messages: {
    present:
      "kube-apiserver --{{flag}}={{value}}: /debug/pprof serves heap, goroutine and CPU profiles to any client allowed to get that path, exposing internals and costing CPU.",
    absent:
      "kube-apiserver runs without --{{flag}} (default true): /debug/pprof serves heap, goroutine and CPU profiles to any client allowed to get that path, exposing internals and costing CPU.",
    fix: "Set --{{flag}}=false.",
  },
});
