/**
 * @fileoverview cpu-request-missing: a container without `resources.requests.cpu` is scheduled as if
 * it needed no CPU and is the first to starve under contention (BestEffort/Burstable).
 */
import { resourceRule } from "./shared/_part-c-resources.js";

export default resourceRule({
  name: "cpu-request-missing",
  section: "requests",
  resource: "cpu",
  description: "Require a CPU request on every container",
  severity: "low",
  presets: ["recommended"],
  equivalents: {
    "kube-linter": ["unset-cpu-requirements"],
    polaris: ["cpuRequestsMissing"],
    checkov: ["CKV_K8S_10"],
    trivy: ["KSV015"],
    kubescape: ["C-0050", "C-0268"],
    kubesec: ["RequestsCPU"],
    "kube-score": ["container-resources"],
  },
  consequence: "the scheduler reserves no CPU for it, so it can be packed onto a busy node and starved (no default unless a LimitRange injects one).",
});
