/**
 * @fileoverview Rule factory for low-uid / low-gid: the effective runAsUser / runAsGroup (own
 * value, else the pod's) must be set and at least a threshold (default 10000), so that a process
 * escaping the container does not share an ID with a host account. Skipped for user-namespace pods
 * (`hostUsers: false`: IDs are remapped on the host) and Windows pods.
 */
import type { ContainerNode, PairNode } from "../../src/language/ast.js";
import { getBool } from "../../src/language/query.js";
import { createRule, type K8sRuleDefinition, type K8sRuleDocs } from "../../src/rule.js";
import { containerAnchor, containerLabel, containerLabelLower, isWindowsPod, joinLabels } from "./_part-a.js";

export type IdOptions = [{ minimum?: number }];

export function lowIdRule(input: { name: string; field: "runAsUser" | "runAsGroup"; what: string; docs: Omit<K8sRuleDocs, "url"> }): K8sRuleDefinition<"unset" | "low" | "podLow", IdOptions> {
  const { field, what } = input;
  return createRule<"unset" | "low" | "podLow", IdOptions>({
    name: input.name,
    meta: {
      type: "suggestion",
      docs: input.docs,
      messages: {
        unset: `{{container}} sets no ${field} (neither on the container nor in the pod securityContext): the image decides its ${what}, often a low one shared with host accounts.`,
        low: `{{container}} sets ${field}: {{value}}, below {{minimum}}: a low ${what} may collide with an account on the host.`,
        podLow: `The pod securityContext sets ${field}: {{value}}, below {{minimum}}, inherited by {{containers}}: a low ${what} may collide with an account on the host.`,
      },
      schema: [
        {
          type: "object",
          properties: { minimum: { type: "integer", minimum: 1, maximum: 2147483647 } },
          additionalProperties: false,
        },
      ],
    },
    defaultOptions: [{ minimum: 10000 }],
    create(context, [options]) {
      const minimum = options.minimum ?? 10000;
      return {
        PodSpec(podSpec) {
          if (isWindowsPod(podSpec) || getBool(podSpec.node, "hostUsers") === false) return;
          const podInherit: ContainerNode[] = [];
          let podPair: PairNode | null = null;
          let podValue = 0;
          for (const c of podSpec.containers) {
            const e = c.effective[field];
            if (e.value === null) {
              context.report({ node: containerAnchor(c), messageId: "unset", data: { container: containerLabel(c) } });
            } else if (e.value < minimum) {
              if (e.source === "pod") {
                podInherit.push(c);
                podPair = e.pair;
                podValue = e.value;
              } else context.report({ node: e.pair!, messageId: "low", data: { container: containerLabel(c), value: e.value, minimum } });
            }
          }
          if (podPair) context.report({ node: podPair, messageId: "podLow", data: { value: podValue, minimum, containers: joinLabels(podInherit.map(containerLabelLower)) } });
        },
      };
    },
  });
}
