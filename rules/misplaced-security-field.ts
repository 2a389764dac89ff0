/**
 * @fileoverview misplaced-security-field: a container-only securityContext field written under the
 * pod's `securityContext` (or a pod-only one under a container's). The API server drops the field
 * silently (unless the client asks for strict field validation), so the hardening it seems to
 * give is not there. The fix moves it to where it belongs.
 */
import type { ContainerNode, MapNode, PairNode, PodSpecNode } from "../src/language/ast.js";
import type { K8sSourceCode } from "../src/language/source-code.js";
import { createRule, reportHardening, type RuleTextEdit } from "../src/rule.js";
import { canEdit, removePair, setIn } from "../src/fix/index.js";
import { getPair, keyName } from "../src/language/query.js";

/** SecurityContext (container) fields that PodSecurityContext does not have. */
export const CONTAINER_ONLY = ["allowPrivilegeEscalation", "capabilities", "privileged", "procMount", "readOnlyRootFilesystem"];
/** PodSecurityContext fields that SecurityContext (container) does not have. */
export const POD_ONLY = ["fsGroup", "fsGroupChangePolicy", "seLinuxChangePolicy", "supplementalGroups", "supplementalGroupsPolicy", "sysctls"];

function label(c: ContainerNode): string {
  return c.name ?? `#${c.index}`;
}

/** The value's source text when it can be copied as is (a scalar or a one-line flow collection). */
function portableValue(sourceCode: K8sSourceCode, pair: PairNode): string | null {
  const v = pair.value;
  if (!v || v.type === "Alias") return null;
  if (v.type === "Scalar" && (v.style === "BLOCK_LITERAL" || v.style === "BLOCK_FOLDED")) return null;
  if ((v.type === "Map" || v.type === "Seq") && !v.flow) return null;
  if (v.type !== "Scalar" && "anchor" in v && v.anchor) return null;
  const text = sourceCode.text.slice(v.range[0], v.range[1]);
  if (/[\r\n]/u.test(text) || (v.type === "Scalar" && v.anchor)) return null;
  return text;
}

/** Remove a pair; when it is the map's only pair, leave an empty flow map (`securityContext: {}`). */
function removeOrEmpty(sourceCode: K8sSourceCode, map: MapNode, pair: PairNode, holder: PairNode | null): RuleTextEdit[] | null {
  if (map.pairs.length > 1) return removePair(sourceCode, map, pair);
  if (!holder?.key || holder.value !== map || map.flow) return null;
  const colon = sourceCode.text.indexOf(":", holder.key.range[1]);
  if (colon === -1 || colon > map.range[0]) return null;
  // The map's own range may run on to the next key: end at the pair's value end.
  const end = pair.range[1];
  const between = sourceCode.text.slice(colon + 1, end);
  if (between.includes("#") || !canEdit(sourceCode, colon, end)) return null;
  return [{ range: [colon + 1, end], text: " {}" }];
}

function merge(parts: (RuleTextEdit[] | null)[]): RuleTextEdit[] | null {
  const out: RuleTextEdit[] = [];
  for (const p of parts) {
    if (!p) return null;
    out.push(...p);
  }
  // Edits of one fix must not overlap (ESLint merges them into one text edit).
  const sorted = [...out].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.range[0] < sorted[i - 1]!.range[1]) return null;
  return out;
}

export default createRule({
  name: "misplaced-security-field",
  meta: {
    type: "problem",
    docs: {
      description: "Forbid container-only security fields in the pod's securityContext and pod-only fields in a container's",
      severity: "high",
      presets: ["recommended", "all"],
      equivalents: { polaris: ["privilegeEscalationAllowed", "notReadOnlyRootFilesystem", "runAsPrivileged"] },
    },
    messages: {
      containerField:
        "'{{field}}' is a container-level field: under the pod's securityContext the API server drops it silently (only strict field validation rejects it), so it has no effect. It belongs in each container's securityContext ({{containers}}).",
      podField:
        "'{{field}}' is a pod-level field: in container '{{container}}''s securityContext the API server drops it silently (only strict field validation rejects it), so it has no effect. It belongs in the pod's spec.securityContext.",
      podFieldConflict:
        "'{{field}}' is a pod-level field: in container '{{container}}''s securityContext the API server drops it silently, so it has no effect. The pod's securityContext already sets a different {{field}}; decide which value you want there.",
      moveToContainers: "Move '{{field}}' into the securityContext of {{containers}}.",
      moveToPod: "Move '{{field}}' to the pod's securityContext.",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const podScPair = (podSpec: PodSpecNode): PairNode | null => getPair(podSpec.node, "securityContext");

    function checkPod(podSpec: PodSpecNode): void {
      const sc = podSpec.securityContext;
      if (!sc) return;
      for (const pair of sc.pairs) {
        const field = keyName(pair);
        if (field === null || !CONTAINER_ONLY.includes(field) || !pair.key) continue;
        const targets = podSpec.containers.filter((c) => !getPair(c.securityContext, field));
        const names = podSpec.containers.map(label).join(", ") || "none";
        const value = portableValue(sourceCode, pair);
        const edits =
          value === null
            ? null
            : merge([...targets.map((c) => setIn(sourceCode, c.node, ["securityContext"], field, value)), removeOrEmpty(sourceCode, sc, pair, podScPair(podSpec))]);
        reportHardening(
          context,
          { node: pair.key, messageId: "containerField", data: { field, containers: names } },
          { messageId: "moveToContainers", data: { field, containers: targets.map(label).join(", ") || "no container (all set it already)" }, fix: edits ? () => edits : null },
        );
      }
    }

    function checkContainer(c: ContainerNode): void {
      const sc = c.securityContext;
      if (!sc) return;
      for (const pair of sc.pairs) {
        const field = keyName(pair);
        if (field === null || !POD_ONLY.includes(field) || !pair.key) continue;
        const podPair = getPair(c.podSpec.securityContext, field);
        const value = portableValue(sourceCode, pair);
        const podValue = podPair ? portableValue(sourceCode, podPair) : null;
        if (podPair && podValue !== value) {
          context.report({ node: pair.key, messageId: "podFieldConflict", data: { field, container: label(c) } });
          continue;
        }
        const edits =
          value === null
            ? null
            : merge([podPair ? [] : setIn(sourceCode, c.podSpec.node, ["securityContext"], field, value), removeOrEmpty(sourceCode, sc, pair, c.securityContextPair)]);
        reportHardening(
          context,
          { node: pair.key, messageId: "podField", data: { field, container: label(c) } },
          { messageId: "moveToPod", data: { field }, fix: edits ? () => edits : null },
        );
      }
    }

    return {
      PodSpec(podSpec) {
        checkPod(podSpec);
        for (const c of podSpec.containers) checkContainer(c);
      },
    };
  },
});

