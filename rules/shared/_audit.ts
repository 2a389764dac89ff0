/**
 * @fileoverview Shared model of an audit `Policy` (`audit.k8s.io/v1`) for the `audit-*` rules:
 * rules with their selectors, first-match evaluation against a request class, and rule subsumption
 * (a later rule fully covered by an earlier one).
 *
 * Matching follows kubernetes/apiserver `pkg/audit/policy/checker.go` (`ruleMatches`): every
 * non-empty selector must match; `users` by user name, `userGroups` by any group of the user,
 * `verbs` by exact verb (no wildcard); a rule with `resources` or `namespaces` matches only resource
 * requests, one with `nonResourceURLs` only non-resource requests, one with neither matches every
 * request. A `resources` item matches when its `group` equals the request's group exactly (`""` =
 * core; there is no group wildcard), and it lists no resources, or one of them is the
 * resource[/subresource], `*`, `*` + `/<subresource>` or `<resource>/*` (with `resourceNames`, only
 * those names). `namespaces: [""]` selects cluster-scoped requests. Non-resource URLs match exactly,
 * `*`, or by prefix with a trailing `*`. The first matching rule decides; none matching = `None`.
 */
import type { MapNode, PairNode, ResourceNode, SeqNode, YamlNode } from "../../src/language/ast.js";
import type { K8sSourceCode } from "../../src/language/source-code.js";
import { asMap, asSeq, get, getPair, getSeq, keyName, scalarString, seqItems } from "../../src/language/query.js";
import { canEdit, lineEndAfter, lineStartOf } from "../../src/fix/index.js";
import type { RuleTextEdit } from "../../src/rule.js";

export const AUDIT_LEVELS = ["None", "Metadata", "Request", "RequestResponse"] as const;
export const AUDIT_STAGES = ["RequestReceived", "ResponseStarted", "ResponseComplete", "Panic"] as const;
export const POLICY_KEYS = ["apiVersion", "kind", "metadata", "rules", "omitStages", "omitManagedFields"] as const;
export const RULE_KEYS = ["level", "users", "userGroups", "verbs", "resources", "namespaces", "nonResourceURLs", "omitStages", "omitManagedFields"] as const;
export const GROUP_RESOURCE_KEYS = ["group", "resources", "resourceNames"] as const;

/** Whether a resource is an audit Policy of any `audit.k8s.io` version. */
export function isAuditPolicy(resource: ResourceNode): boolean {
  return resource.kind === "Policy" && (resource.apiVersion ?? "").startsWith("audit.k8s.io/");
}

/** An audit Policy whose document parsed cleanly (templates with YAML errors are `valid-yaml`'s). */
export function isAnalyzablePolicy(resource: ResourceNode): boolean {
  return isAuditPolicy(resource) && resource.document.errors.length === 0;
}

export interface GroupResources {
  node: MapNode;
  group: string;
  /** Empty = every resource of the group. */
  resources: string[];
  /** Empty = every name. */
  resourceNames: string[];
}

/** A request selector: null = not restricted. */
export interface Selector {
  users: string[] | null;
  userGroups: string[] | null;
  verbs: string[] | null;
  /** Which requests the rule can match at all. */
  scope: "any" | "resource" | "nonResource";
  namespaces: string[] | null;
  /** null = every resource (of a resource-scoped rule). */
  resources: { group: string; resources: string[]; resourceNames: string[] }[] | null;
  nonResourceURLs: string[] | null;
}

export interface AuditRule {
  node: MapNode;
  index: number;
  /** The `- ` list item node (the rule map itself). */
  item: YamlNode;
  level: string | null;
  levelPair: PairNode | null;
  selector: Selector;
  groupResources: GroupResources[];
  /** Whether the rule has no selector at all (matches every request). */
  catchAll: boolean;
}

function strings(seq: SeqNode | null): string[] {
  return seqItems(seq)
    .map((n) => scalarString(n))
    .filter((s): s is string => s !== null);
}

