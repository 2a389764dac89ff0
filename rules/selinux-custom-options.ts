/**
 * @fileoverview selinux-custom-options: PSS baseline "SELinux" — `seLinuxOptions.type` must be
 * unset, "", container_t, container_init_t, container_kvm_t (or container_engine_t from policy
 * v1.31); `user` and `role` must be unset or "". `level` is not restricted.
 */
import type { MapNode } from "../src/language/ast.js";
import { getMap, getPair, getString } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { atLeast, containerLabel, targetVersion } from "./shared/_part-a.js";

const TYPES = ["", "container_t", "container_init_t", "container_kvm_t"];

export default createRule({
  name: "selinux-custom-options",
  meta: {
    type: "problem",
    docs: {
      description: "Forbid custom SELinux user, role or type in seLinuxOptions",
      severity: "high",
      presets: ["recommended", "baseline", "restricted"],
      standards: { pss: "baseline: SELinux", nsa: "Kubernetes Pod security: AppArmor and SELinux" },
      equivalents: { trivy: ["KSV025"] },
    },
    messages: {
      type: "{{where}} sets seLinuxOptions.type: {{value}}; PSS baseline allows only {{allowed}}. A custom type can lift the container's SELinux confinement (e.g. spc_t runs unconfined).",
      userOrRole: "{{where}} sets seLinuxOptions.{{field}}: {{value}}; PSS baseline forbids a custom SELinux {{field}}. Remove it.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const version = targetVersion(context);
    const allowed = atLeast(version, 1, 31) ? [...TYPES, "container_engine_t"] : TYPES;
    const allowedText = allowed.filter(Boolean).join(", ") + ' or ""';
    const check = (sc: MapNode | null, where: string): void => {
      const opts = getMap(sc, "seLinuxOptions");
      if (!opts) return;
      const typePair = getPair(opts, "type");
      const type = getString(opts, "type");
      if (typePair && type !== null && !allowed.includes(type)) {
        context.report({ node: typePair, messageId: "type", data: { where, value: type, allowed: allowedText } });
      }
      for (const field of ["user", "role"]) {
        const p = getPair(opts, field);
        const v = getString(opts, field);
        if (p && v !== null && v !== "") context.report({ node: p, messageId: "userOrRole", data: { where, field, value: v } });
      }
    };
    return {
      PodSpec(podSpec) {
        check(podSpec.securityContext, "The pod securityContext");
        for (const c of podSpec.containers) check(c.securityContext, containerLabel(c));
      },
    };
  },
});
