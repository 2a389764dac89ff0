/**
 * @fileoverview apparmor-unconfined: PSS baseline "AppArmor" — an AppArmor profile other than
 * RuntimeDefault or Localhost, through the `appArmorProfile` field (pod or container, v1.30+) or the
 * beta annotation `container.apparmor.security.beta.kubernetes.io/<name>` (allowed: "",
 * `runtime/default`, `localhost/*`).
 */
import { asFix, replaceNode } from "../src/fix/index.js";
import { createRule, reportHardening } from "../src/rule.js";
import { annotationPairs, containerLabel } from "./shared/_part-a.js";
import { ALLOWED_PROFILE_TYPES, APPARMOR_ANNOTATION_PREFIX, profileType } from "./shared/_part-a-profiles.js";

function annotationAllowed(v: string): boolean {
  return v === "" || v === "runtime/default" || v.startsWith("localhost/");
}

export default createRule({
  name: "apparmor-unconfined",
  meta: {
    type: "problem",
    docs: {
      description: "Forbid an Unconfined (or unknown) AppArmor profile in the field or the annotation",
      severity: "high",
      presets: ["recommended", "baseline", "restricted"],
      standards: { pss: "baseline: AppArmor", nsa: "Kubernetes Pod security: AppArmor and SELinux" },
      equivalents: { trivy: ["KSV002"], kubesec: ["ApparmorUnconfined"] },
    },
    messages: {
      pod: "The pod securityContext sets appArmorProfile.type: {{value}}: containers that do not set their own profile run without AppArmor confinement. PSS baseline allows only RuntimeDefault or Localhost.",
      container: "{{container}} sets appArmorProfile.type: {{value}}: it runs without AppArmor confinement. PSS baseline allows only RuntimeDefault or Localhost.",
      annotation: "The annotation '{{key}}: {{value}}' disables AppArmor confinement. PSS baseline allows only runtime/default or localhost/<profile>.",
      useRuntimeDefault: "Use the container runtime's default AppArmor profile (RuntimeDefault).",
      useRuntimeDefaultAnnotation: "Use runtime/default.",
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
        const pod = profileType(podSpec.securityContext, "appArmorProfile");
        if (pod && !ALLOWED_PROFILE_TYPES.has(pod.value)) {
          reportHardening(
            context,
            { node: pod.pair, messageId: "pod", data: { value: pod.value || '""' } },
            { messageId: "useRuntimeDefault", fix: pod.pair.value ? asFix(replaceNode(sourceCode, pod.pair.value, "RuntimeDefault")) : null },
          );
        }
        for (const c of podSpec.containers) {
          const t = profileType(c.securityContext, "appArmorProfile");
          if (!t || ALLOWED_PROFILE_TYPES.has(t.value)) continue;
          reportHardening(
            context,
            { node: t.pair, messageId: "container", data: { container: containerLabel(c), value: t.value || '""' } },
            { messageId: "useRuntimeDefault", fix: t.pair.value ? asFix(replaceNode(sourceCode, t.pair.value, "RuntimeDefault")) : null },
          );
        }
        for (const a of annotationPairs(podSpec, (k) => k.startsWith(APPARMOR_ANNOTATION_PREFIX))) {
          if (annotationAllowed(a.value)) continue;
          reportHardening(
            context,
            { node: a.pair, messageId: "annotation", data: { key: a.key, value: a.value } },
            { messageId: "useRuntimeDefaultAnnotation", fix: a.pair.value ? asFix(replaceNode(sourceCode, a.pair.value, "runtime/default")) : null },
          );
        }
      },
    };
  },
});
