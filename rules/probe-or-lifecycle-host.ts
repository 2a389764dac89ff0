/**
 * @fileoverview probe-or-lifecycle-host: a probe or lifecycle hook with a `host` makes the kubelet
 * connect to an arbitrary address from the node (PSS baseline "Host Probes / Lifecycle Hooks", v1.34+).
 */
import { createRule, reportHardening } from "../src/rule.js";
import { asFix, removePair } from "../src/fix/index.js";
import type { MapNode } from "../src/language/ast.js";
import { getMap, getPair, scalarString } from "../src/language/query.js";
import { containerKindLabel, containerName, targetVersion, versionAtLeast } from "../src/k8s-helpers/part-b.js";

const HANDLERS: [string[], string][] = [
  [["livenessProbe"], "livenessProbe"],
  [["readinessProbe"], "readinessProbe"],
  [["startupProbe"], "startupProbe"],
  [["lifecycle", "postStart"], "lifecycle.postStart"],
  [["lifecycle", "preStop"], "lifecycle.preStop"],
];

export default createRule({
  name: "probe-or-lifecycle-host",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow probes and lifecycle hooks that set a host",
      severity: "medium",
      presets: ["recommended", "baseline", "restricted"],
      standards: { pss: "baseline: Host Probes / Lifecycle Hooks (v1.34+)" },
      equivalents: {},
    },
    messages: {
      host: "{{containerKind}} '{{name}}' {{handler}}.{{action}} sets host '{{host}}': the kubelet connects from the node to that address, which can reach node-local and other tenants' services (SSRF).",
      remove: "Remove host (the probe then targets the pod IP).",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    // PSA enforces this control from policy version v1.34 (KEP-4940).
    if (!versionAtLeast(targetVersion(context.settings), 1, 34)) return {};
    return {
      Container(container) {
        for (const [path, handler] of HANDLERS) {
          let m: MapNode | null = container.node;
          for (const seg of path) m = getMap(m, seg);
          if (!m) continue;
          for (const action of ["httpGet", "tcpSocket"]) {
            const target = getMap(m, action);
            const pair = getPair(target, "host");
            const host = scalarString(pair?.value ?? null);
            if (!target || !pair || host === null || host === "") continue;
            reportHardening(
              context,
              { node: pair, messageId: "host", data: { containerKind: containerKindLabel(container.containerKind), name: containerName(container), handler, action, host } },
              { messageId: "remove", fix: asFix(removePair(context.sourceCode, target, pair)) },
            );
          }
        }
      },
    };
  },
});
