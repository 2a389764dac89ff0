/**
 * @fileoverview kubeadm-extravolume-writable: an `extraVolumes` host path mounted writable into a
 * control-plane static pod (`readOnly: false`, or absent — the field defaults to false). A
 * compromised API server, controller manager or scheduler can then change files on the
 * control-plane host. A mount that holds the API server's own audit log directory
 * (`--audit-log-path` in the same extraArgs) must be writable and is not reported.
 */
import type { MapNode, PairNode } from "../src/language/ast.js";
import { effectiveFlag } from "../src/language/flags.js";
import { asMap, asScalar, getMap, getPair, getSeq, getString, scalarBool, seqItems } from "../src/language/query.js";
import { insertPair, replaceNode } from "../src/fix/index.js";
import { createRule } from "../src/rule.js";
import type { RuleTextEdit } from "../src/rule.js";
import { isKubeadm } from "./shared/_kubeadm.js";

const COMPONENTS: [string, string][] = [
  ["apiServer", "kube-apiserver"],
  ["controllerManager", "kube-controller-manager"],
  ["scheduler", "kube-scheduler"],
];

/** Whether `path` is `dir` or lies under it. */
function under(path: string, dir: string): boolean {
  const d = dir.replace(/\/+$/u, "");
  return path === d || path.startsWith(`${d}/`);
}

export default createRule({
  name: "kubeadm-extravolume-writable",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require kubeadm control-plane extraVolumes to be mounted read-only",
      severity: "low",
      presets: ["recommended"],
    },
    messages: {
      writable: "{{section}}.extraVolumes '{{name}}' mounts host path {{hostPath}} writable into {{component}} ({{how}}): a compromised {{component}} can change files on the control-plane host.",
      setReadOnly: "Set readOnly: true.",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      Resource(resource) {
        if (!isKubeadm(resource, "ClusterConfiguration")) return;
        for (const [section, component] of COMPONENTS) {
          const sectionMap = getMap(resource.node, section);
          const set = resource.flagSets.find((s) => s.component === component);
          const auditLog = set ? effectiveFlag(set, "audit-log-path")?.value ?? null : null;
          seqItems(getSeq(sectionMap, "extraVolumes")).forEach((item) => {
            const m: MapNode | null = asMap(item);
            if (!m) return;
            const roPair: PairNode | null = getPair(m, "readOnly");
            const ro = scalarBool(roPair?.value ?? null);
            if (ro === true) return;
            const mountPath = getString(m, "mountPath");
            if (auditLog && auditLog !== "-" && mountPath && under(auditLog, mountPath)) return;
            let edits: RuleTextEdit[] | null = null;
            const roScalar = asScalar(roPair?.value ?? null);
            if (roPair && roScalar && roPair.value === roScalar) edits = replaceNode(sourceCode, roScalar, "true");
            else if (!roPair) edits = insertPair(sourceCode, m, "readOnly", "true");
            const namePair = getPair(m, "name");
            context.report({
              node: roPair ?? namePair ?? m,
              messageId: "writable",
              data: {
                section,
                component,
                name: getString(m, "name") ?? "(unnamed)",
                hostPath: getString(m, "hostPath") ?? "(unset)",
                how: roPair ? `readOnly: ${sourceCode.text.slice(roPair.value?.range[0] ?? 0, roPair.value?.range[1] ?? 0)}` : "readOnly is not set and defaults to false",
              },
              suggest: edits ? [{ messageId: "setReadOnly", fix: () => edits }] : [],
            });
          });
        }
      },
    };
  },
});
