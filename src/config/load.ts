/**
 * @fileoverview `.kubeguard.yaml`: finding it (upward from the linted path), parsing it (through
 * src/language/config-yaml.ts, the `yaml` importer) and validating every key. A bad file is a
 * `ConfigError` whose message names the file and the key path, e.g.
 *   .kubeguard.yaml: rules.privileged-containr: unknown rule (did you mean privileged-container?)
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parseConfigYaml } from "../language/config-yaml.js";
import { rules } from "../../rules/index.js";
import { PRESETS, SEVERITIES, type Preset, type Severity } from "../rule.js";
import { validateCustomRules, type CustomRuleSpec } from "../custom/index.js";
import { editDistance } from "../util/edit-distance.js";

export const CONFIG_FILE_NAMES = [".kubeguard.yaml", ".kubeguard.yml"];
export const RULE_LEVELS = ["off", "warn", "error"] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

/** One rule's setting: ESLint level, kubeguard severity override, rule options. */
export interface RuleSetting {
  level?: RuleLevel;
  severity?: Severity;
  options?: unknown[];
}

export interface ConfigOverride {
  files: string[];
  rules: Record<string, RuleSetting>;
}

/** A validated configuration. Rule ids are bare (`privileged-container`). */
export interface KubeguardConfig {
  /** Absolute path of the file, or null for the built-in default. */
  path: string | null;
  /** Directory that `ignore` and `overrides[].files` globs are relative to. */
  dir: string;
  extends: Preset[];
  rules: Record<string, RuleSetting>;
  ignore: string[];
  overrides: ConfigOverride[];
  /** `settings` minus the keys that go elsewhere (annotationSuppressions). */
  settings: Record<string, unknown>;
  annotationSuppressions?: boolean;
  /** Honour kube-linter/Checkov/Polaris/kube-score suppression annotations (default true). */
  migrationAnnotations?: boolean;
  /** Declarative custom rules (src/custom), compiled to `kubeguard/custom-<id>` rules. */
  customRules?: CustomRuleSpec[];
}

/** A configuration problem: usage error (exit 2). The message is complete and user-facing. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

export const RULE_IDS: string[] = Object.keys(rules).sort();

/** Catalog ids implemented by another rule (`meta.docs.aliases`) → that rule's id. */
export const RULE_ALIASES: Record<string, string> = Object.fromEntries(
  Object.entries(rules).flatMap(([id, r]) => ((r.meta.docs as { aliases?: string[] }).aliases ?? []).map((alias) => [alias, id])),
);

/** A rule id with an alias resolved to its rule (unknown ids unchanged). */
export function resolveRuleAlias(id: string): string {
  return Object.hasOwn(RULE_ALIASES, id) ? RULE_ALIASES[id]! : id;
}

/** The configuration used when no file is found. */
export function defaultConfig(dir: string): KubeguardConfig {
  return { path: null, dir, extends: ["recommended"], rules: {}, ignore: [], overrides: [], settings: {} };
}

