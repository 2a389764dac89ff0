/**
 * @fileoverview runtime-class-not-sandboxed (opt-in): pods that run untrusted code should use a
 * sandboxed runtime (gVisor, Kata Containers) so a kernel exploit does not reach the host kernel.
 */
import { createRule } from "../src/rule.js";
import { getPair, scalarString } from "../src/language/query.js";
import { podAnchor } from "../src/k8s-helpers/part-c.js";

export default createRule({
  name: "runtime-class-not-sandboxed",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require a sandboxed runtime class (gVisor, Kata) for pods",
      severity: "info",
      presets: ["all"],
      equivalents: { kubescape: ["C-0297"] },
    },
    messages: {
      unset: "The pod sets no runtimeClassName: it runs on the cluster's default runtime (runc), sharing the host kernel. Allowed sandboxed runtime classes: {{allowed}}.",
      notAllowed: "runtimeClassName '{{value}}' is not one of the sandboxed runtime classes {{allowed}}.",
    },
    schema: [
      {
        type: "object",
        properties: { allowed: { type: "array", items: { type: "string", minLength: 1 }, minItems: 1, uniqueItems: true, description: "RuntimeClass names that count as sandboxed." } },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ allowed: ["gvisor"] }] as [{ allowed?: string[] }],
  create(context, [options]) {
    const allowed = options.allowed ?? ["gvisor"];
    const list = allowed.map((a) => `'${a}'`).join(", ");
    return {
      PodSpec(podSpec) {
        const pair = getPair(podSpec.node, "runtimeClassName");
        const value = scalarString(pair?.value);
        if (!pair || value === null || value === "") {
          context.report({ node: pair ?? podAnchor(podSpec), messageId: "unset", data: { allowed: list } });
        } else if (!allowed.includes(value)) {
          context.report({ node: pair, messageId: "notAllowed", data: { value, allowed: list } });
        }
      },
    };
  },
});