function list(map: MapNode, key: string): string[] | null {
  const v = strings(getSeq(map, key));
  return v.length ? v : null;
}

export function rulesSeq(resource: ResourceNode): SeqNode | null {
  return getSeq(resource.node, "rules");
}

export function auditRules(resource: ResourceNode): AuditRule[] {
  const out: AuditRule[] = [];
  seqItems(rulesSeq(resource)).forEach((item, index) => {
    const node = asMap(item);
    if (!node) return;
    const levelPair = getPair(node, "level");
    const groupResources: GroupResources[] = [];
    for (const gr of seqItems(getSeq(node, "resources"))) {
      const m = asMap(gr);
      if (!m) continue;
      groupResources.push({
        node: m,
        group: scalarString(get(m, "group")) ?? "",
        resources: strings(getSeq(m, "resources")),
        resourceNames: strings(getSeq(m, "resourceNames")),
      });
    }
    const namespaces = list(node, "namespaces");
    const nonResourceURLs = list(node, "nonResourceURLs");
    const resources = groupResources.length ? groupResources.map(({ group, resources: r, resourceNames }) => ({ group, resources: r, resourceNames })) : null;
    const scope: Selector["scope"] = namespaces || resources ? "resource" : nonResourceURLs ? "nonResource" : "any";
    const selector: Selector = {
      users: list(node, "users"),
      userGroups: list(node, "userGroups"),
      verbs: list(node, "verbs"),
      scope,
      namespaces,
      resources,
      nonResourceURLs: scope === "nonResource" ? nonResourceURLs : null,
    };
    const catchAll = !selector.users && !selector.userGroups && !selector.verbs && scope === "any";
    out.push({ node, index, item, level: scalarString(levelPair?.value ?? null), levelPair, selector, groupResources, catchAll });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Resource patterns

/** Whether a rule's resource pattern matches a concrete `resource[/subresource]`. */
export function patternMatches(pattern: string, combined: string): boolean {
  if (pattern === "*" || pattern === combined) return true;
  const slash = combined.indexOf("/");
  const resource = slash === -1 ? combined : combined.slice(0, slash);
  const sub = slash === -1 ? "" : combined.slice(slash + 1);
  if (sub && pattern.startsWith("*/") && pattern.slice(2) === sub) return true;
  if (pattern.endsWith("/*") && pattern.slice(0, -2) === resource) return true;
  return false;
}

/** Whether pattern `p` matches every request that pattern `q` matches. */
export function patternCovers(p: string, q: string): boolean {
  if (p === "*" || p === q) return true;
  if (q === "*") return false;
  if (p.startsWith("*/")) return q.includes("/") && q.slice(q.indexOf("/") + 1) === p.slice(2);
  // `pods/*` matches `pods` itself and every subresource of pods (the checker compares the bare resource).
  if (p.endsWith("/*")) return q === p.slice(0, -2) || q.startsWith(`${p.slice(0, -2)}/`);
  return false;
}

function urlCovers(p: string, q: string): boolean {
  if (p === "*" || p === q) return true;
  if (p.endsWith("*")) return q.startsWith(p.slice(0, -1));
  return false;
}

function subset(inner: string[] | null, outer: string[] | null): boolean {
  if (outer === null) return true;
  if (inner === null) return false;
  return inner.every((x) => outer.includes(x));
}

/** Whether every request selected by `inner` is also selected by `outer`. Conservative: false when unsure. */
export function selectorCovers(outer: Selector, inner: Selector): boolean {
  if (!subset(inner.users, outer.users)) return false;
  if (!subset(inner.userGroups, outer.userGroups)) return false;
  if (!subset(inner.verbs, outer.verbs)) return false;
  if (outer.scope === "any") return true;
  if (outer.scope !== inner.scope) return false;
  if (outer.scope === "nonResource") {
    const o = outer.nonResourceURLs ?? [];
    return (inner.nonResourceURLs ?? []).every((q) => o.some((p) => urlCovers(p, q)));
  }
  if (!subset(inner.namespaces, outer.namespaces)) return false;
  if (outer.resources === null) return true;
  if (inner.resources === null) return false;
  return inner.resources.every((ig) =>
    outer.resources!.some((og) => {
      if (og.group !== ig.group) return false;
      if (og.resourceNames.length && (!ig.resourceNames.length || !ig.resourceNames.every((n) => og.resourceNames.includes(n)))) return false;
      if (!og.resources.length) return true;
      if (!ig.resources.length) return og.resources.includes("*");
      return ig.resources.every((q) => og.resources.some((p) => patternCovers(p, q)));
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// First match for a request class

/** A class of resource requests: one group and resource[/subresource], some verbs (null = any). */
export interface RequestClass {
  group: string;
  resource: string;
  verbs: string[] | null;
}

/** The part of a rule's selector that applies to a request class, or null when it cannot match it. */
export function restrictTo(sel: Selector, t: RequestClass): Selector | null {
  if (sel.scope === "nonResource") return null;
  let verbs = sel.verbs;
  if (t.verbs) {
    verbs = sel.verbs ? sel.verbs.filter((v) => t.verbs!.includes(v)) : t.verbs;
    if (!verbs.length) return null;
  }
  let resources: Selector["resources"];
  if (sel.resources === null) {
    resources = [{ group: t.group, resources: [t.resource], resourceNames: [] }];
  } else {
    resources = [];
    for (const gr of sel.resources) {
      if (gr.group !== t.group) continue;
      if (gr.resources.length && !gr.resources.some((p) => patternMatches(p, t.resource))) continue;
      resources.push({ group: t.group, resources: [t.resource], resourceNames: gr.resourceNames });
    }
    if (!resources.length) return null;
    // Any item without names covers all names.
    if (resources.some((r) => !r.resourceNames.length)) resources = [{ group: t.group, resources: [t.resource], resourceNames: [] }];
  }
  return { ...sel, verbs, scope: "resource", resources, nonResourceURLs: null };
}

export function classSelector(t: RequestClass): Selector {
  return {
    users: null,
    userGroups: null,
    verbs: t.verbs,
    scope: "resource",
    namespaces: null,
    resources: [{ group: t.group, resources: [t.resource], resourceNames: [] }],
    nonResourceURLs: null,
  };
}

export interface ClassMatch {
  rule: AuditRule;
  /** The rule's selector restricted to the class. */
  part: Selector;
}

/**
 * The rules that are the first match for at least part of a request class, in order, and whether
 * some rule matches the whole class (if not, the rest falls through to the default level `None`).
 * A rule whose part of the class is already covered by a single earlier rule is left out.
 */
export function firstMatches(rules: AuditRule[], t: RequestClass): { matches: ClassMatch[]; complete: boolean } {
  const whole = classSelector(t);
  const earlier: Selector[] = [];
  const matches: ClassMatch[] = [];
  for (const rule of rules) {
    const part = restrictTo(rule.selector, t);
    if (!part) continue;
    if (!earlier.some((e) => selectorCovers(e, part))) matches.push({ rule, part });
    earlier.push(rule.selector);
    if (selectorCovers(rule.selector, whole)) return { matches, complete: true };
  }
  return { matches, complete: false };
}

/** A short human description of who/what a selector part is restricted to. */
export function describeRestriction(sel: Selector): string {
  const parts: string[] = [];
  if (sel.users) parts.push(`users ${sel.users.join(", ")}`);
  if (sel.userGroups) parts.push(`groups ${sel.userGroups.join(", ")}`);
  if (sel.verbs) parts.push(`verbs ${sel.verbs.join(", ")}`);
  if (sel.namespaces) parts.push(`namespaces ${sel.namespaces.map((n) => (n === "" ? '""' : n)).join(", ")}`);
  const names = sel.resources?.flatMap((r) => r.resourceNames) ?? [];
  if (names.length) parts.push(`names ${names.join(", ")}`);
  return parts.length ? ` (for ${parts.join("; ")})` : "";
}

/** The `- ` line of a rule for messages: 1-based rule number. */
export function ruleLabel(rule: AuditRule): string {
  return `rule ${rule.index + 1}${rule.level ? ` (level ${rule.level})` : ""}`;
}

/** Key names of a map (scalar keys only) with their pairs. */
export function keyedPairs(map: MapNode): { name: string; pair: PairNode }[] {
  const out: { name: string; pair: PairNode }[] = [];
  for (const p of map.pairs) {
    const n = keyName(p);
    if (n !== null) out.push({ name: n, pair: p });
  }
  return out;
}

/** Levenshtein distance (small strings only). */
export function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) dp[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      dp[i]![j] = Math.min(dp[i - 1]![j]! + 1, dp[i]![j - 1]! + 1, dp[i - 1]![j - 1]! + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
    }
  }
  return dp[a.length]![b.length]!;
}

/** The nearest valid key for a misspelt one (`resource` → `resources`, `verb` → `verbs`), or null. */
export function nearestKey(name: string, valid: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const v of valid) {
    const d = editDistance(name, v);
    if (d < bestD) {
      best = v;
      bestD = d;
    }
  }
  return best !== null && bestD <= Math.max(1, Math.floor(best.length / 4)) ? best : null;
}

export { asSeq };

// ---------------------------------------------------------------------------------------------
// Block-sequence edits used by audit and encryption suggestions (report-only when they bail out).

function afterBreak(text: string, offset: number): number {
  let pos = lineEndAfter(text, offset);
  if (text[pos] === "\r" && text[pos + 1] === "\n") return pos + 2;
  if (text[pos] === "\n" || text[pos] === "\r") return pos + 1;
  return pos;
}

/** Extend a line start upwards over the comment-only lines directly above it (they belong to the item). */
function withLeadingComments(text: string, start: number): number {
  let cur = start;
  while (cur > 0) {
    const prevEnd = text[cur - 1] === "\n" && text[cur - 2] === "\r" ? cur - 2 : cur - 1;
    const prevStart = lineStartOf(text, prevEnd);
    if (!text.slice(prevStart, prevEnd).trim().startsWith("#")) break;
    cur = prevStart;
  }
  return cur;
}

/** The start of the line of a block-sequence item's `- ` and the text before the dash (its indent). */
function itemLine(text: string, seq: SeqNode, item: YamlNode): { start: number; prefix: string } | null {
  if (seq.flow || !seq.items.includes(item)) return null;
  const dashAt = text.lastIndexOf("-", item.range[0] - 1);
  if (dashAt < seq.range[0] - 1) return null;
  const start = lineStartOf(text, dashAt);
  const prefix = text.slice(start, dashAt);
  if (prefix.trim() !== "" || text.slice(dashAt + 1, item.range[0]).trim() !== "") return null;
  return { start, prefix };
}

/**
 * Insert a new block item before `item` in a block sequence. `lines` are the new item's lines
 * relative to the dash: the first starts with `- `, the others are indented relative to the dash.
 */
export function insertSeqItemBefore(sourceCode: K8sSourceCode, seq: SeqNode, item: YamlNode, lines: string[]): RuleTextEdit[] | null {
  const text = sourceCode.text;
  if (!canEdit(sourceCode, seq.range[0], seq.range[1])) return null;
  const at = itemLine(text, seq, item);
  if (!at) return null;
  const eol = sourceCode.ast.eol;
  const start = withLeadingComments(text, at.start);
  return [{ range: [start, start], text: lines.map((l) => `${at.prefix}${l}${eol}`).join("") }];
}

/** Append a new block item (same shape as {@link insertSeqItemBefore}) after the last item. */
export function appendSeqBlockItem(sourceCode: K8sSourceCode, seq: SeqNode, lines: string[]): RuleTextEdit[] | null {
  const text = sourceCode.text;
  const last = seq.items[seq.items.length - 1];
  if (!last || !canEdit(sourceCode, seq.range[0], seq.range[1])) return null;
  const at = itemLine(text, seq, last);
  if (!at) return null;
  const eol = sourceCode.ast.eol;
  const end = lineEndAfter(text, last.range[1]);
  return [{ range: [end, end], text: lines.map((l) => `${eol}${at.prefix}${l}`).join("") }];
}

/** Move a block-sequence item (its whole lines) to just before another item of the same sequence. */
export function moveSeqItemBefore(sourceCode: K8sSourceCode, seq: SeqNode, item: YamlNode, before: YamlNode): RuleTextEdit[] | null {
  const text = sourceCode.text;
  if (!canEdit(sourceCode, seq.range[0], seq.range[1])) return null;
  const from = itemLine(text, seq, item);
  const to = itemLine(text, seq, before);
  if (!from || !to || from.prefix !== to.prefix || seq.items.indexOf(before) >= seq.items.indexOf(item)) return null;
  const end = afterBreak(text, item.range[1]);
  // Comments directly above an item travel with it.
  const fromStart = withLeadingComments(text, from.start);
  const toStart = withLeadingComments(text, to.start);
  let moved = text.slice(fromStart, end);
  if (!/[\r\n]$/u.test(moved)) moved += sourceCode.ast.eol;
  return [
    { range: [toStart, toStart], text: moved },
    { range: [fromStart, end], text: "" },
  ];
}

/** The node to report for a rule: its `level` value, or the rule map when it has none. */
export function ruleNode(rule: AuditRule): YamlNode {
  const v = rule.levelPair?.value ?? null;
  return v && v.range[0] !== v.range[1] ? v : rule.node;
}

/** Lines of a new `- level: <level>` rule selecting the given group/resources (and verbs). */
export function ruleLines(level: string, groups: { group: string; resources: string[] }[], verbs?: string[]): string[] {
  const lines = [`- level: ${level}`];
  if (verbs) lines.push(`  verbs: [${verbs.map((v) => JSON.stringify(v)).join(", ")}]`);
  lines.push("  resources:");
  for (const g of groups) {
    lines.push(`    - group: ${g.group === "" ? '""' : g.group}`);
    lines.push(`      resources: [${g.resources.map((r) => JSON.stringify(r)).join(", ")}]`);
  }
  return lines;
}

/** `secrets`, `tokenreviews.authentication.k8s.io`: a readable name for a request class. */
export function className(t: RequestClass): string {
  return t.group ? `${t.resource} (${t.group})` : t.resource;
}

/**
 * Rules that leave some requests of the classes unlogged (first match at level `None`), and the
 * classes some of whose requests match no rule at all (default `None`).
 */
export function unloggedRules(rules: AuditRule[], classes: RequestClass[]): { byRule: Map<AuditRule, RequestClass[]>; fallThrough: RequestClass[] } {
  const byRule = new Map<AuditRule, RequestClass[]>();
  const fallThrough: RequestClass[] = [];
  for (const t of classes) {
    const { matches, complete } = firstMatches(rules, t);
    for (const m of matches) {
      if (m.rule.level !== "None") continue;
      const list = byRule.get(m.rule) ?? [];
      list.push(t);
      byRule.set(m.rule, list);
    }
    if (!complete) fallThrough.push(t);
  }
  return { byRule, fallThrough };
}

/** Group request classes by API group for {@link ruleLines}. */
export function groupClasses(classes: RequestClass[]): { group: string; resources: string[] }[] {
  const out: { group: string; resources: string[] }[] = [];
  for (const t of classes) {
    let g = out.find((x) => x.group === t.group);
    if (!g) out.push((g = { group: t.group, resources: [] }));
    if (!g.resources.includes(t.resource)) g.resources.push(t.resource);
  }
  return out;
}
