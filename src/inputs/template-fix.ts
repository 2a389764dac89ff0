/**
 * @fileoverview `--fix` for rendered Helm output: never write into the rendering; write into the
 * template a person edits, and only where that is provably right.
 *
 * A fix is an edit of the rendered text. It is carried to the template only when every rendered
 * line it touches is *literal template text*: the same bytes appear, in the same order, at a
 * known template position (a line-by-line alignment of the rendered document with its
 * `# Source:` template in which only lines without any `{{ … }}` action can match, and that two
 * opposite tie-breaks agree on), so no action overlaps the edited span and the indentation is the
 * template's own. The edit then replaces those whole template lines with the edited rendered lines.
 *
 * Then it is verified: the edited templates are rendered again with the real helm (first in a
 * temporary copy of the chart, then the chart itself after an atomic write); the documents of the
 * edited templates (all documents when the template defines named templates) must be exactly the
 * rendering with the fix applied, and must parse. Otherwise nothing stays written and the finding
 * says why. Fixes run in passes like ESLint's (overlapping fixes wait for the next pass), so a
 * second `--fix` changes nothing.
 *
 * Every other fix becomes a suggestion (`sourceFix` on the message): the `values.yaml` key to set
 * when the node comes from `.Values` (a `toYaml`/`with` block or a `key: {{ .Values.x }}` line),
 * else what to change by hand at the template line.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative, sep } from "node:path";
import type { KubeguardMessage as ProcessedMessage } from "../eslint/processor.js";
import type { KeySeg } from "../language/registry.js";
import type { YamlNode } from "../language/ast.js";
import { parseYaml } from "../language/parse.js";
import { renderString } from "../fix/index.js";
import { hasYamlErrors, writeFileAtomic } from "../cli/write.js";
import type { FileOutcome } from "../cli/engine.js";
import { renderChart, resolveHelmSource, type HelmOptions } from "./helm.js";
import { matchTemplate, outlineTemplate, type TemplateOutline } from "../sourcemap/template.js";
import { findPath, parseDotted } from "../sourcemap/yaml-path.js";

/** What `--fix` did, or what a person does, for a finding in rendered Helm output. */
export interface SourceFix {
  /**
   * `template`: the fix is literal template text (`applied` once written and verified);
   * `values`: set or remove a key in values.yaml; `manual`: no automatic fix in the source.
   */
  kind: "template" | "values" | "manual";
  applied?: boolean;
  /** The file to edit (template or values.yaml) and, when known, the line. */
  file: string;
  line?: number;
  /** For `values`: the dotted values key and what to do with it. */
  key?: string;
  value?: unknown;
  remove?: boolean;
  /** For people (stylish prints it under the finding). */
  text: string;
  /** Why `--fix` does not write the template (not literal, did not verify, …). */
  reason?: string;
}

export type RenderedMessage = ProcessedMessage & { sourceFix?: SourceFix };
export interface TextEdit {
  range: [number, number];
  text: string;
}

export interface TemplateFixOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  helm: Omit<HelmOptions, "timeoutMs">;
  /** The chart folder that was rendered, or null for `helm template` output read from a file or stdin. */
  chartDir: string | null;
  /** The fix `kubeguard --fix` applies for a message (its fix, or the hardening suggestion), or null. */
  editOf(m: ProcessedMessage): TextEdit | null;
  /** `report`: only attach suggestions; `fix`: write verified template fixes; `dry-run`: diff them. */
  mode: "report" | "fix" | "dry-run";
  /** Lint a rendered text (the CLI's rendering linter: no fixes applied, hardening as fixes under --fix). */
  lint(text: string): Promise<FileOutcome[]>;
}

export interface TemplateFixOutcome {
  /** The lint outcomes of the final rendered text (after fixes), with `sourceFix` on messages. */
  outcomes: FileOutcome[];
  /** The final rendered text. */
  text: string;
  /** Templates written. */
  written: string[];
  /** `--fix-dry-run`: the unified diff of the templates. */
  diff: string;
}

