/**
 * @fileoverview Compiles a kubeguard configuration (plus command-line overrides) to an ESLint flat
 * config for the `ESLint` class. Everything kubeguard-specific travels in ESLint's own fields:
 * presets and `rules` → `rules`, `settings` → `settings.kubeguard`, `annotationSuppressions` →
 * `languageOptions`, `overrides` → config objects with `basePath` + `files`. Severity overrides
 * ride along in `settings["kubeguard:levels"]`, so ESLint's per-file merge also tells which level
 * applies to a file (read back with `levelsFromConfig`).
 */
import type { Linter } from "eslint";
import plugin, { eslintSeverity, presetRules } from "../eslint/index.js";
import { rules } from "../../rules/index.js";
import type { K8sRuleDefinition, Preset, Severity } from "../rule.js";
import type { KubeguardConfig, RuleLevel, RuleSetting } from "./load.js";
import { customRuleDefinitions } from "../custom/index.js";

/** The files kubeguard lints when given a folder (relative to ESLint's cwd). */
export const LINT_FILE_PATTERNS = ["**/*.yaml", "**/*.yml", "**/*.json", "**/*.service", "**/*.service.d/*.conf"];

/** The settings key that carries per-rule severity overrides (bare id → level). */
export const LEVELS_SETTING = "kubeguard:levels";

export interface CompileOptions {
  /** `--preset` values: replace the configuration's `extends` when given. */
  presets?: Preset[];
  /** `--rule id=level` values, applied last. */
  ruleLevels?: Record<string, RuleLevel>;
  /** `--kubernetes-version`. */
  kubernetesVersion?: string;
  /** `--fix`: hardening suggestions become fixes. */
  applyHardening?: boolean;
  /** Extra `files` patterns: explicitly named files that the default patterns do not match. */
  extraFiles?: string[];
  /**
   * The run's environment files by node path (src/cli/files.ts `nodeEnvironmentFiles`): systemd
   * units resolve `EnvironmentFile=` with them.
   */
  environmentFiles?: Record<string, string>;
  /**
   * Extra `files` globs (not escaped): the language server lints open kubeconfig/KubeletConfiguration
   * `*.conf` and kubelet environment files that it recognised by content (src/cli/files.ts).
   */
  extraPatterns?: string[];
}

const ruleById = new Map((Object.values(rules) as K8sRuleDefinition[]).map((r) => [r.name, r]));

/** The severity a rule reports at, before configuration. */
export function ruleSeverity(id: string): Severity {
  return ruleById.get(id)?.meta.docs.severity ?? "info";
}

/** ESLint rule entry for a kubeguard rule setting. */
function ruleEntry(id: string, setting: RuleSetting): Linter.RuleEntry {
  const level = setting.level ?? eslintSeverity(setting.severity ?? ruleSeverity(id));
  return setting.options ? ([level, ...setting.options] as Linter.RuleEntry) : level;
}

function compileRules(settings: Record<string, RuleSetting>): { rules: Linter.RulesRecord; levels: Record<string, Severity> } {
  const out: Linter.RulesRecord = {};
  const levels: Record<string, Severity> = {};
  for (const [id, setting] of Object.entries(settings)) {
    out[`kubeguard/${id}`] = ruleEntry(id, setting);
    if (setting.severity) levels[id] = setting.severity;
  }
  return { rules: out, levels };
}

/** Escape a literal path for use as a minimatch pattern. */
export function escapeGlob(path: string): string {
  return path.replace(/[*?[\]{}()!+@\\]/gu, (c) => (c === "\\" ? "/" : `[${c}]`));
}

