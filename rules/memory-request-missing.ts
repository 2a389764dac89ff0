/**
 * @fileoverview memory-request-missing: a container without `resources.requests.memory` is scheduled
 * as if it needed no memory and is among the first evicted under memory pressure.
 */
import { resourceRule } from "./shared/_part-c-resources.js";

export default resourceRule({
  name: "memory-request-missing",
  section: "requests",
  resource: "memory",
  description: "Require a memory request on every container",
  severity: "low",
  presets: ["recommended"],
  equivalents: {
    polaris: ["memoryRequestsMissing"],
    checkov: ["CKV_K8S_12"],
    trivy: ["KSV016"],
    kubescape: ["C-0004", "C-0269"],
    kubesec: ["RequestsMemory"],
    "kube-score": ["container-resources"],
  },
  consequence: "the scheduler reserves no memory for it and the kubelet evicts it first under memory pressure (no default unless a LimitRange injects one).",
});
