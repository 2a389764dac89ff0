/**
 * @fileoverview The run-wide step of the cross-document analysis (see src/crossdoc/index.ts): one
 * index over the facts of every file of the run, each cross-document rule's `check` once, and
 * ESLint-shaped messages (positions, resource, key path for source mapping, related locations)
 * filtered by each file's suppression directives.
 */
import type { KeySeg } from "../language/registry.js";
import type { CrossRuleDefinition, Obj } from "./index.js";
import { defaultNode, ObjectIndex } from "./index.js";
import type { DirectiveFact, FileFacts } from "./facts.js";
import type { Snap } from "./snapshot.js";

/** What the linting thread sends back for a file on which cross-document rules ran. */
export interface CrossFile {
  facts: FileFacts;
  /** Enabled cross-document rules (bare ids) with their ESLint severity and options for this file. */
  rules: Record<string, { severity: 1 | 2; options: unknown[] }>;
  settings: Record<string, unknown>;
}

export interface RelatedLocation {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

/** A finding in ESLint's message shape plus kubeguard's extras. */
export interface CrossMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  messageId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  nodeType: string;
  resource: { apiVersion: string | null; kind: string | null; namespace: string | null; name: string | null; docIndex: number };
  helmSource?: string;
  keyPath?: KeySeg[];
  related?: RelatedLocation[];
  suppressions?: { kind: string; justification: string }[];
}

export interface CrossRunInput {
  files: Map<string, CrossFile>;
  rules: Map<string, CrossRuleDefinition>;
  /** The text the file's offsets refer to (as ESLint saw it: no BOM). */
  textOf(file: string): string | null;
  /** How a file is named in messages (relative to the working folder). */
  display(file: string): string;
  releaseNamespace?: string | null;
}

export interface CrossRunOutput {
  messages: Map<string, CrossMessage[]>;
  suppressed: Map<string, CrossMessage[]>;
}

/** Line starts of a text, for offset → position. */
class Positions {
  readonly #starts = new Map<string, number[]>();
  constructor(private readonly textOf: (file: string) => string | null) {}

  at(file: string, offset: number): { line: number; column: number } {
    let starts = this.#starts.get(file);
    if (!starts) {
      starts = [0];
      const text = this.textOf(file) ?? "";
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
      }
      this.#starts.set(file, starts);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! };
  }
}

/** The key path from an object's root snapshot to `target` (depth-first; only for reported nodes). */
export function pathOf(root: Snap, target: Snap): KeySeg[] | null {
  if (root === target) return [];
  if (root.m) {
    for (const [k, v] of Object.entries(root.m)) {
      const sub = pathOf(v, target);
      if (sub) return [{ key: k }, ...sub];
    }
  } else if (root.s) {
    for (let i = 0; i < root.s.length; i++) {
      const item = root.s[i];
      if (!item) continue;
      const sub = pathOf(item, target);
      if (sub) {
        const name = item.m?.name?.v;
        return [typeof name === "string" ? { index: i, name } : { index: i }, ...sub];
      }
    }
  }
  return null;
}

function interpolate(template: string, data: Record<string, string | number> | undefined): string {
  return template.replace(/\{\{\s*([^{}]+?)\s*\}\}/gu, (all, name: string) => (data && Object.hasOwn(data, name) ? String(data[name]) : all));
}

/** Whether a directive list suppresses a rule at a position (ESLint's semantics). */
export function suppressedBy(directives: DirectiveFact[], rule: string, line: number, column: number): DirectiveFact | null {
  const applies = (d: DirectiveFact): boolean => d.rules === null || d.rules.includes(rule);
  let block: DirectiveFact | null = null;
  let allOff: DirectiveFact | null = null;
  const exceptions = new Set<string>();
  const ordered = directives.filter((d) => d.type === "disable" || d.type === "enable").sort((a, b) => a.line - b.line || a.column - b.column);
  const off = new Map<string, DirectiveFact>();
  for (const d of ordered) {
    if (d.line > line || (d.line === line && d.column > column)) break;
    if (d.type === "disable") {
      if (d.rules === null) {
        allOff = d;
        exceptions.clear();
      } else for (const r of d.rules) off.set(r, d);
    } else if (d.rules === null) {
      allOff = null;
      off.clear();
    } else {
      for (const r of d.rules) {
        off.delete(r);
        if (allOff) exceptions.add(r);
      }
    }
  }
  block = off.get(rule) ?? (allOff && !exceptions.has(rule) ? allOff : null);
  if (block) return block;
  for (const d of directives) {
    if (d.type === "disable-line" && d.line === line && applies(d)) return d;
    if (d.type === "disable-next-line" && d.endLine + 1 === line && applies(d)) return d;
  }
  return null;
}