/** Build the flat config array. */
export function compileConfig(config: KubeguardConfig, options: CompileOptions = {}): Linter.Config[] {
  const files = [...LINT_FILE_PATTERNS, ...(options.extraFiles ?? []).map(escapeGlob), ...(options.extraPatterns ?? [])];
  const presetRuleEntries: Linter.RulesRecord = {};
  for (const preset of options.presets?.length ? options.presets : config.extends) {
    for (const [id, entry] of Object.entries(presetRules(preset))) {
      // A later preset that only gives a severity keeps the options an earlier preset set
      // (e.g. `extends: [restricted, recommended]` keeps restricted's stricter options).
      const prev = presetRuleEntries[id];
      presetRuleEntries[id] = Array.isArray(prev) && !Array.isArray(entry) ? ([entry, ...prev.slice(1)] as Linter.RuleEntry) : entry;
    }
  }
  // Custom rules (src/custom): on at their own severity unless `rules` says otherwise.
  const customRules = config.customRules ?? [];
  for (const c of customRules) presetRuleEntries[`kubeguard/${c.ruleId}`] = eslintSeverity(c.severity);
  const base = compileRules(config.rules);
  for (const c of customRules) base.levels[c.ruleId] ??= c.severity;
  const kubeguardSettings: Record<string, unknown> = { ...config.settings };
  if (options.kubernetesVersion) kubeguardSettings.kubernetesVersion = options.kubernetesVersion;
  if (options.applyHardening) kubeguardSettings.applyHardening = true;
  const languageOptions: Record<string, unknown> = { collectResources: true };
  if (options.environmentFiles && Object.keys(options.environmentFiles).length) languageOptions.environmentFiles = options.environmentFiles;
  if (config.annotationSuppressions !== undefined) languageOptions.annotationSuppressions = config.annotationSuppressions;
  if (config.migrationAnnotations !== undefined) languageOptions.migrationAnnotations = config.migrationAnnotations;
  // One plugin object per run: the built-in rules plus this configuration's custom rules.
  const runPlugin = customRules.length ? { ...plugin, rules: { ...plugin.rules, ...customRuleDefinitions(customRules) } } : plugin;

  // The rules on for the run (before per-file overrides): other tools' annotations only map to these.
  const onRules = { ...presetRuleEntries, ...base.rules, ...Object.fromEntries(Object.entries(options.ruleLevels ?? {}).map(([id, l]) => [`kubeguard/${id}`, l])) };
  languageOptions.enabledRules = Object.entries(onRules)
    .filter(([, e]) => (Array.isArray(e) ? e[0] : e) !== "off" && (Array.isArray(e) ? e[0] : e) !== 0)
    .map(([id]) => id.slice("kubeguard/".length))
    .sort();
  for (const o of config.overrides) for (const id of Object.keys(o.rules)) if (!(languageOptions.enabledRules as string[]).includes(id)) (languageOptions.enabledRules as string[]).push(id);
  const out: Linter.Config[] = [
    {
      name: "kubeguard/cli",
      files,
      plugins: { kubeguard: runPlugin as never },
      language: "kubeguard/k8s",
      processor: "kubeguard/resources",
      languageOptions,
      linterOptions: { reportUnusedDisableDirectives: "warn" },
      settings: { kubeguard: kubeguardSettings, [LEVELS_SETTING]: base.levels },
      rules: { ...presetRuleEntries, ...base.rules },
    },
  ];
  config.overrides.forEach((o, i) => {
    const compiled = compileRules(o.rules);
    out.push({
      name: `kubeguard/overrides[${i}]`,
      basePath: config.dir,
      files: o.files,
      settings: { [LEVELS_SETTING]: compiled.levels },
      rules: compiled.rules,
    } as Linter.Config);
  });
  if (options.ruleLevels && Object.keys(options.ruleLevels).length) {
    out.push({
      name: "kubeguard/command-line",
      files,
      rules: Object.fromEntries(Object.entries(options.ruleLevels).map(([id, level]) => [`kubeguard/${id}`, level])),
    });
  }
  return out;
}

/** The severity overrides that apply to a file, from its calculated ESLint config. */
export function levelsFromConfig(fileConfig: { settings?: Record<string, unknown> } | undefined): Record<string, Severity> {
  return (fileConfig?.settings?.[LEVELS_SETTING] as Record<string, Severity> | undefined) ?? {};
}