// ---------------------------------------------------------------------------------------------
// Rendered documents

/** Text that is `helm template` output: a `# Source: <chart>/<path>` comment line. */
export const HELM_OUTPUT = /^# Source: [^\s/]+\/\S/mu;

export interface HelmDoc {
  /** Offsets of the document's text (after its `---` line) in the rendered text. */
  start: number;
  end: number;
  source: string | null;
}

/** Split `helm template` output at its `---` lines; each document's `# Source:`. */
export function splitHelmDocs(text: string): HelmDoc[] {
  const docs: HelmDoc[] = [];
  let start = 0;
  let pos = 0;
  const push = (end: number): void => {
    const body = text.slice(start, end);
    const m = /^# Source: (.+?)[ \t]*\r?$/mu.exec(body);
    if (body.trim() !== "") docs.push({ start, end, source: m ? m[1]! : null });
  };
  while (pos <= text.length) {
    const nl = text.indexOf("\n", pos);
    const lineEnd = nl === -1 ? text.length : nl;
    if (/^---[ \t]*\r?$/u.test(text.slice(pos, lineEnd))) {
      push(pos);
      start = nl === -1 ? text.length : nl + 1;
    }
    if (nl === -1) break;
    pos = nl + 1;
  }
  push(text.length);
  return docs;
}

/** Line start offsets of `text` (first is 0). */
function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) out.push(i + 1);
  return out;
}

/** Lines of a text without their line breaks (a final empty line after the last break included). */
const splitLines = (text: string): string[] => text.split("\n").map((l) => l.replace(/\r$/u, ""));

/** Which template lines are literal: no part of any `{{ … }}` action (multi-line ones included) is on them. */
export function literalLines(template: string): boolean[] {
  const starts = lineStarts(template);
  const literal = new Array<boolean>(starts.length).fill(true);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  let i = template.indexOf("{{");
  while (i !== -1) {
    const close = template.indexOf("}}", i + 2);
    const end = close === -1 ? template.length : close + 2;
    for (let l = lineOf(i); l <= lineOf(Math.max(i, end - 1)); l++) literal[l] = false;
    i = close === -1 ? -1 : template.indexOf("{{", end);
  }
  return literal;
}

/** Cells of the alignment table above which a document is not aligned (memory bound). */
const MAX_ALIGN_CELLS = 6_000_000;

/**
 * Align rendered lines with template lines: only a literal template line equal to the rendered
 * line can match. Two longest common subsequences are traced, one preferring early and one
 * late matches; a rendered line is mapped only when both agree (else -1).
 */