/** Look for `.kubeguard.yaml` in `start` and its ancestors. */
export function findConfigFile(start: string): string | null {
  let dir = resolve(start);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

const distance = editDistance;

/** The closest known name, when it is close enough to be a typo. */
export function didYouMean(name: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(name, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : null;
}

function hint(name: string, known: readonly string[]): string {
  const guess = didYouMean(name, known);
  return guess ? ` (did you mean ${guess}?)` : "";
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Validation context: collects the file's display name for messages. */
class Validator {
  /** Ids of the configuration's custom rules (valid in `rules` and `overrides`). */
  customIds: string[] = [];

  constructor(readonly display: string) {}

  fail(key: string, message: string): never {
    throw new ConfigError(`${this.display}: ${key}: ${message}`);
  }

  stringList(value: unknown, key: string): string[] {
    if (typeof value === "string") return [value];
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string" || v === "")) this.fail(key, "expected a string or a list of strings");
    return value as string[];
  }

  /** Normalise a rule id: bare or `kubeguard/`-prefixed; must exist. */
  ruleId(id: string, key: string): string {
    const bare = resolveRuleAlias(id.startsWith("kubeguard/") ? id.slice("kubeguard/".length) : id);
    if (!RULE_IDS.includes(bare) && !this.customIds.includes(bare)) this.fail(key, `unknown rule${hint(bare, [...RULE_IDS, ...this.customIds])}`);
    return bare;
  }

  level(value: unknown, key: string): RuleLevel {
    if (value === 0) return "off";
    if (value === 1) return "warn";
    if (value === 2) return "error";
    if (typeof value !== "string" || !(RULE_LEVELS as readonly string[]).includes(value)) {
      this.fail(key, `expected one of ${RULE_LEVELS.join(", ")}${typeof value === "string" ? hint(value, RULE_LEVELS) : ""}`);
    }
    return value as RuleLevel;
  }

  rules(value: unknown, key: string): Record<string, RuleSetting> {
    if (value === null || value === undefined) return {};
    if (!isObject(value)) this.fail(key, "expected a mapping of rule id to off|warn|error or { level, severity, options }");
    const out: Record<string, RuleSetting> = {};
    for (const [id, setting] of Object.entries(value)) {
      const k = `${key}.${id}`;
      const bare = this.ruleId(id, k);
      if (!isObject(setting)) {
        out[bare] = { level: this.level(setting, k) };
        continue;
      }
      const rs: RuleSetting = {};
      for (const [field, v] of Object.entries(setting)) {
        const fk = `${k}.${field}`;
        if (field === "level") rs.level = this.level(v, fk);
        else if (field === "severity") {
          if (typeof v !== "string" || !(SEVERITIES as readonly string[]).includes(v)) {
            this.fail(fk, `expected one of ${SEVERITIES.join(", ")}${typeof v === "string" ? hint(v, SEVERITIES) : ""}`);
          }
          rs.severity = v as Severity;
        } else if (field === "options") {
          if (!Array.isArray(v)) this.fail(fk, "expected a list (the rule's options, as in ESLint)");
          rs.options = v;
        } else this.fail(fk, `unknown key${hint(field, ["level", "severity", "options"])} (expected level, severity, options)`);
      }
      out[bare] = rs;
    }
    return out;
  }
}

const TOP_KEYS = ["extends", "rules", "ignore", "overrides", "settings", "customRules"];

/**
 * Validate a parsed configuration value. `display` names the file in messages (relative to the
 * cwd); `dir` is the directory its globs are relative to.
 */
export function validateConfig(value: unknown, display: string, path: string | null, dir: string): KubeguardConfig {
  const v: Validator = new Validator(display);
  const config = defaultConfig(dir);
  config.path = path;
  if (value === null || value === undefined) return config;
  if (!isObject(value)) v.fail("(root)", "expected a mapping with keys " + TOP_KEYS.join(", "));
  // Custom rules first: `rules` and `overrides` may name them, in any key order.
  if (value.customRules !== undefined) {
    config.customRules = validateCustomRules(value.customRules, (k, m) => v.fail(k, m), RULE_IDS, path);
    v.customIds = config.customRules.map((r) => r.ruleId);
  }
  for (const [key, val] of Object.entries(value)) {
    switch (key) {
      case "extends": {
        const list = v.stringList(val, "extends");
        list.forEach((p, i) => {
          if (!(PRESETS as readonly string[]).includes(p)) v.fail(`extends[${i}]`, `unknown preset '${p}'${hint(p, PRESETS)} (expected one of ${PRESETS.join(", ")})`);
        });
        config.extends = list as Preset[];
        break;
      }
      case "rules":
        config.rules = v.rules(val, "rules");
        break;
      case "ignore":
        config.ignore = val === null ? [] : v.stringList(val, "ignore");
        break;
      case "overrides": {
        if (val === null) break;
        if (!Array.isArray(val)) v.fail("overrides", "expected a list of { files, rules }");
        config.overrides = val.map((o: unknown, i: number) => {
          const k = `overrides[${i}]`;
          if (!isObject(o)) v.fail(k, "expected a mapping with keys files, rules");
          for (const field of Object.keys(o)) {
            if (field !== "files" && field !== "rules") v.fail(`${k}.${field}`, `unknown key${hint(field, ["files", "rules"])} (expected files, rules)`);
          }
          if (o.files === undefined) v.fail(`${k}.files`, "required: the globs this override applies to");
          return { files: v.stringList(o.files, `${k}.files`), rules: v.rules(o.rules, `${k}.rules`) };
        });
        break;
      }
      case "settings": {
        if (val === null) break;
        if (!isObject(val)) v.fail("settings", "expected a mapping");
        for (const [sk, sv] of Object.entries(val)) {
          if (sk === "kubernetesVersion") {
            if (typeof sv !== "string" || !/^\d+\.\d+$/u.test(sv)) {
              v.fail("settings.kubernetesVersion", `expected a quoted "major.minor" string such as "1.31"${typeof sv === "number" ? " (unquoted, YAML reads it as a number: 1.30 becomes 1.3)" : ""}`);
            }
            config.settings.kubernetesVersion = sv;
          } else if (sk === "annotationSuppressions") {
            if (typeof sv !== "boolean") v.fail("settings.annotationSuppressions", "expected true or false");
            config.annotationSuppressions = sv;
          } else if (sk === "migrationAnnotations") {
            if (typeof sv !== "boolean") v.fail("settings.migrationAnnotations", "expected true or false");
            config.migrationAnnotations = sv;
          } else if (sk === "crdSchemas") {
            // Files/folders of CRD manifests whose schemas the schema rules apply (relative to this file).
            config.settings.crdSchemas = v.stringList(sv, "settings.crdSchemas").map((p) => resolve(dir, p));
          } else {
            // Other settings (trustedRegistries, …) are read by the rules from settings.kubeguard.
            config.settings[sk] = sv;
          }
        }
        break;
      }
      case "customRules":
        break; // validated above
      default:
        v.fail(key, `unknown key${hint(key, TOP_KEYS)} (expected one of ${TOP_KEYS.join(", ")})`);
    }
  }
  return config;
}

/** Read, parse and validate a configuration file. Throws ConfigError. */
export function loadConfigFile(path: string, cwd: string): KubeguardConfig {
  const abs = resolve(cwd, path);
  const display = relative(cwd, abs) || abs;
  let text: string;
  try {
    text = readFileSync(abs, "utf8");
  } catch (err) {
    throw new ConfigError(`${display}: cannot read the configuration file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const { value, errors } = parseConfigYaml(text);
  if (errors.length) {
    const e = errors[0]!;
    throw new ConfigError(`${display}:${e.line}:${e.column}: invalid YAML: ${e.message}`);
  }
  return validateConfig(value, display, abs, dirname(abs));
}
