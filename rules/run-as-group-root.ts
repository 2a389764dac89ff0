/**
 * @fileoverview run-as-group-root: a container's effective `runAsGroup` is 0 (root group): its
 * processes get group-root access to files (own value, else the pod's).
 */
import { getNumber, getPair } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { containerLabel, containerLabelLower, joinLabels } from "./shared/_part-a.js";

export default createRule({
  name: "run-as-group-root",
  meta: {
    type: "problem",
    docs: {
      description: "Forbid runAsGroup: 0 (the root group) for any container",
      severity: "medium",
      presets: [],
      standards: { pss: "optional \"Non-root groups\" control (not enforced by Pod Security Admission)", nsa: "Kubernetes Pod security: non-root containers" },
      equivalents: { "kube-linter": ["run-as-non-root"], trivy: ["KSV116"], kubescape: ["C-0013"], "kube-score": ["container-security-context-user-group-id"] },
    },
    messages: {
      pod: "The pod securityContext sets runAsGroup: 0, inherited by {{containers}}: their processes run with the root group (GID 0) and can read and write root-group files.",
      container: "{{container}} sets runAsGroup: 0: its processes run with the root group (GID 0) and can read and write root-group files.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      PodSpec(podSpec) {
        if (getNumber(podSpec.securityContext, "runAsGroup") === 0) {
          const inheriting = podSpec.containers.filter((c) => c.effective.runAsGroup.source === "pod");
          if (inheriting.length || !podSpec.containers.length) {
            context.report({ node: getPair(podSpec.securityContext, "runAsGroup")!, messageId: "pod", data: { containers: inheriting.length ? joinLabels(inheriting.map(containerLabelLower)) : "every container" } });
          }
        }
        for (const c of podSpec.containers) {
          if (getNumber(c.securityContext, "runAsGroup") === 0) context.report({ node: getPair(c.securityContext, "runAsGroup")!, messageId: "container", data: { container: containerLabel(c) } });
        }
      },
    };
  },
});
