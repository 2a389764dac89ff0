/**
 * @fileoverview writable-root-filesystem: a container whose `securityContext.readOnlyRootFilesystem`
 * is not `true` can write to its image's filesystem (drop tools, modify binaries, persist until restart).
 * The field exists only at container level.
 */
import { createRule, reportHardening } from "../src/rule.js";
import { asFix, replaceNode, setIn } from "../src/fix/index.js";
import { asScalar, getMap, getPair, getString } from "../src/language/query.js";
import { kindLabel } from "./privileged-container.js";

export default createRule({
  name: "writable-root-filesystem",
  meta: {
    type: "problem",
    docs: {
      description: "Require readOnlyRootFilesystem: true on every container",
      severity: "medium",
      presets: ["recommended"],
      standards: { nsa: "Kubernetes Pod security: immutable container file systems" },
      equivalents: {
        "kube-linter": ["no-read-only-root-fs"],
        polaris: ["notReadOnlyRootFilesystem"],
        checkov: ["CKV_K8S_22"],
        trivy: ["KSV014"],
        kubescape: ["C-0017", "C-0211"],
        kubesec: ["ReadOnlyRootFilesystem"],
        "kube-score": ["container-security-context-readonlyrootfilesystem"],
      },
    },
    messages: {
      explicitFalse: "{{containerKind}} '{{name}}' sets readOnlyRootFilesystem: false: it can write to its root filesystem.",
      absent:
        "{{containerKind}} '{{name}}' does not set securityContext.readOnlyRootFilesystem: when absent the root filesystem is writable.",
      setTrue: "Set securityContext.readOnlyRootFilesystem: true (mount an emptyDir where the process needs to write, e.g. /tmp).",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      Container(container) {
        // The field cannot be set on Windows pods (the API server rejects it).
        if (getString(getMap(container.podSpec.node, "os"), "name") === "windows") return;
        const rorf = container.effective.readOnlyRootFilesystem;
        if (rorf.value === true) return;
        const pair = getPair(container.securityContext, "readOnlyRootFilesystem");
        // A quoted "true" is a string: the API server rejects the object.
        if (pair && typeof asScalar(pair.value)?.value === "string") return;
        const data = { containerKind: kindLabel(container.containerKind), name: container.name ?? `#${container.index}` };
        const explicit = rorf.source === "container" && rorf.node !== null;
        const edits = explicit ? replaceNode(sourceCode, rorf.node!, "true") : setIn(sourceCode, container.node, ["securityContext"], "readOnlyRootFilesystem", "true");
        reportHardening(
          context,
          { node: explicit ? rorf.pair! : (pair ?? container.namePair ?? container.node.pairs[0] ?? container.node), messageId: explicit ? "explicitFalse" : "absent", data },
          { messageId: "setTrue", fix: asFix(edits) },
        );
      },
    };
  },
});