export function alignLines(rendered: string[], template: string[], literal: boolean[]): Int32Array | null {
  const n = rendered.length;
  const m = template.length;
  if ((n + 1) * (m + 1) > MAX_ALIGN_CELLS) return null;
  const ids = new Map<string, number>();
  const tId = template.map((l, j) => {
    if (!literal[j] || l.trim() === "") return -1;
    let id = ids.get(l);
    if (id === undefined) ids.set(l, (id = ids.size));
    return id;
  });
  const rId = rendered.map((l) => ids.get(l) ?? -2);
  const eq = (i: number, j: number): boolean => rId[i] === tId[j] && rId[i]! >= 0;
  const w = m + 1;
  // suf[i][j]: LCS of rendered[i:] and template[j:].
  const suf = new Int32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      suf[i * w + j] = eq(i, j) ? suf[(i + 1) * w + j + 1]! + 1 : Math.max(suf[(i + 1) * w + j]!, suf[i * w + j + 1]!);
    }
  }
  const forward = new Int32Array(n).fill(-1);
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (eq(i, j) && suf[i * w + j] === suf[(i + 1) * w + j + 1]! + 1) forward[i++] = j++;
    else if (suf[(i + 1) * w + j]! > suf[i * w + j + 1]!) i++;
    else j++; // on a tie keep the rendered line: the earliest rendered lines match
  }
  // pre[i][j]: LCS of rendered[:i] and template[:j].
  const pre = new Int32Array((n + 1) * w);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      pre[i * w + j] = eq(i - 1, j - 1) ? pre[(i - 1) * w + j - 1]! + 1 : Math.max(pre[(i - 1) * w + j]!, pre[i * w + j - 1]!);
    }
  }
  const out = new Int32Array(n).fill(-1);
  for (let i = n, j = m; i > 0 && j > 0; ) {
    if (eq(i - 1, j - 1) && pre[i * w + j] === pre[(i - 1) * w + j - 1]! + 1) {
      if (forward[i - 1] === j - 1) out[i - 1] = j - 1;
      i--;
      j--;
    } else if (pre[(i - 1) * w + j]! >= pre[i * w + j - 1]!) i--; // on a tie drop the rendered line: the latest match
    else j--;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Mapping one rendered edit to the template

export interface TemplateEdit {
  file: string;
  /** Offsets in the template. */
  start: number;
  end: number;
  text: string;
  /** 1-based template line of the edit. */
  line: number;
}

interface DocCache {
  lines: string[];
  starts: number[];
  broken: boolean;
  align: Map<string, Int32Array | null>;
}

interface TemplateInfo {
  file: string;
  /** The chart folder whose values.yaml applies (the innermost subchart). */
  chartDir: string;
  /** The chart folder that is rendered (the top chart). */
  top: string;
  text: string;
  lines: string[];
  starts: number[];
  literal: boolean[];
  outline: TemplateOutline;
  defines: boolean;
}

/**
 * Carry a rendered edit into the template: the edit is widened to whole rendered lines; each of
 * them must be aligned, in order and contiguously, with literal template lines holding the same
 * bytes. Returns the template edit, or why there is none.
 */
export function mapEdit(rendered: string, doc: HelmDoc, docCache: DocCache, tpl: TemplateInfo, edit: TextEdit): TemplateEdit | { reason: string } {
  const [s, e] = edit.range;
  if (s < doc.start || e > doc.end || s > e) return { reason: "the fix is not inside one rendered document" };
  if (docCache.broken) return { reason: "the rendered document has YAML errors" };
  let align = docCache.align.get(tpl.file);
  if (align === undefined) {
    align = alignLines(docCache.lines, tpl.lines, tpl.literal);
    docCache.align.set(tpl.file, align);
  }
  if (!align) return { reason: "the template is too large to align with its rendering" };
  // Whole rendered lines a..b (document-relative) covering [s, e).
  const rel = (offset: number): number => {
    let lo = 0;
    let hi = docCache.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (docCache.starts[mid]! + doc.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const a = rel(s);
  const b = e > s && rendered[e - 1] === "\n" ? rel(e - 1) : rel(e);
  const regionStart = doc.start + docCache.starts[a]!;
  const nextStart = b + 1 < docCache.starts.length ? doc.start + docCache.starts[b + 1]! : doc.end;
  const regionEnd = Math.min(nextStart, doc.end);
  for (let k = a; k <= b; k++) {
    const t = align[k]!;
    if (t < 0) return { reason: "the fixed text is not literal template text (it comes from a {{ }} action, toYaml, include or a condition)" };
    if (k > a && t !== align[k - 1]! + 1) return { reason: "the fixed lines are not next to each other in the template" };
  }
  const tStart = tpl.starts[align[a]!]!;
  const lastT = align[b]!;
  const renderedRegion = rendered.slice(regionStart, regionEnd);
  const tEndFull = lastT + 1 < tpl.starts.length ? tpl.starts[lastT + 1]! : tpl.text.length;
  // The rendered region ends with a line break unless it is the document's last line.
  const tEnd = renderedRegion.endsWith("\n") ? tEndFull : tStart + renderedRegion.length;
  if (tpl.text.slice(tStart, tEnd) !== renderedRegion) return { reason: "the template text differs from the rendered text (line endings or trailing text)" };
  const text = rendered.slice(regionStart, s) + edit.text + rendered.slice(e, regionEnd);
  return { file: tpl.file, start: tStart, end: tEnd, text, line: align[a]! + 1 };
}

/** Apply non-overlapping edits (sorted here) to a text. */
function applyEdits(text: string, edits: { start: number; end: number; text: string }[]): string {
  let out = "";
  let pos = 0;
  for (const ed of [...edits].sort((x, y) => x.start - y.start || x.end - y.end)) {
    out += text.slice(pos, ed.start) + ed.text;
    pos = ed.end;
  }
  return out + text.slice(pos);
}

// ---------------------------------------------------------------------------------------------
// Suggestions (values key, or by hand)

type Plain = string | number | boolean | null | Plain[] | { [k: string]: Plain };

function plain(node: YamlNode | null): Plain {
  if (!node) return null;
  if (node.type === "Scalar") return typeof node.value === "bigint" ? node.value.toString() : node.value;
  if (node.type === "Seq") return node.items.map(plain);
  if (node.type === "Map") {
    const o: { [k: string]: Plain } = {};
    for (const p of node.pairs) o[p.key?.type === "Scalar" ? String(p.key.value) : ""] = plain(p.value);
    return o;
  }
  return null;
}

type DiffPath = (string | { index: number; name?: string })[];
interface Change {
  path: DiffPath;
  remove: boolean;
  value: Plain;
  old: Plain | undefined;
}

const isObj = (v: Plain | undefined): v is { [k: string]: Plain } => typeof v === "object" && v !== null && !Array.isArray(v);

/** Differences from `a` to `b`: mappings recurse; anything else changed is set as a whole. */
function diff(a: Plain | undefined, b: Plain | undefined, path: DiffPath, out: Change[]): void {
  if (isObj(a) && isObj(b)) {
    for (const k of Object.keys(b)) if (!(k in a) || JSON.stringify(a[k]) !== JSON.stringify(b[k])) diff(a[k], b[k], [...path, k], out);
    for (const k of Object.keys(a)) if (!(k in b)) out.push({ path: [...path, k], remove: true, value: null, old: a[k] });
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((item, i) => {
      if (JSON.stringify(item) === JSON.stringify(b[i])) return;
      const name = isObj(item) && typeof item.name === "string" ? item.name : undefined;
      diff(item, b[i], [...path, name === undefined ? { index: i } : { index: i, name }], out);
    });
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, remove: b === undefined, value: b ?? null, old: a });
}

/** A value as one line of YAML (flow style for collections). */
export function flowYaml(v: Plain): string {
  if (v === null) return "null";
  if (typeof v === "string") return renderString(v);
  if (typeof v !== "object") return String(v);
  if (Array.isArray(v)) return `[${v.map(flowYaml).join(", ")}]`;
  return `{${Object.entries(v)
    .map(([k, x]) => `${renderString(k)}: ${flowYaml(x)}`)
    .join(", ")}}`;
}

const toKeySegs = (p: DiffPath): KeySeg[] => p.map((s) => (typeof s === "string" ? { key: s } : s));
const dotted = (p: DiffPath): string => p.map((s) => (typeof s === "string" ? s : `[${s.index}]`)).join(".").replace(/\.\[/gu, "[");

/**
 * The outline without entries that lie in another sequence item than the path does (a key of
 * container `proxy` cannot have produced a node of container `api`): for each entry, the name of
 * the innermost item the path is in at that entry's depth must be the entry's item name.
 */
function itemsOf(outline: TemplateOutline, path: KeySeg[]): TemplateOutline {
  const nameAtDepth = (keys: number): string | undefined => {
    let seen = 0;
    let name: string | undefined;
    for (const seg of path) {
      if ("key" in seg) {
        if (seen === keys) break;
        seen++;
      } else name = seg.name;
    }
    return name;
  };
  return { ...outline, entries: outline.entries.filter((e) => e.itemName === null || nameAtDepth(e.keys.length) === undefined || nameAtDepth(e.keys.length) === e.itemName) };
}

/** The suggestion for a fix that is not literal template text: the values key, or the template line. */
function suggestionFor(rendered: string, doc: HelmDoc, tpl: TemplateInfo, edit: TextEdit, kind: string | null, cwd: string, reason: string): SourceFix {
  const docText = rendered.slice(doc.start, doc.end);
  const after = applyEdits(docText, [{ start: edit.range[0] - doc.start, end: edit.range[1] - doc.start, text: edit.text }]);
  const before = plain(parseYaml(docText).documents[0]?.content ?? null);
  const changed = plain(parseYaml(after).documents[0]?.content ?? null);
  const changes: Change[] = [];
  diff(before, changed, [], changes);
  const rel = (f: string): string => {
    const r = relative(cwd, f);
    return r && !r.startsWith("..") ? r.split(sep).join("/") : f;
  };
  const manual = (line?: number): SourceFix => {
    const what = changes.length
      ? changes.map((c) => (c.remove ? `remove \`${dotted(c.path)}\`` : `set \`${dotted(c.path)}: ${flowYaml(c.value)}\``)).join(", ")
      : "apply the fix";
    return { kind: "manual", file: tpl.file, ...(line ? { line } : {}), text: `${what} in ${rel(tpl.file)}${line ? `:${line}` : ""} (by hand)`, reason };
  };
  if (changes.length !== 1) return manual();
  const c = changes[0]!;
  const segs = toKeySegs(c.path);
  const scalar = c.old !== undefined && (c.old === null || typeof c.old !== "object") ? String(c.old) : null;
  const match = matchTemplate(itemsOf(tpl.outline, segs), segs, kind, scalar);
  if (match.kind === "none") return manual();
  const line = match.entry.line;
  const base = match.entry.valuesRefs.length === 1 ? match.entry.valuesRefs[0]! : null;
  if (base === null || match.valuesPath === null || match.valuesPath === "") return manual(line);
  // The part of the changed path below the template entry: its keys in the values.
  const restKeys = match.kind === "block" ? match.valuesPath.slice(base.length).replace(/^\./u, "") : "";
  const valuesFile = join(tpl.chartDir, "values.yaml");
  let valuesLine: number | undefined;
  try {
    const text = readFileSync(valuesFile, "utf8");
    const hit = findPath(text, parseYaml(text).documents[0]?.content ?? null, parseDotted(match.valuesPath));
    if (hit) valuesLine = hit.line;
  } catch {
    // No values.yaml: still name the key.
  }
  const where = `${rel(valuesFile)}${valuesLine ? `:${valuesLine}` : ""}`;
  const action = c.remove ? `remove \`${restKeys || base}\`` : `set \`${restKeys || base}: ${flowYaml(c.value)}\``;
  const text = restKeys ? `${action} under \`${base}\` in ${where}` : `${action} in ${where}`;
  return {
    kind: "values",
    file: valuesFile,
    ...(valuesLine ? { line: valuesLine } : {}),
    key: match.valuesPath,
    ...(c.remove ? { remove: true } : { value: c.value }),
    text,
    reason,
  };
}

// ---------------------------------------------------------------------------------------------
// Verification with the real helm

interface Group {
  top: string;
  /** Template file → its edits (template offsets) and the rendered edits they carry. */
  files: Map<string, { tpl: TemplateInfo; edits: TemplateEdit[]; rendered: TextEdit[]; keys: string[] }>;
}

/** The documents (text without trailing blank space) whose `# Source:` is in `sources` (all: null). */
const docsBySource = (text: string, sources: Set<string> | null): string[] =>
  splitHelmDocs(text)
    .filter((d) => sources === null || (d.source !== null && sources.has(d.source)))
    .map((d) => text.slice(d.start, d.end).replace(/\s+$/u, ""));

/** The `# Source:` names of the rendered documents that come from a template file. */
function sourcesOf(rendered: string, files: Set<string>, resolveDoc: (source: string) => TemplateInfo | null): Set<string> {
  const out = new Set<string>();
  for (const d of splitHelmDocs(rendered)) if (d.source && files.has(resolveDoc(d.source)?.file ?? "")) out.add(d.source);
  return out;
}

/** Render `chartDir` and compare with the expected text; null when it matches, else why not. */
async function verifyRender(chartDir: string, expected: string, sources: Set<string> | null, options: TemplateFixOptions): Promise<{ reason: string | null; text?: string }> {
  const r = await renderChart(chartDir, options.helm, options.cwd, options.env);
  if (!r.ok) return { reason: `the chart does not render with the fix: ${r.error.split("\n").slice(-1)[0]!.trim()}` };
  const got = docsBySource(r.stdout, sources);
  const want = docsBySource(expected, sources);
  if (got.length !== want.length || got.some((d, i) => d !== want[i])) return { reason: "the re-rendered chart is not the rendering with the fix applied" };
  for (const d of got) if (hasYamlErrors(d, "rendered.yaml")) return { reason: "the re-rendered documents do not parse" };
  return { reason: null, text: r.stdout };
}

// ---------------------------------------------------------------------------------------------
// The driver

const MAX_PASSES = 10;

/** Lint rendered Helm output, apply template fixes (per `mode`) and attach suggestions. */
export async function fixRenderedHelm(text: string, options: TemplateFixOptions): Promise<TemplateFixOutcome> {
  const templates = new Map<string, TemplateInfo | null>();
  const resolved = new Map<string, TemplateInfo | null>();
  const chartDirs = options.chartDir ? [options.chartDir] : [];
  const templateOf = (source: string): TemplateInfo | null => {
    if (resolved.has(source)) return resolved.get(source)!;
    const r = resolveHelmSource(source, chartDirs, options.cwd);
    let info: TemplateInfo | null = null;
    if (r) {
      if (!templates.has(r.file)) {
        try {
          const bytes = readFileSync(r.file);
          const t = bytes.toString("utf8");
          // Not valid UTF-8 (decoding replaced bytes with U+FFFD): writing it back would lose them.
          if (!Buffer.from(t, "utf8").equals(bytes)) throw new Error("not UTF-8");
          const rest = source.slice(source.indexOf("/") + 1);
          const top = r.file.slice(0, r.file.length - rest.length - 1);
          templates.set(r.file, {
            file: r.file,
            chartDir: r.chartDir,
            top,
            text: t,
            lines: splitLines(t),
            starts: lineStarts(t),
            literal: literalLines(t),
            outline: outlineTemplate(t),
            defines: /\{\{-?\s*define\b/u.test(t),
          });
        } catch {
          templates.set(r.file, null);
        }
      }
      info = templates.get(r.file)!;
    }
    resolved.set(source, info);
    return info;
  };

  /** Why a template edit (by key) was not written. */
  const failed = new Map<string, string>();
  const written = new Set<string>();
  let diffText = "";
  let current = text;
  let outcomes = await options.lint(current);

  interface Planned {
    message: RenderedMessage;
    edit: TextEdit;
    doc: HelmDoc;
    tpl: TemplateInfo | null;
    mapped: TemplateEdit | { reason: string };
    kind: string | null;
  }
  const plan = (rendered: string, msgs: RenderedMessage[]): Planned[] => {
    const docs = splitHelmDocs(rendered);
    const caches = new Map<HelmDoc, DocCache>();
    const out: Planned[] = [];
    for (const m of msgs) {
      const edit = options.editOf(m);
      if (!edit || !m.helmSource) continue;
      const doc = docs.find((d) => d.start <= edit.range[0] && edit.range[0] <= d.end);
      if (!doc || !doc.source) continue;
      const tpl = templateOf(doc.source);
      let cache = caches.get(doc);
      if (!cache) {
        const body = rendered.slice(doc.start, doc.end);
        caches.set(doc, (cache = { lines: splitLines(body), starts: lineStarts(body), broken: hasYamlErrors(body, "rendered.yaml"), align: new Map() }));
      }
      const mapped = tpl ? mapEdit(rendered, doc, cache, tpl, edit) : { reason: `template ${doc.source} not found` };
      out.push({ message: m, edit, doc, tpl, mapped, kind: m.resource?.kind ?? null });
    }
    return out;
  };
  const keyOf = (e: TemplateEdit): string => `${e.file}\0${e.start}\0${e.end}\0${e.text}`;

  if (options.mode !== "report") {
    const copies = new Map<string, string>();
    const baselineChecked = new Map<string, string | null>();
    try {
      for (let pass = 0; pass < (options.mode === "dry-run" ? 1 : MAX_PASSES); pass++) {
        const msgs = outcomes.flatMap((o) => o.result.messages as RenderedMessage[]);
        // ESLint's rule: in rendered-offset order, a fix overlapping an earlier one waits.
        const planned = plan(current, msgs)
          .filter((p): p is Planned & { mapped: TemplateEdit } => "file" in p.mapped && !failed.has(keyOf(p.mapped)))
          .sort((x, y) => x.edit.range[0] - y.edit.range[0] || x.edit.range[1] - y.edit.range[1]);
        const groups = new Map<string, Group>();
        let lastRendered = -Infinity;
        const seen = new Set<string>();
        for (const p of planned) {
          const key = keyOf(p.mapped);
          if (p.edit.range[0] <= lastRendered) continue;
          const tpl = p.tpl!;
          let g = groups.get(tpl.top);
          if (!g) groups.set(tpl.top, (g = { top: tpl.top, files: new Map() }));
          let f = g.files.get(tpl.file);
          if (!f) g.files.set(tpl.file, (f = { tpl, edits: [], rendered: [], keys: [] }));
          if (seen.has(key)) {
            // The same template edit for another rendered copy (a range loop): one write, all copies fixed.
            f.rendered.push(p.edit);
            lastRendered = p.edit.range[1];
            continue;
          }
          if (f.edits.some((x) => x.start < p.mapped.end && p.mapped.start < x.end) || f.edits.some((x) => x.start === p.mapped.start && x.end === p.mapped.end)) continue;
          seen.add(key);
          f.edits.push(p.mapped);
          f.rendered.push(p.edit);
          f.keys.push(key);
          lastRendered = p.edit.range[1];
        }
        if (!groups.size) break;

        let progress = false;
        const allRendered: TextEdit[] = [];
        for (const g of groups.values()) {
          // Helm output from a file or stdin: the chart must render it with kubeguard's helm options.
          if (!options.chartDir && !baselineChecked.has(g.top)) {
            const files = new Set(g.files.keys());
            const v = await verifyRender(g.top, current, sourcesOf(current, files, templateOf), options);
            baselineChecked.set(
              g.top,
              v.reason === null ? null : `the chart does not render to this input with kubeguard's helm options (pass the same --helm-values, --helm-set, --helm-release, --helm-namespace): ${v.reason}`,
            );
          }
          const baseline = baselineChecked.get(g.top) ?? null;
          if (baseline) {
            for (const f of g.files.values()) for (const k of f.keys) failed.set(k, baseline);
            continue;
          }
          let copy = copies.get(g.top);
          if (!copy) {
            const tmp = mkdtempSync(join(tmpdir(), "kubeguard-fix-"));
            copy = join(tmp, basename(g.top));
            cpSync(g.top, copy, { recursive: true, dereference: true });
            copies.set(g.top, copy);
          }
          const copyPath = (file: string): string => join(copy!, relative(g.top, file));
          const tryFiles = async (files: { tpl: TemplateInfo; edits: TemplateEdit[]; rendered: TextEdit[] }[], dir: string, write: (file: string, t: string) => void): Promise<string | null> => {
            const expected = applyEdits(current, files.flatMap((f) => f.rendered.map((r) => ({ start: r.range[0], end: r.range[1], text: r.text }))));
            const sources = files.some((f) => f.tpl.defines) ? null : sourcesOf(current, new Set(files.map((f) => f.tpl.file)), templateOf);
            for (const f of files) write(f.tpl.file, applyEdits(f.tpl.text, f.edits));
            const v = await verifyRender(dir, expected, sources, options);
            return v.reason;
          };
          const restoreCopy = (files: { tpl: TemplateInfo }[]): void => {
            for (const f of files) writeFileSync(copyPath(f.tpl.file), f.tpl.text);
          };
          const all = [...g.files.values()];
          let accepted: typeof all = [];
          const together = await tryFiles(all, copy, (file, t) => writeFileSync(copyPath(file), t));
          restoreCopy(all);
          if (together === null) accepted = all;
          else if (all.length === 1) {
            for (const k of all[0]!.keys) failed.set(k, together);
          } else {
            for (const f of all) {
              const why = await tryFiles([f], copy, (file, t) => writeFileSync(copyPath(file), t));
              restoreCopy([f]);
              if (why === null) accepted.push(f);
              else for (const k of f.keys) failed.set(k, why);
            }
          }
          if (!accepted.length) continue;
          if (options.mode === "dry-run") {
            const { createTwoFilesPatch, FILE_HEADERS_ONLY } = await import("diff");
            for (const f of accepted) {
              const rel = relative(options.cwd, f.tpl.file).split(sep).join("/") || f.tpl.file;
              diffText += createTwoFilesPatch(`a/${rel}`, `b/${rel}`, f.tpl.text, applyEdits(f.tpl.text, f.edits), undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
            }
            continue;
          }
          // Write the real templates (atomically), then render the chart itself once more.
          for (const f of accepted) {
            writeFileAtomic(f.tpl.file, applyEdits(f.tpl.text, f.edits));
          }
          const real = await tryFiles(accepted, g.top, () => undefined);
          if (real !== null) {
            for (const f of accepted) {
              writeFileAtomic(f.tpl.file, f.tpl.text);
              for (const k of f.keys) failed.set(k, real);
            }
            continue;
          }
          for (const f of accepted) {
            written.add(f.tpl.file);
            allRendered.push(...f.rendered);
            // The template as it is now, for the next pass.
            templates.delete(f.tpl.file);
            for (const [src, info] of resolved) if (info?.file === f.tpl.file) resolved.delete(src);
          }
          progress = true;
        }
        if (!progress) break;
        current = applyEdits(current, allRendered.map((r) => ({ start: r.range[0], end: r.range[1], text: r.text })));
        outcomes = await options.lint(current);
      }
    } finally {
      for (const copy of copies.values()) rmSync(join(copy, ".."), { recursive: true, force: true });
    }
  }

  // Suggestions on what is left.
  const msgs = outcomes.flatMap((o) => o.result.messages as RenderedMessage[]);
  for (const p of plan(current, msgs)) {
    if (!p.tpl) {
      const source = p.doc.source ?? "";
      p.message.sourceFix = { kind: "manual", file: source, text: `template ${source} not found (or not valid UTF-8): run kubeguard from the chart's parent folder to fix the template`, reason: "the template was not found or is not valid UTF-8" };
      continue;
    }
    const rel = relative(options.cwd, p.tpl.file).split(sep).join("/");
    if ("file" in p.mapped) {
      const why = failed.get(keyOf(p.mapped));
      if (!why) {
        p.message.sourceFix = {
          kind: "template",
          applied: false,
          file: p.mapped.file,
          line: p.mapped.line,
          text:
            options.mode === "fix"
              ? `not fixed in this run (another fix overlaps it): run kubeguard --fix again`
              : `kubeguard --fix edits ${rel}:${p.mapped.line} (literal template text)`,
        };
        continue;
      }
      // Literal template text, but the fix did not verify: say why it was not written.
      const hint = suggestionFor(current, p.doc, p.tpl, p.edit, p.kind, options.cwd, why);
      if (hint.kind === "manual") hint.text = `${hint.text}; kubeguard --fix did not write it: ${why}`;
      p.message.sourceFix = hint;
      continue;
    }
    p.message.sourceFix = suggestionFor(current, p.doc, p.tpl, p.edit, p.kind, options.cwd, p.mapped.reason);
  }
  return { outcomes, text: current, written: [...written], diff: diffText };
}
