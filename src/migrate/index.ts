/**
 * @fileoverview Migration from other linters, through each rule's `meta.docs.equivalents`:
 * - `equivalentsIndex(tool)`: peer check id → kubeguard rule ids (also used to honour the other
 *   tools' suppression annotations, src/language/source-code.ts);
 * - `migrateConfig(tool, value)`: a kube-linter, Polaris or Checkov configuration → the text of the
 *   equivalent `.kubeguard.yaml` (checks on/off → rules on/off; ids without an equivalent are listed
 *   as comments, never dropped silently).
 */
import { rules } from "../../rules/index.js";
import { eslintSeverity } from "../eslint/index.js";
import type { K8sRuleDefinition } from "../rule.js";
import { rulesFor, type PeerTool } from "./equivalents.js";

export { equivalentsIndex, normalisePeerId, rulesFor, rulesWithEquivalents, type PeerTool } from "./equivalents.js";

export const MIGRATE_TOOLS = ["kube-linter", "polaris", "checkov"] as const;
export type MigrateTool = (typeof MIGRATE_TOOLS)[number];

export const SCHEMA_URL = "https://raw.githubusercontent.com/kubeguard/kubeguard/main/schema/kubeguard.schema.json";

/** A migration problem (bad input file): exit 2. */
export class MigrateError extends Error {
  override name = "MigrateError";
}

type Level = "off" | "warn" | "error";
const LEVEL_RANK: Record<Level, number> = { off: 0, warn: 1, error: 2 };

interface Plan {
  extends: string[];
  rules: Map<string, { level: Level; from: string[] }>;
  ignore: string[];
  /** Comment lines about what was not migrated. */
  notes: string[];
  /** Peer ids with no kubeguard equivalent. */
  unknown: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function idList(value: unknown, key: string): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === "string") return value.split(",").map((s) => s.trim()).filter(Boolean);
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) throw new MigrateError(`${key}: expected a list of check ids`);
  return (value as string[]).map((s) => s.trim()).filter(Boolean);
}

function defaultLevel(ruleId: string): Level {
  const rule = (rules as Record<string, K8sRuleDefinition>)[ruleId];
  return rule ? eslintSeverity(rule.meta.docs.severity) : "error";
}

/** Set a rule's level; `mode` says how conflicts resolve (exclude wins, or the strongest level wins). */
function setRule(plan: Plan, ruleId: string, level: Level, from: string, mode: "exclude-wins" | "strongest"): void {
  const cur = plan.rules.get(ruleId);
  if (!cur) {
    plan.rules.set(ruleId, { level, from: [from] });
    return;
  }
  if (!cur.from.includes(from)) cur.from.push(from);
  if (mode === "exclude-wins") cur.level = cur.level === "off" || level === "off" ? "off" : level;
  else if (LEVEL_RANK[level] > LEVEL_RANK[cur.level]) cur.level = level;
}

function mapIds(plan: Plan, tool: PeerTool, ids: string[], level: (ruleId: string) => Level, mode: "exclude-wins" | "strongest", what: string): void {
  for (const id of ids) {
    const targets = rulesFor(tool, id);
    if (!targets.length) {
      plan.unknown.push(`${tool} check '${id}' (${what})`);
      continue;
    }
    for (const t of targets) setRule(plan, t, level(t), id, mode);
  }
}

function planKubeLinter(value: Record<string, unknown>): Plan {
  const plan: Plan = { extends: ["recommended"], rules: new Map(), ignore: [], notes: [], unknown: [] };
  const checks = value.checks === undefined || value.checks === null ? {} : value.checks;
  if (!isObject(checks)) throw new MigrateError("checks: expected a mapping { addAllBuiltIn, doNotAutoAddDefaults, include, exclude }");
  if (checks.addAllBuiltIn === true) plan.extends = ["all"];
  else if (checks.doNotAutoAddDefaults === true) plan.extends = [];
  mapIds(plan, "kube-linter", idList(checks.include, "checks.include"), defaultLevel, "exclude-wins", "include");
  mapIds(plan, "kube-linter", idList(checks.exclude, "checks.exclude"), () => "off", "exclude-wins", "exclude");
  for (const key of ["ignorePaths"]) {
    for (const p of [...idList(checks[key], `checks.${key}`), ...idList(value[key], key)]) plan.ignore.push(p);
  }
  if (Array.isArray(value.customChecks)) {
    for (const c of value.customChecks) {
      const name = isObject(c) && typeof c.name === "string" ? c.name : "?";
      const template = isObject(c) && typeof c.template === "string" ? c.template : "?";
      plan.notes.push(`kube-linter custom check '${name}' (template ${template}): write it as a customRules entry`);
    }
  }
  for (const key of Object.keys(value)) if (!["checks", "customChecks", "ignorePaths"].includes(key)) plan.notes.push(`kube-linter setting '${key}' has no kubeguard equivalent`);
  return plan;
}