/** Run every enabled cross-document rule over the run's facts. */
export function runCrossRules(input: CrossRunInput): CrossRunOutput {
  const out: CrossRunOutput = { messages: new Map(), suppressed: new Map() };
  if (!input.files.size) return out;
  const facts = new Map<string, FileFacts>();
  let settings: Record<string, unknown> = {};
  for (const [file, f] of input.files) {
    facts.set(file, f.facts);
    if (!Object.keys(settings).length) settings = f.settings;
  }
  const releaseNamespace = input.releaseNamespace ?? (typeof settings.releaseNamespace === "string" ? settings.releaseNamespace : null);
  const index = new ObjectIndex(facts, { releaseNamespace });
  const positions = new Positions(input.textOf);
  const span = (file: string, node: Snap): { line: number; column: number; endLine: number; endColumn: number } => {
    const s = positions.at(file, node.r[0]);
    const e = positions.at(file, node.r[1]);
    return { line: s.line, column: s.column + 1, endLine: e.line, endColumn: e.column + 1 };
  };

  const ruleNames = new Set<string>();
  for (const f of input.files.values()) for (const name of Object.keys(f.rules)) ruleNames.add(name);
  for (const name of [...ruleNames].sort()) {
    const rule = input.rules.get(name);
    if (!rule) continue;
    const qualified = `kubeguard/${name}`;
    const seen = new Set<string>();
    rule.crossCheck({
      index,
      optionsFor: (file) => (input.files.get(file)?.rules[name]?.options ?? rule.defaultOptions) as never,
      enabledIn: (file) => Boolean(input.files.get(file)?.rules[name]),
      settings,
      where: (obj: Obj, node?: Snap | null) => `${input.display(obj.file)}:${positions.at(obj.file, (node ?? defaultNode(obj)).r[0]).line}`,
      report(r) {
        const file = r.obj.file;
        const cfg = input.files.get(file)?.rules[name];
        if (!cfg) return;
        const node = r.node ?? defaultNode(r.obj);
        const pos = span(file, node);
        const template = (rule.meta.messages as Record<string, string>)[r.messageId] ?? r.messageId;
        const message = interpolate(template, r.data);
        const key = `${file}\u0000${pos.line}:${pos.column}\u0000${message}`;
        if (seen.has(key)) return;
        seen.add(key);
        const fact = r.obj.fact;
        const m: CrossMessage = {
          ruleId: qualified,
          severity: cfg.severity,
          message,
          messageId: r.messageId,
          ...pos,
          nodeType: "Resource",
          resource: { apiVersion: fact.apiVersion, kind: fact.kind, namespace: fact.namespace, name: fact.name, docIndex: fact.docIndex },
        };
        if (fact.helmSource) m.helmSource = fact.helmSource;
        const keyPath = r.path ? r.path.map((seg) => (typeof seg === "number" ? { index: seg } : { key: seg })) : pathOf(r.obj.snap, node);
        if (keyPath?.length) m.keyPath = keyPath;
        if (r.related?.length) {
          m.related = r.related.map((rel) => ({ file: rel.obj.file, ...span(rel.obj.file, rel.node ?? defaultNode(rel.obj)), message: rel.message }));
        }
        const directive = suppressedBy(input.files.get(file)!.facts.directives, qualified, m.line, m.column - 1);
        if (directive) {
          m.suppressions = [{ kind: "directive", justification: directive.justification }];
          push(out.suppressed, file, m);
        } else push(out.messages, file, m);
      },
    });
  }
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
