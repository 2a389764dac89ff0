/**
 * @fileoverview seccomp-annotation-deprecated: the alpha seccomp annotations
 * (`seccomp.security.alpha.kubernetes.io/pod`, `container.seccomp.security.alpha.kubernetes.io/<name>`)
 * have been ignored by the kubelet since v1.25 and were removed from the API in v1.27: a profile
 * written only there is not applied. The fix moves it into `securityContext.seccompProfile`.
 */
import { asFix } from "../src/fix/index.js";
import { createRule, reportHardening } from "../src/rule.js";
import { annotationPairs, containerLabel } from "./shared/_part-a.js";
import { annotationToFieldEdits, containerNamed, profileFromAnnotation, profileType, removeAnnotation, SECCOMP_CONTAINER_ANNOTATION_PREFIX, SECCOMP_POD_ANNOTATION } from "./shared/_part-a-profiles.js";

export default createRule({
  name: "seccomp-annotation-deprecated",
  meta: {
    type: "problem",
    docs: {
      description: "Replace the deprecated seccomp annotations with securityContext.seccompProfile",
      severity: "low",
      presets: [],
      standards: { pss: "baseline: Seccomp (annotations read only by policy versions before v1.19)" },
      equivalents: {},
    },
    messages: {
      pod: "The annotation '{{key}}' is ignored by the kubelet since Kubernetes v1.25 (removed from the API in v1.27): the pod runs without this seccomp profile. Use securityContext.seccompProfile.",
      container: "The annotation '{{key}}' is ignored by the kubelet since Kubernetes v1.25 (removed from the API in v1.27): {{container}} runs without this seccomp profile. Use securityContext.seccompProfile.",
      unknownContainer: "The annotation '{{key}}' names no container of this pod, and seccomp annotations are ignored since Kubernetes v1.25. Remove it.",
      moveToField: "Move the profile to securityContext.seccompProfile and remove the annotation.",
      redundant: "The annotation '{{key}}' is ignored by the kubelet since Kubernetes v1.25 (removed from the API in v1.27); {{where}} already sets securityContext.seccompProfile. Remove the annotation.",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      PodSpec(podSpec) {
        for (const a of annotationPairs(podSpec, (k) => k === SECCOMP_POD_ANNOTATION || k.startsWith(SECCOMP_CONTAINER_ANNOTATION_PREFIX))) {
          const profile = profileFromAnnotation(a.value, "seccomp");
          if (a.key === SECCOMP_POD_ANNOTATION) {
            if (profileType(podSpec.securityContext, "seccompProfile")) {
              // The field is in force; removing the inert annotation changes nothing.
              context.report({ node: a.pair, messageId: "redundant", data: { key: a.key, where: "the pod securityContext" }, fix: asFix(removeAnnotation(sourceCode, podSpec, a.pair)) });
              continue;
            }
            const edits = profile ? annotationToFieldEdits(sourceCode, podSpec, podSpec.node, "seccompProfile", profile, a.pair) : null;
            reportHardening(context, { node: a.pair, messageId: "pod", data: { key: a.key } }, { messageId: "moveToField", fix: asFix(edits) });
            continue;
          }
          const container = containerNamed(podSpec, a.key.slice(SECCOMP_CONTAINER_ANNOTATION_PREFIX.length));
          if (!container) {
            context.report({ node: a.pair, messageId: "unknownContainer", data: { key: a.key } });
            continue;
          }
          if (profileType(container.securityContext, "seccompProfile")) {
            context.report({ node: a.pair, messageId: "redundant", data: { key: a.key, where: containerLabel(container) }, fix: asFix(removeAnnotation(sourceCode, podSpec, a.pair)) });
            continue;
          }
          const edits = profile ? annotationToFieldEdits(sourceCode, podSpec, container.node, "seccompProfile", profile, a.pair) : null;
          reportHardening(
            context,
            { node: a.pair, messageId: "container", data: { key: a.key, container: containerLabel(container) } },
            { messageId: "moveToField", fix: asFix(edits) },
          );
        }
      },
    };
  },
});
