/**
 * @fileoverview apparmor-profile-missing (opt-in): no AppArmor profile is written for a container,
 * neither as a field (pod or container) nor as the beta annotation. Kubernetes applies
 * RuntimeDefault on AppArmor-enabled nodes, so this only documents intent.
 */
import type { ContainerNode } from "../src/language/ast.js";
import { asFix, setIn } from "../src/fix/index.js";
import { getPair } from "../src/language/query.js";
import { createRule, reportHardening } from "../src/rule.js";
import { annotationPairs, atLeast, containerLabelLower, isWindowsPod, joinLabels, podAnchor, targetVersion } from "./shared/_part-a.js";
import { APPARMOR_ANNOTATION_PREFIX } from "./shared/_part-a-profiles.js";

export default createRule({
  name: "apparmor-profile-missing",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require an explicit AppArmor profile for every container (opt-in)",
      severity: "info",
      presets: [],
      standards: { nsa: "Kubernetes Pod security: AppArmor and SELinux" },
      equivalents: { polaris: ["linuxHardening"], kubesec: ["ApparmorAny"] },
    },
    messages: {
      unset: "No AppArmor profile is written for {{containers}} (neither appArmorProfile at pod or container level nor the annotation); the node's default applies.",
      setPod: "Set appArmorProfile.type: RuntimeDefault in the pod securityContext.",
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
        if (!podSpec.containers.length || isWindowsPod(podSpec) || getPair(podSpec.securityContext, "appArmorProfile")) return;
        const annotated = new Set(annotationPairs(podSpec, (k) => k.startsWith(APPARMOR_ANNOTATION_PREFIX)).map((a) => a.key.slice(APPARMOR_ANNOTATION_PREFIX.length)));
        const unset: ContainerNode[] = podSpec.containers.filter((c) => !getPair(c.securityContext, "appArmorProfile") && !(c.name !== null && annotated.has(c.name)));
        if (!unset.length) return;
        // The field exists from v1.30; older clusters only know the annotation: no fix there.
        const fix = atLeast(version, 1, 30) ? asFix(setIn(sourceCode, podSpec.node, ["securityContext", "appArmorProfile"], "type", "RuntimeDefault")) : null;
        reportHardening(context, { node: podAnchor(podSpec), messageId: "unset", data: { containers: joinLabels(unset.map(containerLabelLower)) } }, { messageId: "setPod", fix });
      },
    };
  },
});
