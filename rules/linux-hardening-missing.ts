/**
 * @fileoverview linux-hardening-missing: a container has none of the Linux hardening mechanisms:
 * a seccomp profile other than Unconfined (pod or container), seLinuxOptions (pod or container), an
 * AppArmor profile other than Unconfined (field or annotation), or a non-empty `capabilities.drop`.
 */
import { getPair } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { annotationPairs, containerAnchor, containerLabel, isWindowsPod } from "./shared/_part-a.js";
import { APPARMOR_ANNOTATION_PREFIX } from "./shared/_part-a-profiles.js";

export default createRule({
  name: "linux-hardening-missing",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require at least one Linux hardening mechanism (seccomp, SELinux, AppArmor or dropped capabilities) per container",
      severity: "low",
      presets: [],
      standards: { nsa: "Kubernetes Pod security: seccomp, AppArmor and SELinux" },
      equivalents: { polaris: ["linuxHardening"], kubescape: ["C-0055"] },
    },
    messages: {
      none: "{{container}} has no Linux hardening: no seccomp profile (other than Unconfined), no seLinuxOptions, no AppArmor profile (other than unconfined) and no dropped capabilities.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      PodSpec(podSpec) {
        if (isWindowsPod(podSpec)) return;
        const apparmorAnnotations = new Map(annotationPairs(podSpec, (k) => k.startsWith(APPARMOR_ANNOTATION_PREFIX)).map((a) => [a.key.slice(APPARMOR_ANNOTATION_PREFIX.length), a.value]));
        for (const c of podSpec.containers) {
          const e = c.effective;
          const seccomp = e.seccompProfileType.value !== null && e.seccompProfileType.value !== "Unconfined";
          const selinux = getPair(c.securityContext, "seLinuxOptions") !== null || getPair(podSpec.securityContext, "seLinuxOptions") !== null;
          const ann = c.name !== null ? apparmorAnnotations.get(c.name) : undefined;
          const apparmor = (e.appArmorProfileType.value !== null && e.appArmorProfileType.value !== "Unconfined") || (ann !== undefined && ann !== "" && ann !== "unconfined");
          const drops = e.capabilitiesDrop.length > 0;
          if (seccomp || selinux || apparmor || drops) continue;
          context.report({ node: containerAnchor(c), messageId: "none", data: { container: containerLabel(c) } });
        }
      },
    };
  },
});
