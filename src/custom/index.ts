/**
 * @fileoverview Declarative custom rules (`customRules` in `.kubeguard.yaml`), validated and compiled
 * into real ESLint rules of the kubeguard plugin (`kubeguard/custom-<id>`). A custom rule selects
 * values of each matching resource with a JSONPath (jsonpath-plus, ALWAYS `eval: false`: filter and
 * script expressions are refused at load time and cannot run), tests a condition, and reports the
 * YAML node the JSONPath result came from — so findings have exact ranges, suppressions, levels and
 * docs links like built-in rules.
 *
 *   customRules:
 *     - id: require-team-label
 *       description: Every workload names its owning team
 *       severity: medium
 *       kinds: [Deployment, StatefulSet]
 *       select: $.metadata.labels.team
 *       condition: { absent: true }
 *       message: "{{kind}} '{{name}}' has no {{path}} label"
 *       fix: { value: unassigned }
 */
import { pathToFileURL } from "node:url";
import { JSONPath } from "jsonpath-plus";
import type { MapNode, PairNode, ResourceNode, YamlNode } from "../language/ast.js";
import { asMap, deref, getPair, staticValue } from "../language/query.js";
import { asFix, renderString, replaceNode, setIn } from "../fix/index.js";
import { createRule, reportHardening, SEVERITIES, type K8sRuleDefinition, type RuleTextEdit, type Severity } from "../rule.js";

export const CUSTOM_PREFIX = "custom-";

export const CONDITION_KEYS = ["exists", "absent", "equals", "notEquals", "matches", "notMatches", "oneOf", "notOneOf", "greaterThan", "lessThan"] as const;
export type ConditionKey = (typeof CONDITION_KEYS)[number];
export const MESSAGE_PLACEHOLDERS = ["value", "path", "kind", "name", "namespace", "apiVersion", "id"] as const;
const RULE_KEYS = ["id", "description", "severity", "kinds", "apiVersions", "select", "condition", "message", "fix", "url"];

export interface CustomCondition {
  key: ConditionKey;
  /** The operand (list for oneOf, number for comparisons, the regex source for matches). */
  operand: unknown;
  regex: RegExp | null;
}

/** A validated custom rule. */
export interface CustomRuleSpec {
  /** The id as written in the configuration. */
  id: string;
  /** The rule id inside kubeguard: `custom-<id>` (bare), `kubeguard/custom-<id>` in ESLint. */
  ruleId: string;
  description: string;
  severity: Severity;
  /** Kinds the rule applies to; `*` matches every kind. */
  kinds: string[];
  apiVersions: string[] | null;
  select: string;
  condition: CustomCondition;
  message: string;
  fix: { value: unknown } | null;
  /** Docs link: `url`, else the configuration file that defines the rule. */
  url: string;
}

type Fail = (key: string, message: string) => never;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The rule id for a custom rule id as written. */
export function customRuleId(id: string): string {
  return id.startsWith(CUSTOM_PREFIX) ? id : `${CUSTOM_PREFIX}${id}`;
}

/** Path segments that are not a plain key or index (wildcards, recursion, slices, unions, …). */
function isSimpleSegment(seg: string): boolean {
  return !(seg === "*" || seg === ".." || seg === "^" || seg === "~" || seg === "$" || seg === "@" || /^-?\d*:-?\d*(?::-?\d*)?$/u.test(seg) || seg.includes(",") || seg.startsWith("?(") || seg.startsWith("(") || seg.startsWith("`"));
}

/**
 * Validate a JSONPath selector: it must parse, start at the root and use no script or filter
 * expression (`[?(…)]`, `[(…)]`: jsonpath-plus would need `eval` for them; kubeguard never enables it).
 */
