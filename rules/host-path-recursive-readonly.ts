/**
 * @fileoverview host-path-recursive-readonly: `readOnly: true` on a hostPath mount is not recursive:
 * mounts beneath the path (e.g. under /var/lib/kubelet or /run) stay writable unless
 * `recursiveReadOnly` is set (Kubernetes ≥ 1.30 alpha, 1.31 beta on by default, 1.33 GA).
 */
import { createRule, reportHardening } from "../src/rule.js";
import { asFix, setMapValue } from "../src/fix/index.js";
import { asMap, getBool, getMap, getPair, getSeq, scalarString, seqItems } from "../src/language/query.js";
import { containerLabel, targetVersion, versionAtLeast } from "../src/k8s-helpers/part-c.js";

export default createRule({
  name: "host-path-recursive-readonly",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require recursiveReadOnly on read-only hostPath mounts",
      severity: "low",
      presets: ["all"],
      equivalents: {},
    },
    messages: {
      notRecursive:
        "{{container}} mounts hostPath volume '{{volume}}' readOnly without recursiveReadOnly: mounts beneath {{path}} stay writable.",
      setIfPossible: "Set recursiveReadOnly: IfPossible (recursive where the runtime supports it).",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    // recursiveReadOnly is on by default from 1.31 (beta); before that the field is dropped.
    if (!versionAtLeast(targetVersion(context.settings), 1, 31)) return {};
    return {
      Container(c) {
        const hostPaths = new Map<string, string>();
        for (const v of seqItems(getSeq(c.podSpec.node, "volumes"))) {
          const vm = asMap(v);
          const hp = getMap(vm, "hostPath");
          const name = scalarString(getPair(vm, "name")?.value);
          if (hp && name !== null) hostPaths.set(name, scalarString(getPair(hp, "path")?.value) ?? "?");
        }
        for (const item of seqItems(getSeq(c.node, "volumeMounts"))) {
          const m = asMap(item);
          const volume = scalarString(getPair(m, "name")?.value);
          if (!m || volume === null || !hostPaths.has(volume) || getBool(m, "readOnly") !== true) continue;
          const rro = scalarString(getPair(m, "recursiveReadOnly")?.value);
          if (rro === "Enabled" || rro === "IfPossible") continue;
          const roPair = getPair(m, "readOnly")!;
          reportHardening(
            context,
            { node: roPair, messageId: "notRecursive", data: { container: containerLabel(c), volume, path: hostPaths.get(volume)! } },
            { messageId: "setIfPossible", fix: asFix(m.pairs.includes(roPair) ? setMapValue(context.sourceCode, m, "recursiveReadOnly", "IfPossible") : null) },
          );
        }
      },
    };
  },
});
