/**
 * @fileoverview admission-podsecurity-enforce-privileged: the PodSecurity admission configuration
 * leaves a mode's cluster-wide default at `privileged` (explicitly, or by omission — PSA's default
 * for `enforce`, `audit` and `warn`). Namespaces without pod-security labels then get no enforcement
 * (`enforce`) or no visibility (`audit`, `warn`).
 */
import type { MapNode, PairNode, YamlNode } from "../src/language/ast.js";
import { asScalar, getMap, getPair, scalarString } from "../src/language/query.js";
import { setIn } from "../src/fix/index.js";
import { createRule } from "../src/rule.js";
import { pluginConfigs } from "./shared/_admission.js";

const MODES: [string, string, string][] = [
  ["enforce", "baseline", "a namespace without its own pod-security.kubernetes.io/enforce label admits privileged pods (privileged containers, host namespaces, hostPath volumes)"],
  ["audit", "restricted", "violations are not recorded in the audit log for namespaces without their own label"],
  ["warn", "restricted", "users get no warning about violations in namespaces without their own label"],
];

export default createRule({
  name: "admission-podsecurity-enforce-privileged",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require cluster-wide Pod Security defaults stricter than privileged",
      severity: "medium",
      presets: ["recommended", "cis"],
      standards: { cis: ["5.2.1"], pss: "baseline" },
    },
    messages: {
      privileged: "PodSecurity defaults.{{mode}} is privileged{{how}}: {{effect}}.",
      setLevel: "Set defaults.{{mode}}: {{level}}.",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      "Program:exit"() {
        for (const cfg of pluginConfigs(sourceCode, "PodSecurity")) {
          const defaultsPair: PairNode | null = getPair(cfg.map, "defaults");
          const defaults: MapNode | null = getMap(cfg.map, "defaults");
          for (const [mode, level, effect] of MODES) {
            const pair = getPair(defaults, mode);
            const value = scalarString(pair?.value ?? null);
            if (value !== null && value.trim() !== "privileged") continue;
            const node: YamlNode | PairNode = (pair && asScalar(pair.value)) ?? defaultsPair?.key ?? cfg.anchor;
            const edits = setIn(sourceCode, cfg.map, ["defaults"], mode, level);
            context.report({
              node,
              messageId: "privileged",
              data: { mode, effect, how: pair ? "" : " (not set; privileged is the default)" },
              suggest: edits ? [{ messageId: "setLevel", data: { mode, level }, fix: () => edits }] : [],
            });
          }
        }
      },
    };
  },
});
