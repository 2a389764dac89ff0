/**
 * @fileoverview Factory for the host-namespace rules (host-network, host-pid, host-ipc): a pod-spec
 * boolean that is `true` shares a host namespace with the pod. PSS baseline "Host Namespaces".
 */
import { createRule, reportHardening, type RuleEquivalents } from "../../src/rule.js";
import { asFix, removePair, replaceNode } from "../../src/fix/index.js";
import { podTrue } from "../../src/k8s-helpers/part-b.js";

export interface HostNamespaceSpec {
  name: string;
  field: "hostNetwork" | "hostPID" | "hostIPC";
  description: string;
  /** What sharing the namespace gives the pod (completes "the pod …"). */
  risk: string;
  equivalents: RuleEquivalents;
  cis: string;
}

export function hostNamespaceRule(spec: HostNamespaceSpec) {
  return createRule({
    name: spec.name,
    meta: {
      type: "problem",
      docs: {
        description: spec.description,
        severity: "high",
        presets: ["recommended", "baseline", "restricted"],
        standards: { pss: "baseline: Host Namespaces", cis: [spec.cis], nsa: "Kubernetes Pod security: host namespaces" },
        equivalents: spec.equivalents,
      },
      messages: {
        shared: `The pod sets ${spec.field}: true: ${spec.risk}`,
        remove: `Remove ${spec.field}.`,
      },
      fixable: "code",
      hasSuggestions: true,
      schema: [],
    },
    defaultOptions: [],
    create(context) {
      const sourceCode = context.sourceCode;
      return {
        PodSpec(podSpec) {
          const pair = podTrue(podSpec, spec.field);
          if (!pair?.value) return;
          // Delete the key (Polaris' mutation); a flow map or a one-key map gets `false` instead.
          const edits = removePair(sourceCode, podSpec.node, pair) ?? (podSpec.node.pairs.includes(pair) ? replaceNode(sourceCode, pair.value, "false") : null);
          reportHardening(context, { node: pair, messageId: "shared" }, { messageId: "remove", fix: asFix(edits) });
        },
      };
    },
  });
}
