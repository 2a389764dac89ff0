/**
 * @fileoverview seccomp-profile-missing: PSS restricted "Seccomp" — every container's effective
 * seccomp profile type must be RuntimeDefault or Localhost (own value, else the pod's). An explicit
 * bad type at either level fails. The legacy annotations do not count.
 * Versioned as Pod Security Admission: the restricted control exists from policy v1.19; below it
 * restricted applies the baseline seccomp check, which reads only the alpha annotations, so this
 * rule reports a forbidden annotation there (and nothing else). Windows pods are exempt from v1.25
 * (before that they are reported without a fix: the API server rejects seccompProfile on them).
 */
import type { ContainerNode } from "../src/language/ast.js";
import { asFix, replaceNode, setIn } from "../src/fix/index.js";
import { getPair } from "../src/language/query.js";
import { createRule, reportHardening } from "../src/rule.js";
import { annotationPairs, atLeast, containerLabel, containerLabelLower, isWindowsPod, joinLabels, podAnchor, pssWindowsExempt, targetVersion } from "./shared/_part-a.js";
import { ALLOWED_PROFILE_TYPES, profileType, SECCOMP_CONTAINER_ANNOTATION_PREFIX, SECCOMP_POD_ANNOTATION } from "./shared/_part-a-profiles.js";
import { legacySeccompViolations } from "./seccomp-unconfined.js";

export default createRule({
  name: "seccomp-profile-missing",
  meta: {
    type: "problem",
    docs: {
      description: "Require a RuntimeDefault or Localhost seccomp profile for every container",
      severity: "medium",
      presets: ["recommended", "restricted"],
      standards: { pss: "restricted: Seccomp", cis: ["5.7.2"], nsa: "Kubernetes Pod security: seccomp" },
      equivalents: {
        polaris: ["linuxHardening"],
        checkov: ["CKV_K8S_31"],
        trivy: ["KSV030", "KSV104"],
        kubescape: ["C-0055", "C-0210", "C-0211"],
        kubesec: ["SeccompAny"],
        "kube-score": ["container-seccomp-profile"],
      },
    },
    messages: {
      pod: "The pod securityContext sets seccompProfile.type: {{value}}; PSS restricted requires RuntimeDefault or Localhost.",
      container: "{{container}} sets seccompProfile.type: {{value}}; PSS restricted requires RuntimeDefault or Localhost.",
      unset:
        "No seccomp profile applies to {{containers}}: seccompProfile.type is set neither on the container nor in the pod securityContext, so it runs Unconfined unless the kubelet defaults to RuntimeDefault.{{annotationNote}}",
      annotation:
        "The seccomp annotation '{{key}}: {{value}}' asks for no syscall filter. Before policy v1.19 PSS restricted applies the baseline seccomp check (policy v{{version}}), which allows only runtime/default, docker/default or localhost/<profile>.",
      useRuntimeDefault: "Use the container runtime's default profile (RuntimeDefault).",
      setPod: "Set seccompProfile.type: RuntimeDefault in the pod securityContext.",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const version = targetVersion(context);
    return {
      PodSpec(podSpec) {
        if (!atLeast(version, 1, 19)) {
          // Policy < v1.19: no restricted seccomp control; baseline's (annotations only) applies.
          for (const a of legacySeccompViolations(podSpec)) {
            reportHardening(
              context,
              { node: a.pair, messageId: "annotation", data: { key: a.key, value: a.value, version: `${version[0]}.${version[1]}` } },
              { messageId: "useRuntimeDefault", fix: a.pair.value ? asFix(replaceNode(sourceCode, a.pair.value, "runtime/default")) : null },
            );
          }
          return;
        }
        if (!podSpec.containers.length || pssWindowsExempt(podSpec, version)) return;
        // Policy v1.19–v1.24: Windows pods are not exempt, but the API server rejects seccompProfile on them.
        const windows = isWindowsPod(podSpec);
        const pod = profileType(podSpec.securityContext, "seccompProfile");
        const podBad = pod !== null && !ALLOWED_PROFILE_TYPES.has(pod.value);
        if (pod && podBad) {
          reportHardening(
            context,
            { node: pod.pair, messageId: "pod", data: { value: pod.value || '""' } },
            { messageId: "useRuntimeDefault", fix: pod.pair.value && !windows ? asFix(replaceNode(sourceCode, pod.pair.value, "RuntimeDefault")) : null },
          );
        }
        const unset: ContainerNode[] = [];
        for (const c of podSpec.containers) {
          const t = profileType(c.securityContext, "seccompProfile");
          if (t && !ALLOWED_PROFILE_TYPES.has(t.value)) {
            reportHardening(
              context,
              { node: t.pair, messageId: "container", data: { container: containerLabel(c), value: t.value || '""' } },
              { messageId: "useRuntimeDefault", fix: t.pair.value && !windows ? asFix(replaceNode(sourceCode, t.pair.value, "RuntimeDefault")) : null },
            );
          } else if (!t && !pod) unset.push(c);
        }
        // A bad pod-level type is reported above; fixing it covers the containers that inherit it.
        if (!unset.length) return;
        const hasLegacy = annotationPairs(podSpec, (k) => k === SECCOMP_POD_ANNOTATION || k.startsWith(SECCOMP_CONTAINER_ANNOTATION_PREFIX)).length > 0;
        // A `seccompProfile` map without `type` (e.g. only localhostProfile) needs a human decision.
        const podProfileMap = getPair(podSpec.securityContext, "seccompProfile");
        const fix = podProfileMap || windows ? null : asFix(setIn(sourceCode, podSpec.node, ["securityContext", "seccompProfile"], "type", "RuntimeDefault"));
        reportHardening(
          context,
          {
            node: podAnchor(podSpec),
            messageId: "unset",
            data: {
              containers: joinLabels(unset.map(containerLabelLower)),
              annotationNote: hasLegacy ? " The seccomp.security.alpha.kubernetes.io annotations do not count: PSS reads them only at policy versions before v1.19, and the kubelet has ignored them since v1.25." : "",
            },
          },
          { messageId: "setPod", fix },
        );
      },
    };
  },
});

