/**
 * @fileoverview selinux-options-missing (opt-in): no `seLinuxOptions` at pod or container level,
 * so the runtime assigns the label (container_t with a random MCS level).
 */
import type { ContainerNode } from "../src/language/ast.js";
import { getPair } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { containerLabelLower, isWindowsPod, joinLabels, podAnchor } from "./shared/_part-a.js";

export default createRule({
  name: "selinux-options-missing",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require explicit seLinuxOptions at pod or container level (opt-in)",
      severity: "info",
      presets: [],
      standards: { nsa: "Kubernetes Pod security: AppArmor and SELinux" },
      equivalents: { polaris: ["linuxHardening"], kubescape: ["C-0211"] },
    },
    messages: {
      unset: "No seLinuxOptions are set for {{containers}} (neither in the pod nor in the container securityContext): the runtime assigns the SELinux label.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      PodSpec(podSpec) {
        if (!podSpec.containers.length || isWindowsPod(podSpec) || getPair(podSpec.securityContext, "seLinuxOptions")) return;
        const unset: ContainerNode[] = podSpec.containers.filter((c) => !getPair(c.securityContext, "seLinuxOptions"));
        if (unset.length) context.report({ node: podAnchor(podSpec), messageId: "unset", data: { containers: joinLabels(unset.map(containerLabelLower)) } });
      },
    };
  },
});
