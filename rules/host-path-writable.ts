/**
 * @fileoverview host-path-writable: a container mounts a hostPath volume without `readOnly: true`,
 * so it can write to the node's filesystem.
 */
import { createRule, reportHardening } from "../src/rule.js";
import { asFix, setMapValue, replaceNode } from "../src/fix/index.js";
import { asMap, getPair, getString, scalarBool } from "../src/language/query.js";
import { containerKindLabel, containerName, podVolumes, volumeMounts, volumeSource } from "../src/k8s-helpers/part-b.js";

export default createRule({
  name: "host-path-writable",
  meta: {
    type: "problem",
    docs: {
      description: "Require hostPath volume mounts to be read-only",
      severity: "high",
      presets: ["recommended"],
      standards: { nsa: "Kubernetes Pod security: immutable container file systems" },
      equivalents: { "kube-linter": ["writable-host-mount"], kubescape: ["C-0045"] },
    },
    messages: {
      writable:
        "{{containerKind}} '{{name}}' mounts hostPath volume '{{volume}}' ({{path}}) at '{{mountPath}}' writable: it can change files on the node (binaries, configuration, other pods' data).",
      setReadOnly: "Set readOnly: true on this volume mount.",
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
        const hostPaths = new Map<string, string>();
        for (const v of podVolumes(container.podSpec)) {
          const src = volumeSource(v, "hostPath");
          if (src && v.name !== null) hostPaths.set(v.name, getString(asMap(src.value), "path") ?? "?");
        }
        if (!hostPaths.size) return;
        for (const m of volumeMounts(container)) {
          if (m.name === null || !hostPaths.has(m.name)) continue;
          const ro = getPair(m.node, "readOnly");
          if (scalarBool(ro?.value ?? null) === true) continue;
          const edits = ro?.value && ro.value.type === "Scalar" && ro.value.value !== null ? replaceNode(sourceCode, ro.value, "true") : setMapValue(sourceCode, m.node, "readOnly", "true");
          reportHardening(
            context,
            {
              node: ro ?? getPair(m.node, "name") ?? m.node,
              messageId: "writable",
              data: {
                containerKind: containerKindLabel(container.containerKind),
                name: containerName(container),
                volume: m.name,
                path: hostPaths.get(m.name)!,
                mountPath: getString(m.node, "mountPath") ?? "?",
              },
            },
            { messageId: "setReadOnly", fix: asFix(edits) },
          );
        }
      },
    };
  },
});
