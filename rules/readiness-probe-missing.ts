/**
 * @fileoverview readiness-probe-missing: without a readiness probe a container receives Service
 * traffic as soon as it starts, before it can serve it.
 */
import { probeMissingRule } from "./shared/_part-c-probes.js";

export default probeMissingRule({
  name: "readiness-probe-missing",
  probe: "readinessProbe",
  description: "Require a readiness probe on long-running containers",
  consequence: "it receives Service traffic as soon as it starts (and while it is overloaded), so clients get errors during rollouts.",
  equivalents: {
    "kube-linter": ["no-readiness-probe"],
    polaris: ["readinessProbeMissing"],
    checkov: ["CKV_K8S_9"],
    kubescape: ["C-0018"],
    "kube-score": ["pod-probes"],
  },
});
