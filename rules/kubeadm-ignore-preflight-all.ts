/**
 * @fileoverview kubeadm-ignore-preflight-all: `ignorePreflightErrors` containing `all` turns every
 * preflight check into a warning — including the ones that catch an insecure or broken node (ports
 * already in use, existing manifests and certificates, swap, wrong cgroup driver).
 */
import type { SeqNode } from "../src/language/ast.js";
import { getMap, getSeq, scalarString, seqItems } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { isKubeadm } from "./shared/_kubeadm.js";

export default createRule({
  name: "kubeadm-ignore-preflight-all",
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow ignoring all kubeadm preflight errors",
      severity: "low",
      presets: ["recommended"],
    },
    messages: {
      all: "{{path}} contains 'all': every kubeadm preflight error becomes a warning, so problems such as existing certificates or manifests, ports in use or a wrong container runtime setup no longer stop the run. List the specific checks to ignore instead.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isKubeadm(resource)) return;
        const lists: [SeqNode | null, string][] = [];
        if (resource.kind === "InitConfiguration" || resource.kind === "JoinConfiguration") {
          lists.push([getSeq(getMap(resource.node, "nodeRegistration"), "ignorePreflightErrors"), "nodeRegistration.ignorePreflightErrors"]);
        } else if (resource.kind === "ResetConfiguration") {
          lists.push([getSeq(resource.node, "ignorePreflightErrors"), "ignorePreflightErrors"]);
        } else if (resource.kind === "UpgradeConfiguration") {
          for (const phase of ["apply", "node", "plan"]) lists.push([getSeq(getMap(resource.node, phase), "ignorePreflightErrors"), `${phase}.ignorePreflightErrors`]);
        }
        for (const [seq, path] of lists) {
          for (const item of seqItems(seq)) {
            // kubeadm lower-cases the entries before comparing.
            if (scalarString(item)?.trim().toLowerCase() === "all") context.report({ node: item, messageId: "all", data: { path } });
          }
        }
      },
    };
  },
});
