/**
 * @fileoverview windows-host-process: PSS baseline "HostProcess" — `windowsOptions.hostProcess: true`
 * (pod or container) runs the container as a process on the Windows host, with host access.
 */
import type { MapNode } from "../src/language/ast.js";
import { getBool, getMap, getPair } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { containerLabel } from "./shared/_part-a.js";

export default createRule({
  name: "windows-host-process",
  meta: {
    type: "problem",
    docs: {
      description: "Forbid Windows HostProcess containers",
      severity: "critical",
      presets: ["recommended", "baseline", "restricted"],
      standards: { pss: "baseline: HostProcess", nsa: "Kubernetes Pod security" },
      equivalents: { polaris: ["hostProcess"], trivy: ["KSV103"], kubescape: ["C-0211"] },
    },
    messages: {
      hostProcess: "{{where}} sets windowsOptions.hostProcess: true: the container runs as a process directly on the Windows host, with access to the host's network, filesystem and processes.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const check = (sc: MapNode | null, where: string): void => {
      const win = getMap(sc, "windowsOptions");
      if (getBool(win, "hostProcess") === true) context.report({ node: getPair(win, "hostProcess")!, messageId: "hostProcess", data: { where } });
    };
    return {
      PodSpec(podSpec) {
        check(podSpec.securityContext, "The pod securityContext");
        for (const c of podSpec.containers) check(c.securityContext, containerLabel(c));
      },
    };
  },
});
