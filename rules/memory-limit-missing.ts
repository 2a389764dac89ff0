/**
 * @fileoverview memory-limit-missing: a container without `resources.limits.memory` can consume all of
 * the node's memory, triggering the kernel OOM killer on its neighbours (denial of service).
 */
import { resourceRule } from "./shared/_part-c-resources.js";

export default resourceRule({
  name: "memory-limit-missing",
  section: "limits",
  resource: "memory",
  description: "Require a memory limit on every container",
  severity: "medium",
  presets: ["recommended"],
  equivalents: {
    "kube-linter": ["unset-memory-requirements"],
    polaris: ["memoryLimitsMissing"],
    checkov: ["CKV_K8S_13"],
    trivy: ["KSV018"],
    kubescape: ["C-0004", "C-0009", "C-0271"],
    kubesec: ["LimitsMemory"],
    "kube-score": ["container-resources"],
  },
  consequence: "it can consume all of the node's memory and get other pods OOM-killed (no default unless a LimitRange injects one).",
});
