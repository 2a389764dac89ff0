/**
 * @fileoverview privileged-container: a container with `securityContext.privileged: true` has
 * every capability and full access to the host's devices.
 */
import { createRule, reportHardening } from "../src/rule.js";
import { asFix, replaceNode } from "../src/fix/index.js";

export default createRule({
  name: "privileged-container",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow privileged containers",
      severity: "critical",
      presets: ["recommended", "baseline", "restricted"],
      standards: { pss: "baseline: Privileged Containers", cis: ["5.2.2"], nsa: "Kubernetes Pod security: non-root containers and privileged containers" },
      equivalents: {
        "kube-linter": ["privileged-container"],
        polaris: ["runAsPrivileged"],
        checkov: ["CKV_K8S_16"],
        trivy: ["KSV017"],
        kubescape: ["C-0057", "C-0211"],
        kubesec: ["Privileged"],
        "kube-score": ["container-security-context-privileged"],
      },
    },
    messages: {
      privileged: "{{containerKind}} '{{name}}' runs privileged: it gets every capability and access to all host devices.",
      setFalse: "Set privileged: false.",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Container(container) {
        const p = container.effective.privileged;
        if (p.value !== true || !p.pair || !p.node) return;
        reportHardening(
          context,
          {
            node: p.pair,
            messageId: "privileged",
            data: { containerKind: kindLabel(container.containerKind), name: container.name ?? `#${container.index}` },
          },
          { messageId: "setFalse", fix: asFix(replaceNode(context.sourceCode, p.node, "false")) },
        );
      },
    };
  },
});

export function kindLabel(kind: string): string {
  return kind === "initContainer" ? "Init container" : kind === "ephemeralContainer" ? "Ephemeral container" : "Container";
}
