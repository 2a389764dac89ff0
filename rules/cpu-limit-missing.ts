/**
 * @fileoverview cpu-limit-missing: a container without `resources.limits.cpu` can use every idle CPU
 * of the node (a noisy or compromised workload can slow its neighbours).
 */
import { resourceRule } from "./shared/_part-c-resources.js";

export default resourceRule({
  name: "cpu-limit-missing",
  section: "limits",
  resource: "cpu",
  description: "Require a CPU limit on every container",
  severity: "low",
  presets: ["all"],
  equivalents: {
    polaris: ["cpuLimitsMissing"],
    checkov: ["CKV_K8S_11"],
    trivy: ["KSV011"],
    kubescape: ["C-0009", "C-0050", "C-0270"],
    kubesec: ["LimitsCPU"],
    "kube-score": ["container-resources"],
  },
  consequence: "it may use every idle CPU of the node (no default unless a LimitRange injects one).",
});
