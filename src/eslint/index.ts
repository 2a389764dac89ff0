/**
 * @fileoverview The ESLint plugin object: namespace `kubeguard`, language `kubeguard/k8s`, rules
 * `kubeguard/<id>`, presets as flat configs (always scoped with `files`).
 *
 *   import kubeguard from "kubeguard/eslint";
 *   export default [{ files: ["**\/*.yaml"], plugins: { kubeguard }, language: "kubeguard/k8s",
 *                     rules: { "kubeguard/privileged-container": "error" } }];
 */
import type { Linter } from "eslint";
import { K8sLanguage } from "../language/language.js";
import { rules } from "../../rules/index.js";
import type { K8sRuleDefinition, Preset, Severity } from "../rule.js";
import { resourcesProcessor } from "./processor.js";
import { VERSION } from "../version.js";

export const DEFAULT_FILES = ["**/*.yaml", "**/*.yml", "**/*.service", "**/*.service.d/*.conf"];

/** ESLint severity for a kubeguard level: critical/high/medium are errors, low/info warnings. */
export function eslintSeverity(level: Severity): "error" | "warn" {
  return level === "low" || level === "info" ? "warn" : "error";
}

/**
 * Options a preset sets on a rule, where preset membership alone is not enough: PSS `restricted`
 * forbids what `baseline` relaxes (procMount in user-namespace pods, policy v1.35+). A rule may also
 * declare `meta.docs.presetOptions: { <preset>: [options] }` itself; that wins over this table.
 */
const PRESET_RULE_OPTIONS: Partial<Record<Preset, Record<string, unknown[]>>> = {
  restricted: { "unmasked-proc-mount": [{ allowInUserNamespacePods: false }] },
};

export function presetRules(preset: Preset): Record<string, Linter.RuleEntry> {
  const out: Record<string, Linter.RuleEntry> = {};
  for (const rule of Object.values(rules) as K8sRuleDefinition[]) {
    if (preset !== "all" && !rule.meta.docs.presets.includes(preset)) continue;
    const severity = eslintSeverity(rule.meta.docs.severity);
    const declared = (rule.meta.docs as { presetOptions?: Partial<Record<Preset, unknown[]>> }).presetOptions?.[preset];
    const options = declared ?? PRESET_RULE_OPTIONS[preset]?.[rule.name];
    out[`kubeguard/${rule.name}`] = options ? ([severity, ...options] as Linter.RuleEntry) : severity;
  }
  return out;
}

const ruleMap = Object.fromEntries(Object.values(rules).map((r) => [(r as K8sRuleDefinition).name, r]));

const plugin = {
  meta: { name: "kubeguard", namespace: "kubeguard", version: VERSION },
  languages: { k8s: new K8sLanguage() },
  processors: { resources: resourcesProcessor },
  rules: ruleMap as Record<string, unknown>,
  configs: {} as Record<string, Linter.Config>,
};

for (const preset of ["recommended", "baseline", "restricted", "cis", "all"] as const) {
  plugin.configs[preset] = {
    name: `kubeguard/${preset}`,
    files: DEFAULT_FILES,
    plugins: { kubeguard: plugin as never },
    language: "kubeguard/k8s",
    rules: presetRules(preset),
  };
}

export default plugin;
export { plugin };
