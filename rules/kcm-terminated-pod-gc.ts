/**
 * @fileoverview kcm-terminated-pod-gc: `--terminated-pod-gc-threshold` of 0 or less turns the
 * terminated-pod garbage collector off (default 12500), so finished pods accumulate in etcd.
 * No fix: the right threshold depends on the cluster.
 */
import { flagRule } from "./shared/_flag-rule.js";

export default flagRule({
  id: "kcm-terminated-pod-gc",
  description: "Keep the kube-controller-manager terminated-pod garbage collector on (--terminated-pod-gc-threshold > 0)",
  severity: "info",
  cis: ["1.3.1"],
  equivalents: { checkov: ["CKV_K8S_106"], trivy: ["KCV-0033"], "kube-bench": ["1.3.1"] },
  component: "kube-controller-manager",
  flags: ["terminated-pod-gc-threshold"],
  kind: "scalar",
  defaultValue: () => "12500",
  insecureWhen: (value) => value !== null && /^[-+]?\d+$/u.test(value.trim()) && Number(value.trim()) <= 0,
  fix: null,
  fixMode: "suggest",
  messages: {
    present:
      "kube-controller-manager --{{flag}}={{value}} turns the terminated-pod garbage collector off: finished pods pile up in etcd and slow down lists until storage or the API server suffers.",
    absent: "kube-controller-manager has no --{{flag}}.",
    fix: "Set a positive threshold.",
  },
});
