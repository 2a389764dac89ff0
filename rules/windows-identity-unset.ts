/**
 * @fileoverview windows-identity-unset (opt-in): a Windows pod (`spec.os.name: windows` or the
 * node selector `kubernetes.io/os: windows`) whose containers have no `windowsOptions.runAsUserName`
 * or no `gmsaCredentialSpecName` (own value, else the pod's).
 */
import type { MapNode } from "../src/language/ast.js";
import { getMap, getString } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { containerAnchor, containerLabel, isWindowsPod } from "./shared/_part-a.js";

function windowsOption(sc: MapNode | null, key: string): string | null {
  const v = getString(getMap(sc, "windowsOptions"), key);
  return v === "" ? null : v;
}

export default createRule({
  name: "windows-identity-unset",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require Windows containers to set runAsUserName and a gMSA credential spec (opt-in)",
      severity: "info",
      presets: [],
      standards: { nsa: "Kubernetes Pod security: non-root containers" },
      equivalents: { kubescape: ["C-0211"] },
    },
    messages: {
      unset: "{{container}} of a Windows pod sets no windowsOptions.{{fields}} (neither on the container nor in the pod securityContext): without runAsUserName it runs as the image's default user (often ContainerAdministrator); without a gMSA credential spec it has no managed domain identity.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      PodSpec(podSpec) {
        const windows = isWindowsPod(podSpec) || getString(getMap(podSpec.node, "nodeSelector"), "kubernetes.io/os") === "windows";
        if (!windows) return;
        for (const c of podSpec.containers) {
          const missing: string[] = [];
          if (!windowsOption(c.securityContext, "runAsUserName") && !windowsOption(podSpec.securityContext, "runAsUserName")) missing.push("runAsUserName");
          if (!windowsOption(c.securityContext, "gmsaCredentialSpecName") && !windowsOption(podSpec.securityContext, "gmsaCredentialSpecName")) missing.push("gmsaCredentialSpecName");
          if (!missing.length) continue;
          context.report({
            node: containerAnchor(c),
            messageId: "unset",
            data: { container: containerLabel(c), fields: missing.join(" and ") },
          });
        }
      },
    };
  },
});