export function checkSelector(select: string): string | null {
  if (!select.startsWith("$")) return "expected a JSONPath starting with $ (e.g. $.spec.template.spec.hostNetwork)";
  let segs: string[];
  try {
    segs = JSONPath.toPathArray(select).slice();
  } catch (err) {
    return `invalid JSONPath (${(err as Error).message})`;
  }
  if (/[?]\s*\(|\[\s*\(/u.test(select) || segs.some((s) => s.startsWith("?(") || s.startsWith("(") || s.includes("@."))) {
    return "filter and script expressions ([?(…)], [(…)]) are not supported: kubeguard evaluates JSONPath with eval disabled; select the values and test them with condition instead";
  }
  if (segs.some((s) => s.startsWith("`"))) return "escaped property names (`) are not supported";
  const open = (select.match(/\[/gu) ?? []).length;
  const close = (select.match(/\]/gu) ?? []).length;
  if (open !== close) return "invalid JSONPath (unbalanced brackets)";
  if (segs.length < 2 || segs[0] !== "$") return "expected a JSONPath below the resource root, e.g. $.metadata.labels.team";
  return null;
}

function checkRegex(source: string): RegExp | string {
  try {
    return new RegExp(source, "u");
  } catch (err) {
    return `invalid regular expression (${(err as Error).message.replace(/^Invalid regular expression: /u, "")})`;
  }
}

function validateCondition(value: unknown, key: string, fail: Fail): CustomCondition {
  if (!isObject(value)) fail(key, `expected a mapping with one of ${CONDITION_KEYS.join(", ")}`);
  const keys = Object.keys(value);
  if (keys.length !== 1) fail(key, `expected exactly one of ${CONDITION_KEYS.join(", ")}${keys.length ? ` (got ${keys.join(", ")})` : ""}`);
  const k = keys[0]!;
  const operand = value[k];
  const ck = `${key}.${k}`;
  if (!(CONDITION_KEYS as readonly string[]).includes(k)) fail(ck, `unknown condition (expected one of ${CONDITION_KEYS.join(", ")})`);
  const cond = k as ConditionKey;
  switch (cond) {
    case "exists":
    case "absent":
      if (operand !== true) fail(ck, "expected true");
      return { key: cond, operand: true, regex: null };
    case "equals":
    case "notEquals":
      if (operand === undefined) fail(ck, "expected a value");
      return { key: cond, operand, regex: null };
    case "matches":
    case "notMatches": {
      if (typeof operand !== "string") fail(ck, "expected a regular expression (a string)");
      const re = checkRegex(operand);
      if (typeof re === "string") fail(ck, re);
      return { key: cond, operand, regex: re };
    }
    case "oneOf":
    case "notOneOf":
      if (!Array.isArray(operand) || operand.length === 0 || operand.some((v) => isObject(v) || Array.isArray(v))) fail(ck, "expected a non-empty list of scalar values");
      return { key: cond, operand, regex: null };
    case "greaterThan":
    case "lessThan":
      if (typeof operand !== "number" || !Number.isFinite(operand)) fail(ck, "expected a number");
      return { key: cond, operand, regex: null };
  }
}

/**
 * Validate the `customRules` list. `builtinIds` are the built-in rule ids (a custom rule may not
 * shadow one); `configPath` gives the default docs link. Throws through `fail` (a ConfigError).
 */
export function validateCustomRules(value: unknown, fail: Fail, builtinIds: readonly string[], configPath: string | null): CustomRuleSpec[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) fail("customRules", "expected a list of rules { id, description, severity, kinds, select, condition, message }");
  const seen = new Map<string, number>();
  return value.map((raw: unknown, i: number): CustomRuleSpec => {
    const k = `customRules[${i}]`;
    if (!isObject(raw)) fail(k, "expected a mapping with keys id, description, severity, kinds, select, condition, message");
    for (const field of Object.keys(raw)) if (!RULE_KEYS.includes(field)) fail(`${k}.${field}`, `unknown key (expected ${RULE_KEYS.join(", ")})`);
    for (const field of ["id", "description", "severity", "kinds", "select", "condition", "message"]) {
      if (raw[field] === undefined || raw[field] === null) fail(`${k}.${field}`, "required");
    }
    const id = raw.id;
    if (typeof id !== "string" || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(id)) fail(`${k}.id`, "expected a kebab-case id such as require-team-label");
    const ruleId = customRuleId(id);
    if (builtinIds.includes(ruleId) || builtinIds.includes(id)) fail(`${k}.id`, `'${id}' is a built-in rule id`);
    if (seen.has(ruleId)) fail(`${k}.id`, `duplicate id '${id}' (also customRules[${seen.get(ruleId)}])`);
    seen.set(ruleId, i);
    if (typeof raw.description !== "string" || raw.description.trim() === "") fail(`${k}.description`, "expected a non-empty string");
    if (typeof raw.severity !== "string" || !(SEVERITIES as readonly string[]).includes(raw.severity)) fail(`${k}.severity`, `expected one of ${SEVERITIES.join(", ")}`);
    const list = (v: unknown, key: string): string[] => {
      const arr = typeof v === "string" ? [v] : v;
      if (!Array.isArray(arr) || arr.length === 0 || arr.some((s) => typeof s !== "string" || s === "")) fail(key, "expected a non-empty list of strings");
      return arr as string[];
    };
    const kinds = list(raw.kinds, `${k}.kinds`);
    const apiVersions = raw.apiVersions === undefined ? null : list(raw.apiVersions, `${k}.apiVersions`);
    if (typeof raw.select !== "string") fail(`${k}.select`, "expected a JSONPath string");
    const selectProblem = checkSelector(raw.select);
    if (selectProblem) fail(`${k}.select`, selectProblem);
    const condition = validateCondition(raw.condition, `${k}.condition`, fail);
    if (typeof raw.message !== "string" || raw.message.trim() === "") fail(`${k}.message`, "expected a non-empty string");
    for (const m of raw.message.matchAll(/\{\{\s*([^}\s]*)\s*\}\}/gu)) {
      if (!(MESSAGE_PLACEHOLDERS as readonly string[]).includes(m[1]!)) fail(`${k}.message`, `unknown placeholder {{${m[1]}}} (expected ${MESSAGE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ")})`);
    }
    let fix: CustomRuleSpec["fix"] = null;
    if (raw.fix !== undefined && raw.fix !== null) {
      if (!isObject(raw.fix) || !("value" in raw.fix) || Object.keys(raw.fix).length !== 1) fail(`${k}.fix`, "expected { value: <the value to write> }");
      if (condition.key === "exists" && !isSimpleTail(raw.select)) fail(`${k}.fix`, "a fix for an exists condition replaces the selected value");
      fix = { value: raw.fix.value };
    }
    if (raw.url !== undefined && (typeof raw.url !== "string" || !/^(https?|file):\/\//u.test(raw.url))) fail(`${k}.url`, "expected an http(s) or file URL");
    const url = (raw.url as string | undefined) ?? (configPath ? pathToFileURL(configPath).href : "https://github.com/kubeguard/kubeguard/blob/main/docs/custom-rules.md");
    return {
      id,
      ruleId,
      description: raw.description,
      severity: raw.severity as Severity,
      kinds,
      apiVersions,
      select: raw.select,
      condition,
      message: raw.message,
      fix,
      url,
    };
  });
}

function isSimpleTail(select: string): boolean {
  const segs = JSONPath.toPathArray(select);
  return isSimpleSegment(segs[segs.length - 1]!);
}

/** `spec.containers[0]["app.kubernetes.io/name"]` from path segments (no `$`). */
export function formatPath(segs: readonly (string | number)[]): string {
  let out = "";
  for (const s of segs) {
    if (typeof s === "number" || /^\d+$/u.test(s)) out += `[${s}]`;
    else if (/^[A-Za-z_][\w-]*$/u.test(s)) out += out ? `.${s}` : s;
    else if (s === "*" || s === "..") out += s === "*" ? "[*]" : "..";
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/** Where a JSONPath result lives in the AST. */
interface Located {
  /** The value node (null when the value is written as nothing). */
  node: YamlNode | null;
  /** The pair holding it, when it is a mapping value. */
  pair: PairNode | null;
}

/** Walk path segments (from a JSONPath result's `path`) down the AST, following aliases and merge keys. */
function locate(root: MapNode, segs: readonly string[]): Located | null {
  let cur: YamlNode | null = root;
  let pair: PairNode | null = null;
  for (const seg of segs) {
    const n = deref(cur);
    if (!n) return null;
    if (n.type === "Map") {
      pair = getPair(n, seg);
      if (!pair) return null;
      cur = pair.value;
    } else if (n.type === "Seq") {
      const idx = Number(seg);
      if (!Number.isInteger(idx) || idx < 0 || idx >= n.items.length) return null;
      pair = null;
      cur = n.items[idx] ?? null;
    } else return null;
  }
  return { node: cur, pair };
}

/** A short, exact range to report for a node that stands for "here" (a mapping: its `name` pair's key, else its first key). */
function anchorOf(located: Located, resource: ResourceNode): { range: [number, number] } {
  if (located.pair?.key) return located.pair.key;
  const map = asMap(located.node);
  if (map) {
    const named = map === resource.node ? getPair(map, "kind") : getPair(map, "name");
    const p = named ?? map.pairs[0];
    if (p?.key) return p.key;
  }
  return located.node ?? resource.node;
}

function isPresent(v: unknown): boolean {
  return v !== undefined && v !== null;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === "object" && typeof b === "object" && a !== null && b !== null) return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

/** Whether a selected value is a violation of the condition. */
export function violates(condition: CustomCondition, value: unknown): boolean {
  const op = condition.operand;
  switch (condition.key) {
    case "exists":
      return isPresent(value);
    case "absent":
      return !isPresent(value);
    case "equals":
      return sameValue(value, op);
    case "notEquals":
      return !sameValue(value, op);
    case "matches":
      return isScalarLike(value) && condition.regex!.test(String(value));
    case "notMatches":
      return !isScalarLike(value) || !condition.regex!.test(String(value));
    case "oneOf":
      return (op as unknown[]).some((o) => sameValue(value, o));
    case "notOneOf":
      return !(op as unknown[]).some((o) => sameValue(value, o));
    case "greaterThan":
      return toNumber(value) !== null && toNumber(value)! > (op as number);
    case "lessThan":
      return toNumber(value) !== null && toNumber(value)! < (op as number);
  }
}

function isScalarLike(v: unknown): boolean {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean";
}

function toNumber(v: unknown): number | null {
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^\s*-?\d+(\.\d+)?\s*$/u.test(v)) return Number(v);
  return null;
}

/** The value rendered as YAML text for a fix (a scalar, or a flow collection). */
export function renderValue(value: unknown): string {
  if (typeof value === "string") return renderString(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null) return "null";
  return JSON.stringify(value);
}

function displayValue(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

export interface SelectMatch {
  /** Path segments below the resource root. */
  segs: string[];
  value: unknown;
}

/**
 * Evaluate a JSONPath over a plain value. `eval: false` always: a filter or script expression
 * throws inside jsonpath-plus before anything runs; such paths select nothing here.
 */
export function select(path: string | string[], json: unknown): SelectMatch[] {
  let results: { path: string; value: unknown }[];
  try {
    results = JSONPath({ path, json: json as object, resultType: "all", eval: false, wrap: true }) as { path: string; value: unknown }[];
  } catch {
    return [];
  }
  if (!Array.isArray(results)) return [];
  return results.map((r) => ({ segs: JSONPath.toPathArray(r.path).slice(1), value: r.value }));
}

/** Build the ESLint rule for a custom rule. */
export function createCustomRule(spec: CustomRuleSpec): K8sRuleDefinition {
  const allSegs = JSONPath.toPathArray(spec.select).slice(1);
  let lastSpecial = -1;
  allSegs.forEach((s, i) => {
    if (!isSimpleSegment(s)) lastSpecial = i;
  });
  const anyKind = spec.kinds.includes("*");
  const rule = createRule<"custom" | "fix", []>({
    name: spec.ruleId,
    meta: {
      type: "problem",
      docs: { description: spec.description, severity: spec.severity, presets: [] },
      messages: { custom: spec.message, fix: `Set ${formatPath(allSegs)} to ${displayValue(spec.fix?.value)}.` },
      ...(spec.fix ? { fixable: "code" as const, hasSuggestions: true } : {}),
      schema: [],
    },
    defaultOptions: [],
    create(context) {
      const sourceCode = context.sourceCode;
      return {
        Resource(resource) {
          if (!anyKind && (!resource.kind || !spec.kinds.includes(resource.kind))) return;
          if (spec.apiVersions && (!resource.apiVersion || !spec.apiVersions.includes(resource.apiVersion))) return;
          const data = (segs: readonly string[], value: unknown): Record<string, string> => ({
            value: displayValue(value),
            path: formatPath(segs),
            kind: resource.kind ?? "",
            name: resource.name ?? "",
            namespace: resource.namespace ?? "",
            apiVersion: resource.apiVersion ?? "",
            id: spec.ruleId,
          });
          const json = staticValue(resource.node);
          if (spec.condition.key === "absent") {
            // Anchors: the values the non-simple prefix selects (the resource itself without one).
            const anchors: SelectMatch[] = lastSpecial === -1 ? [{ segs: [], value: json }] : select(["$", ...allSegs.slice(0, lastSpecial + 1)], json);
            const tail = allSegs.slice(lastSpecial + 1);
            for (const anchor of anchors) {
              const base = locate(resource.node, anchor.segs);
              if (!base) continue;
              // Walk the simple tail as far as it exists.
              let deepest: Located = base;
              let depth = 0;
              let lastMap: MapNode | null = asMap(base.node);
              let lastMapDepth = 0;
              for (let i = 0; i < tail.length; i++) {
                const next = locate(resource.node, [...anchor.segs, ...tail.slice(0, i + 1)]);
                if (!next) break;
                deepest = next;
                // `key:` written with no value counts as absent, but it is the closest existing node.
                if (next.node === null || (deref(next.node)?.type === "Scalar" && staticValue(next.node) === null)) break;
                depth++;
                if (asMap(next.node)) {
                  lastMap = asMap(next.node);
                  lastMapDepth = depth;
                }
              }
              if (depth === tail.length) continue; // present
              const segs = [...anchor.segs, ...tail];
              const fixEdits = (): RuleTextEdit[] | null => {
                if (!spec.fix || !lastMap) return null;
                const rest = tail.slice(lastMapDepth);
                if (rest.some((s) => /^\d+$/u.test(s))) return null;
                return setIn(sourceCode, lastMap, rest.slice(0, -1), rest[rest.length - 1]!, renderValue(spec.fix.value));
              };
              report(anchorOf(deepest, resource), data(segs, undefined), fixEdits());
            }
            return;
          }
          for (const m of select(spec.select, json)) {
            if (!violates(spec.condition, m.value)) continue;
            const located = locate(resource.node, m.segs);
            if (!located) continue;
            const target = located.pair ?? located.node;
            if (!target) continue;
            const valueNode = located.node;
            const fixEdits =
              spec.fix && valueNode && (valueNode.type === "Scalar" || ((valueNode.type === "Map" || valueNode.type === "Seq") && valueNode.flow))
                ? replaceNode(sourceCode, valueNode, renderValue(spec.fix.value))
                : null;
            report(target, data(m.segs, m.value), fixEdits);
          }
        },
      };
      function report(node: { range: [number, number] }, data: Record<string, string>, edits: RuleTextEdit[] | null): void {
        if (!spec.fix) {
          context.report({ node, messageId: "custom", data });
          return;
        }
        reportHardening(context, { node, messageId: "custom", data }, { messageId: "fix", fix: asFix(edits) });
      }
    },
  });
  rule.meta.docs.url = spec.url;
  return rule as unknown as K8sRuleDefinition;
}

/** The ESLint rules for a configuration's custom rules, keyed by rule name (`custom-<id>`). */
export function customRuleDefinitions(specs: readonly CustomRuleSpec[]): Record<string, K8sRuleDefinition> {
  return Object.fromEntries(specs.map((s) => [s.ruleId, createCustomRule(s)]));
}

