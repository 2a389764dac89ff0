/**
 * @fileoverview liveness-probe-missing: without a liveness probe a hung container is never restarted.
 */
import { probeMissingRule } from "./shared/_part-c-probes.js";

export default probeMissingRule({
  name: "liveness-probe-missing",
  probe: "livenessProbe",
  description: "Require a liveness probe on long-running containers",
  consequence: "a hung process (deadlock, exhausted pool) keeps running and is never restarted.",
  equivalents: {
    "kube-linter": ["no-liveness-probe"],
    polaris: ["livenessProbeMissing"],
    checkov: ["CKV_K8S_8"],
    kubescape: ["C-0056"],
    "kube-score": ["pod-probes"],
  },
});
