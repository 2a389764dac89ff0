/**
 * @fileoverview seccomp-unconfined: PSS baseline "Seccomp", versioned exactly as Pod Security
 * Admission's `seccompProfile_baseline` check:
 * - policy < v1.19: only the alpha annotations (`seccomp.security.alpha.kubernetes.io/pod` and
 *   `container.seccomp.security.alpha.kubernetes.io/<name>` of each container) are judged; allowed
 *   values are `runtime/default`, `docker/default` and `localhost/*`. The fields are not read.
 * - policy ≥ v1.19: only the fields `securityContext.seccompProfile.type` (pod and every container)
 *   are judged; allowed types are RuntimeDefault and Localhost. The annotations are not read.
 */
import type { PairNode, PodSpecNode } from "../src/language/ast.js";
import { asFix, replaceNode } from "../src/fix/index.js";
import { createRule, reportHardening } from "../src/rule.js";
import { annotationPairs, atLeast, containerLabel, targetVersion } from "./shared/_part-a.js";
import { ALLOWED_PROFILE_TYPES, profileType, SECCOMP_CONTAINER_ANNOTATION_PREFIX, SECCOMP_POD_ANNOTATION } from "./shared/_part-a-profiles.js";

/** Annotation values PSA's baseline check accepts before policy v1.19. */
export function legacySeccompAllowed(v: string): boolean {
  return v === "runtime/default" || v === "docker/default" || v.startsWith("localhost/");
}

/**
 * The annotations that fail PSA's `seccompProfile_baseline` check before policy v1.19: the pod
 * annotation, and `container.seccomp.security.alpha.kubernetes.io/<name>` for the name of a
 * container of the pod (init, regular, ephemeral); an annotation naming no container is not read.
 */
export function legacySeccompViolations(podSpec: PodSpecNode): { key: string; value: string; pair: PairNode }[] {
  const names = new Set(podSpec.containers.map((c) => c.name).filter((n): n is string => n !== null));
  const read = (k: string): boolean => k === SECCOMP_POD_ANNOTATION || (k.startsWith(SECCOMP_CONTAINER_ANNOTATION_PREFIX) && names.has(k.slice(SECCOMP_CONTAINER_ANNOTATION_PREFIX.length)));
  return annotationPairs(podSpec, read).filter((a) => !legacySeccompAllowed(a.value));
}

export default createRule({
  name: "seccomp-unconfined",
  meta: {
    type: "problem",
    docs: {
      description: "Forbid an Unconfined (or unknown) seccomp profile at pod or container level",
      severity: "high",
      presets: ["recommended", "baseline"],
      standards: { pss: "baseline: Seccomp", cis: ["5.7.2"], nsa: "Kubernetes Pod security: seccomp" },
      equivalents: { polaris: ["linuxHardening"], trivy: ["KSV104"], kubescape: ["C-0210"], kubesec: ["SeccompUnconfined"] },
    },
    messages: {
      pod: "The pod securityContext sets seccompProfile.type: {{value}}: containers that do not set their own profile run without a syscall filter. PSS baseline allows only RuntimeDefault or Localhost.",
      container: "{{container}} sets seccompProfile.type: {{value}}: it runs without a syscall filter. PSS baseline allows only RuntimeDefault or Localhost.",
      annotation:
        "The seccomp annotation '{{key}}: {{value}}' asks for no syscall filter. PSS baseline at policy v{{version}} (before v1.19, when seccomp was set by these annotations) allows only runtime/default, docker/default or localhost/<profile>.",
      useRuntimeDefault: "Use the container runtime's default profile (RuntimeDefault).",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const version = targetVersion(context);
    const bad = (t: { value: string } | null): boolean => t !== null && !ALLOWED_PROFILE_TYPES.has(t.value);
    return {
      PodSpec(podSpec) {
        if (!atLeast(version, 1, 19)) {
          // Policy < v1.19: PSA reads only the alpha annotations (the fields did not exist yet).
          for (const a of legacySeccompViolations(podSpec)) {
            reportHardening(
              context,
              { node: a.pair, messageId: "annotation", data: { key: a.key, value: a.value, version: `${version[0]}.${version[1]}` } },
              { messageId: "useRuntimeDefault", fix: a.pair.value ? asFix(replaceNode(sourceCode, a.pair.value, "runtime/default")) : null },
            );
          }
          return;
        }
        const pod = profileType(podSpec.securityContext, "seccompProfile");
        if (pod && bad(pod)) {
          reportHardening(
            context,
            { node: pod.pair, messageId: "pod", data: { value: pod.value || '""' } },
            { messageId: "useRuntimeDefault", fix: pod.pair.value ? asFix(replaceNode(sourceCode, pod.pair.value, "RuntimeDefault")) : null },
          );
        }
        for (const c of podSpec.containers) {
          const t = profileType(c.securityContext, "seccompProfile");
          if (!t || !bad(t)) continue;
          reportHardening(
            context,
            { node: t.pair, messageId: "container", data: { container: containerLabel(c), value: t.value || '""' } },
            { messageId: "useRuntimeDefault", fix: t.pair.value ? asFix(replaceNode(sourceCode, t.pair.value, "RuntimeDefault")) : null },
          );
        }
      },
    };
  },
});