function planPolaris(value: Record<string, unknown>): Plan {
  const plan: Plan = { extends: [], rules: new Map(), ignore: [], notes: [], unknown: [] };
  const checks = value.checks ?? {};
  if (!isObject(checks)) throw new MigrateError("checks: expected a mapping of check id to danger, warning or ignore");
  const levels: Record<string, Level> = { danger: "error", warning: "warn", ignore: "off" };
  for (const [id, setting] of Object.entries(checks)) {
    const level = typeof setting === "string" ? levels[setting] : undefined;
    if (!level) throw new MigrateError(`checks.${id}: expected danger, warning or ignore`);
    mapIds(plan, "polaris", [id], () => level, "strongest", setting as string);
  }
  if (Array.isArray(value.exemptions) && value.exemptions.length) {
    plan.notes.push(`${value.exemptions.length} Polaris exemption(s) not migrated: use overrides by file, a kubeguard.io/ignore annotation, or keep the polaris.fairwinds.com/<check>-exempt annotations (honoured by default)`);
  }
  if (isObject(value.customChecks)) for (const name of Object.keys(value.customChecks)) plan.notes.push(`Polaris custom check '${name}': write it as a customRules entry`);
  for (const key of Object.keys(value)) if (!["checks", "exemptions", "customChecks"].includes(key)) plan.notes.push(`Polaris setting '${key}' has no kubeguard equivalent`);
  return plan;
}

function planCheckov(value: Record<string, unknown>): Plan {
  const plan: Plan = { extends: ["recommended"], rules: new Map(), ignore: [], notes: [], unknown: [] };
  const only = idList(value.check, "check");
  if (only.length) {
    plan.extends = [];
    mapIds(plan, "checkov", only, defaultLevel, "exclude-wins", "check");
  }
  mapIds(plan, "checkov", idList(value["skip-check"], "skip-check"), () => "off", "exclude-wins", "skip-check");
  for (const p of idList(value["skip-path"], "skip-path")) plan.ignore.push(p);
  for (const key of Object.keys(value)) if (!["check", "skip-check", "skip-path"].includes(key)) plan.notes.push(`Checkov setting '${key}' is not migrated`);
  return plan;
}

const comment = (text: string): string => text.replace(/[\r\n]+/gu, " ");
const yamlString = (s: string): string => (/^[A-Za-z0-9_./*-]+$/u.test(s) && !/^[-*]/u.test(s) ? s : JSON.stringify(s));

/**
 * The `.kubeguard.yaml` text equivalent to another tool's parsed configuration. `source` names the
 * input in the header comment.
 */
export function migrateConfig(tool: MigrateTool, value: unknown, source: string): { text: string; rules: number; unknown: string[]; notes: string[] } {
  if (value === null || value === undefined) value = {};
  if (!isObject(value)) throw new MigrateError("expected a mapping at the top level");
  const plan = tool === "kube-linter" ? planKubeLinter(value) : tool === "polaris" ? planPolaris(value) : planCheckov(value);
  const out: string[] = [
    `# yaml-language-server: $schema=${SCHEMA_URL}`,
    `# Generated by \`kubeguard migrate --from ${tool} ${comment(source)}\` through the rules' equivalents`,
    `# (docs/migration/${tool}.md). ${tool === "polaris" ? "Polaris" : tool === "checkov" ? "Checkov" : "kube-linter"} suppression annotations keep working (settings.migrationAnnotations).`,
    `extends: [${plan.extends.join(", ")}]`,
  ];
  const ids = [...plan.rules.keys()].sort();
  if (ids.length) {
    out.push("rules:");
    const width = Math.max(...ids.map((id) => id.length + plan.rules.get(id)!.level.length + 2));
    for (const id of ids) {
      const r = plan.rules.get(id)!;
      out.push(`  ${`${id}: ${r.level}`.padEnd(width)}  # ${tool}: ${comment(r.from.join(", "))}`);
    }
  }
  if (plan.ignore.length) {
    out.push("ignore:");
    for (const p of plan.ignore) out.push(`  - ${yamlString(p)}`);
  }
  if (plan.unknown.length) {
    out.push("# No kubeguard equivalent yet (not migrated):");
    for (const u of plan.unknown) out.push(`#   ${comment(u)}`);
  }
  if (plan.notes.length) {
    out.push("# Notes:");
    for (const n of plan.notes) out.push(`#   ${comment(n)}`);
  }
  return { text: `${out.join("\n")}\n`, rules: ids.length, unknown: plan.unknown, notes: plan.notes };
}
