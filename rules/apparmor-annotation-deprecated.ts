/**
 * @fileoverview apparmor-annotation-deprecated: the beta annotation
 * `container.apparmor.security.beta.kubernetes.io/<name>` is deprecated since v1.30, when the
 * `securityContext.appArmorProfile` field went GA. The fix writes the equivalent field on the named
 * container and removes the annotation (same behaviour).
 */
import { asFix } from "../src/fix/index.js";
import { createRule } from "../src/rule.js";
import { annotationPairs, atLeast, containerLabel, targetVersion } from "./shared/_part-a.js";
import { annotationToFieldEdits, APPARMOR_ANNOTATION_PREFIX, containerNamed, profileFromAnnotation, profileType, removeAnnotation } from "./shared/_part-a-profiles.js";

export default createRule({
  name: "apparmor-annotation-deprecated",
  meta: {
    type: "suggestion",
    docs: {
      description: "Replace the deprecated AppArmor annotation with securityContext.appArmorProfile",
      severity: "low",
      presets: [],
      standards: { pss: "baseline: AppArmor" },
      equivalents: {},
    },
    messages: {
      deprecated: "The annotation '{{key}}' is deprecated since Kubernetes v1.30: set securityContext.appArmorProfile on {{container}} instead.",
      conflict: "The annotation '{{key}}' is deprecated since Kubernetes v1.30, and {{container}} also sets securityContext.appArmorProfile.type: {{field}}, which differs. Keep one profile and remove the annotation.",
      unknownContainer: "The annotation '{{key}}' is deprecated since Kubernetes v1.30 and names no container of this pod.",
    },
    fixable: "code",
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const version = targetVersion(context);
    return {
      PodSpec(podSpec) {
        if (!atLeast(version, 1, 30)) return;
        for (const a of annotationPairs(podSpec, (k) => k.startsWith(APPARMOR_ANNOTATION_PREFIX))) {
          const container = containerNamed(podSpec, a.key.slice(APPARMOR_ANNOTATION_PREFIX.length));
          if (!container) {
            context.report({ node: a.pair, messageId: "unknownContainer", data: { key: a.key } });
            continue;
          }
          const data = { key: a.key, container: containerLabel(container) };
          const profile = profileFromAnnotation(a.value, "apparmor");
          const existing = profileType(container.securityContext, "appArmorProfile");
          if (existing) {
            // The field wins; the annotation may go when it says the same thing.
            if (profile && profile.type === existing.value && profile.type !== "Localhost") {
              context.report({ node: a.pair, messageId: "deprecated", data, fix: asFix(removeAnnotation(sourceCode, podSpec, a.pair)) });
            } else {
              context.report({ node: a.pair, messageId: "conflict", data: { ...data, field: existing.value } });
            }
            continue;
          }
          // An empty value means "no profile requested": removing it changes nothing.
          const edits = a.value === "" ? removeAnnotation(sourceCode, podSpec, a.pair) : profile ? annotationToFieldEdits(sourceCode, podSpec, container.node, "appArmorProfile", profile, a.pair) : null;
          context.report({ node: a.pair, messageId: "deprecated", data, fix: asFix(edits) });
        }
      },
    };
  },
});
