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

export function presetRules(preset: Preset): Record<string, Linter.RuleEntry> {
  const out: Record<string, Linter.RuleEntry> = {};
  for (const rule of Object.values(rules) as K8sRuleDefinition[]) {
    if (preset === "all" || rule.meta.docs.presets.includes(preset)) out[`kubeguard/${rule.name}`] = eslintSeverity(rule.meta.docs.severity);
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
