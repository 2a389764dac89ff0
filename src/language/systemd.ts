/**
 * @fileoverview systemd unit files and drop-ins (kubelet.service, 10-kubeadm.conf, and the
 * kube-apiserver / kube-controller-manager / kube-scheduler / etcd / kube-proxy units of non-kubeadm
 * installs such as "Kubernetes the hard way") and environment files, parsed into UnitEntry lists
 * and one FlagSet per component `ExecStart=` with exact ranges. etcd units also get their
 * `ETCD_*` variables (from `Environment=` and `EnvironmentFile=`) as flags.
 *
 * Syntax (systemd.syntax(5), systemd.service(5), systemd.exec(5)):
 * - `[Section]` headers, `Key=Value` entries (whitespace around `=` ignored), `#`/`;` comment lines.
 * - A line ending in `\` continues on the next line; the backslash is read as a space. Comment
 *   lines between a continued line and its continuation are skipped. CR, LF and CRLF all end lines.
 * - `ExecStart=` with an empty value resets the command list (drop-ins).
 * - `ExecStart=` words split on whitespace honouring quotes; `$VAR` as a whole word expands to the
 *   variable split at whitespace, `${VAR}` to one argument; `$$` is a literal `$`.
 * - `Environment=` holds space-separated, optionally quoted `NAME=value` assignments;
 *   `EnvironmentFile=[-]/path` reads `NAME=value` lines (leading `-`: the file is optional).
 *   Settings from environment files override `Environment=`; later files override earlier ones.
 *
 * Every logical value keeps a per-character map to source offsets, so ranges stay exact across
 * continuations and CRLF.
 */
import { link } from "./ast.js";
import type { FlagNode, FlagSetNode, Range, UnitEntry, UnitFileNode } from "./ast.js";
import { BOOL_FLAGS, componentOf, KUBELET_BOOL_FLAGS, normaliseFlagName } from "./flags.js";

export interface UnitParseOptions {
  /** Environment files available in this run: absolute host path (as written in EnvironmentFile=) → text. */
  environmentFiles?: Record<string, string>;
}

/** Extra facts about a unit FlagSet that the AST interface has no field for (kept off the tree). */
export interface UnitFlagSetInfo {
  /** Range of the ExecStart command word (e.g. `/usr/bin/kubelet`). */
  commandRange: Range;
  /** Offset just after the last word of ExecStart (where a missing flag can be appended). */
  insertAt: number;
  /** Whether ExecStart has no argument at all (e.g. the kubeadm package's base kubelet.service). */
  bare: boolean;
  /**
   * Variables referenced by ExecStart whose value is unknown in this run (defined nowhere here
   * while an `EnvironmentFile=` is not available): they may carry more flags.
   */
  unknownVariables: string[];
  /**
   * Whether an `EnvironmentFile=` of the unit is not part of this run: etcd may read any flag from an
   * `ETCD_*` variable defined there, so an absent etcd flag is unknown, not absent.
   */
  unknownEnvironment: boolean;
  /** Whether ExecStart has a `--` word (flags appended after it would be positional arguments). */
  endOfOptions: boolean;
  /** The `ExecStart=` entry. */
  entry: UnitEntry;
}

const unitInfo = new WeakMap<FlagSetNode, UnitFlagSetInfo>();

/** Unit-file facts for a FlagSet built from a systemd unit, or null for other carriers. */
export function unitFlagSetInfo(set: FlagSetNode): UnitFlagSetInfo | null {
  return unitInfo.get(set) ?? null;
}

/** A `$VAR` / `${VAR}` reference in an `ExecStart=` command line. */
export interface UnitVarRef {
  name: string;
  /** `${VAR}` (one argument, whitespace kept) rather than `$VAR` (split at whitespace). */
  braced: boolean;
  /** Range of the reference text (`$VAR` / `${VAR}`). */
  range: Range;
  /** Whether the reference is a whole unquoted word of the command line. */
  wholeWord: boolean;
  /** The `ExecStart=` entry it is in. */
  entry: UnitEntry;
  /** Whether this entry is the effective kubelet (or other) command: not reset by a later empty `ExecStart=`. */
  effective: boolean;
}

/** A `NAME=value` assignment of an `Environment=` entry. */
export interface UnitAssignment {
  name: string;
  value: string;
  /** Range of the assignment word (quotes excluded when the whole assignment is quoted). */
  range: Range;
  entry: UnitEntry;
}

/** An `EnvironmentFile=` path. */
export interface UnitEnvironmentFileRef {
  path: string;
  /** Written with a leading `-`: a missing file is ignored. */
  optional: boolean;
  range: Range;
  entry: UnitEntry;
  /** The variables it defines, when the file is part of the run; null when unknown. */
  variables: Map<string, string> | null;
}

/** Unit-level facts the systemd-* rules need (kept off the AST). */
export interface UnitDetails {
  /** `ExecStart=` entries of `[Service]` in file order (empty ones reset the list). */
  execStarts: UnitEntry[];
  varRefs: UnitVarRef[];
  assignments: UnitAssignment[];
  environmentFiles: UnitEnvironmentFileRef[];
  /** Where a variable is defined in this run: `file` wins over `unit` (systemd.exec(5)); null: nowhere known. */
  definedBy(name: string): "unit" | "file" | null;
  /** The value a variable expands to, when known. */
  valueOf(name: string): string | null;
  /** Whether an `EnvironmentFile=` of this unit is not part of the run (its variables are unknown). */
  hasUnknownEnvironmentFile: boolean;
}

const unitDetailsMap = new WeakMap<UnitFileNode, UnitDetails>();

/** Unit-level facts of a parsed unit file or environment file (null for nodes built elsewhere). */
export function unitDetails(unit: UnitFileNode): UnitDetails | null {
  return unitDetailsMap.get(unit) ?? null;
}

/** Kubelet boolean flags (defined with the other components' bool flags in flags.ts). */
export { KUBELET_BOOL_FLAGS };

/** A logical string with the source offset of each character (and one extra entry for its end). */
interface Mapped {
  text: string;
  /** map[i] = source offset of text[i]; map[text.length] = offset just after the last char. */
  map: number[];
}

interface RawEntry extends UnitEntry {
  mapped: Mapped;
}

function sliceMapped(m: Mapped, start: number, end: number): Mapped {
  const map = m.map.slice(start, end);
  map.push(end > start ? m.map[end - 1]! + 1 : m.map[start]!);
  return { text: m.text.slice(start, end), map };
}

/** Source range of a sub-span of a mapped string. */
function rangeOf(m: Mapped, start: number, end: number): Range {
  if (end <= start) return [m.map[start]!, m.map[start]!];
  return [m.map[start]!, m.map[end - 1]! + 1];
}

/** Whether a sub-span is contiguous in the source (no continuation, quote or escape inside). */
function contiguous(m: Mapped, start: number, end: number): boolean {
  for (let i = start + 1; i < end; i++) if (m.map[i] !== m.map[i - 1]! + 1) return false;
  return true;
}

interface PhysLine {
  start: number;
  /** End of content (before the line break). */
  end: number;
}

function physicalLines(text: string): PhysLine[] {
  const out: PhysLine[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) {
      out.push({ start, end: i });
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

function isBlank(c: string | undefined): boolean {
  return c === " " || c === "\t";
}

/**
 * Read `Key=Value` logical lines (sections optional: environment files have none). Continuation
 * lines are joined with the backslash read as a space.
 */
function readEntries(text: string, withSections: boolean): RawEntry[] {
  const lines = physicalLines(text);
  const entries: RawEntry[] = [];
  let section = "";
  for (let li = 0; li < lines.length; li++) {
    const { start, end } = lines[li]!;
    let s = start;
    while (s < end && isBlank(text[s])) s++;
    if (s >= end || text[s] === "#" || text[s] === ";") continue;
    if (withSections && text[s] === "[") {
      const close = text.indexOf("]", s);
      if (close !== -1 && close < end) section = text.slice(s + 1, close).trim();
      continue;
    }
    const eq = text.indexOf("=", s);
    if (eq === -1 || eq >= end) continue;
    let keyEnd = eq;
    while (keyEnd > s && isBlank(text[keyEnd - 1])) keyEnd--;
    let key = text.slice(s, keyEnd);
    if (!withSections && key.startsWith("export ")) key = key.slice(7).trim();
    // Value: from after `=` (leading blanks skipped), across continuation lines.
    const chars: string[] = [];
    const map: number[] = [];
    let v = eq + 1;
    while (v < end && isBlank(text[v])) v++;
    let lineEnd = end;
    let cur = li;
    for (;;) {
      let e = lineEnd;
      // A trailing backslash (possibly followed by blanks) continues the line.
      let t = e;
      while (t > v && isBlank(text[t - 1])) t--;
      const continues = t > v && text[t - 1] === "\\" && cur + 1 < lines.length;
      if (continues) e = t - 1;
      for (let i = v; i < e; i++) {
        chars.push(text[i]!);
        map.push(i);
      }
      if (!continues) break;
      chars.push(" ");
      map.push(e);
      // Skip comment lines between a continued line and its continuation.
      cur++;
      while (cur < lines.length) {
        const l = lines[cur]!;
        let p = l.start;
        while (p < l.end && isBlank(text[p])) p++;
        if (p < l.end && (text[p] === "#" || text[p] === ";")) cur++;
        else break;
      }
      if (cur >= lines.length) break;
      v = lines[cur]!.start;
      lineEnd = lines[cur]!.end;
    }
    li = cur;
    // Trailing blanks are not part of the value.
    while (chars.length && isBlank(chars[chars.length - 1])) {
      chars.pop();
      map.pop();
    }
    const valueStart = map.length ? map[0]! : v;
    const valueEnd = map.length ? map[map.length - 1]! + 1 : valueStart;
    map.push(valueEnd);
    const mapped: Mapped = { text: chars.join(""), map };
    entries.push({ section, key, value: mapped.text, range: [s, valueEnd], valueRange: [valueStart, valueEnd], mapped });
  }
  return entries;
}

/** A word of a command line or assignment list, after quote removal. */
interface Word extends Mapped {
  /** Logical [start, end) of the word in the value, quotes included. */
  span: [number, number];
  quoted: boolean;
}

/** Split on whitespace honouring `"…"` / `'…'` quotes and backslash escapes inside double quotes. */
function splitWords(m: Mapped): Word[] {
  const out: Word[] = [];
  const t = m.text;
  let i = 0;
  while (i < t.length) {
    while (i < t.length && /\s/u.test(t[i]!)) i++;
    if (i >= t.length) break;
    const spanStart = i;
    const chars: string[] = [];
    const map: number[] = [];
    let quoted = false;
    while (i < t.length && !/\s/u.test(t[i]!)) {
      const c = t[i]!;
      if (c === '"' || c === "'") {
        quoted = true;
        const q = c;
        i++;
        while (i < t.length && t[i] !== q) {
          if (q === '"' && t[i] === "\\" && i + 1 < t.length) i++;
          chars.push(t[i]!);
          map.push(m.map[i]!);
          i++;
        }
        i++; // closing quote
        continue;
      }
      if (c === "\\" && i + 1 < t.length) {
        i++;
        chars.push(t[i]!);
        map.push(m.map[i]!);
        i++;
        continue;
      }
      chars.push(c);
      map.push(m.map[i]!);
      i++;
    }
    const end = Math.min(i, t.length);
    map.push(map.length ? map[map.length - 1]! + 1 : m.map[spanStart]!);
    out.push({ text: chars.join(""), map, span: [spanStart, end], quoted });
  }
  return out;
}

interface EnvVar {
  value: Mapped;
  /** "unit": defined by `Environment=` in this file (ranges usable); "file": from an environment file. */
  origin: "unit" | "file";
  /** The whole `NAME=value` word of an `Environment=` assignment (origin "unit"). */
  word?: Mapped;
  /** The `EnvironmentFile=` path word the variable was read from (origin "file"), in this file. */
  fileRef?: Range;
}

function parseAssignments(m: Mapped, into: Map<string, EnvVar>, origin: EnvVar["origin"]): void {
  for (const w of splitWords(m)) {
    const eq = w.text.indexOf("=");
    if (eq <= 0) continue;
    const name = w.text.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/u.test(name)) continue;
    into.set(name, { value: sliceMapped(w, eq + 1, w.text.length), origin, word: w });
  }
}

/** Parse an environment file (`KEY=VALUE` lines) into variables. */
export function parseEnvironmentFile(text: string): Map<string, string> {
  const vars = new Map<string, EnvVar>();
  for (const e of readEntries(text, false)) readEnvFileEntry(e, vars);
  return new Map([...vars].map(([k, v]) => [k, v.value.text]));
}

function readEnvFileEntry(e: RawEntry, into: Map<string, EnvVar>, fileRef?: Range): void {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/u.test(e.key)) return;
  const m = e.mapped;
  const t = m.text;
  const ref = fileRef ? { fileRef } : {};
  // A value quoted as a whole keeps its whitespace; otherwise it is taken as written.
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) {
    into.set(e.key, { value: sliceMapped(m, 1, t.length - 1), origin: "file", ...ref });
  } else {
    into.set(e.key, { value: m, origin: "file", ...ref });
  }
}

/** One argument of the resolved argv with where its characters come from. */
interface Arg extends Mapped {
  /** Flags read from it may be edited in place (its text is literally in this file). */
  editable: boolean;
  carrier: "systemd" | "environment";
  /** Range to report at when the characters are not in this file (the `$VAR` reference). */
  fallback: Range | null;
}

const VAR_WORD = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/u;

export function parseUnitFile(text: string, options: UnitParseOptions = {}): UnitFileNode {
  const envFiles = options.environmentFiles ?? {};
  const raw = readEntries(text, true);
  const entries: UnitEntry[] = raw.map((e) => ({ section: e.section, key: e.key, value: e.value, range: e.range, valueRange: e.valueRange }));
  const unitVars = new Map<string, EnvVar>();
  const fileVars = new Map<string, EnvVar>();
  let missingEnvFile = false;
  let execStarts: RawEntry[] = [];
  for (const e of raw) {
    if (e.section !== "Service") continue;
    const m = e.mapped;
    if (e.key === "ExecStart") {
      if (m.text.trim() === "") execStarts = [];
      else execStarts.push(e);
    } else if (e.key === "Environment") {
      if (m.text.trim() === "") unitVars.clear();
      else parseAssignments(m, unitVars, "unit");
    } else if (e.key === "EnvironmentFile") {
      for (const w of splitWords(m)) {
        const path = w.text.replace(/^-/u, "");
        const body = envFiles[path];
        if (body === undefined) {
          missingEnvFile = true;
          continue;
        }
        const ref = rangeOf(w, 0, w.text.length);
        for (const fe of readEntries(body, false)) readEnvFileEntry(fe, fileVars, ref);
      }
    }
  }
  const lookup = (name: string): EnvVar | null => fileVars.get(name) ?? unitVars.get(name) ?? null;
  const details = collectDetails(raw, entries, envFiles, lookup, missingEnvFile);

  const flagSets: FlagSetNode[] = [];
  for (let idx = 0; idx < execStarts.length; idx++) {
    const e = execStarts[idx]!;
    const entry = entries[raw.indexOf(e)]!;
    const m = e.mapped;
    const words = splitWords(m);
    if (!words.length) continue;
    const cmd = words[0]!;
    const cmdText = cmd.text.replace(/^[-@+!:]+/u, "");
    // The component: the binary's name (`/usr/local/bin/kube-apiserver`), or hyperkube's first argument.
    let component = componentOf(cmdText);
    let argStart = 1;
    if (!component && /(^|\/)hyperkube$/u.test(cmdText) && words[1] && !words[1].quoted) {
      component = componentOf(words[1].text);
      argStart = 2;
    }
    if (!component) continue;
    const commandRange = rangeOf(cmd, cmd.text.length - cmdText.length, cmd.text.length);
    const args: Arg[] = [];
    const unknown: string[] = [];
    for (const w of words.slice(argStart)) {
      const vm = w.quoted ? null : VAR_WORD.exec(w.text);
      const refRange = rangeOf(w, 0, w.text.length);
      if (vm) {
        const name = vm[1] ?? vm[2]!;
        const def = lookup(name);
        if (!def) {
          if (missingEnvFile) unknown.push(name);
          continue;
        }
        const parts: Mapped[] = vm[1] ? [def.value] : splitWords(def.value);
        for (const p of parts) {
          if (p.text === "") continue;
          if (def.origin === "unit") args.push({ ...p, editable: true, carrier: "systemd", fallback: null });
          else args.push({ ...p, editable: false, carrier: "environment", fallback: refRange });
        }
        continue;
      }
      if (w.text.includes("$")) {
        // Variables inside a word: substitute the text; offsets are no longer exact.
        const subst = w.text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/gu, (all, a?: string, b?: string) => {
          if (all === "$$") return "$";
          const name = (a ?? b)!;
          const def = lookup(name);
          if (!def && missingEnvFile) unknown.push(name);
          return def?.value.text ?? "";
        });
        const map = Array.from({ length: subst.length + 1 }, () => refRange[0]);
        args.push({ text: subst, map, editable: false, carrier: "systemd", fallback: refRange });
        continue;
      }
      args.push({ text: w.text, map: w.map, editable: true, carrier: "systemd", fallback: null });
    }
    const flags = flagsFromArgs(args, component);
    // etcd reads every flag also from an ETCD_* variable (flags beat variables).
    if (component === "etcd") flags.unshift(...unitEtcdEnvFlags(unitVars, fileVars, flags));
    const last = words[words.length - 1]!;
    const insertAt = m.map[last.span[1] - 1]! + 1;
    const set = {
      type: "FlagSet",
      component,
      carrier: "systemd",
      flags,
      container: null,
      hasConfigFile: flags.some((f) => f.name === "config" || (component === "etcd" && f.name === "config-file")),
      range: entry.range,
    } as unknown as FlagSetNode;
    link(set, "containerNode", null);
    link(set, "resource", null);
    unitInfo.set(set, {
      commandRange,
      insertAt,
      bare: words.length === argStart,
      unknownVariables: unknown,
      unknownEnvironment: missingEnvFile,
      endOfOptions: words.slice(argStart).some((w) => w.text === "--"),
      entry,
    });
    flagSets.push(set);
  }
  const unit: UnitFileNode = { type: "UnitFile", entries, flagSets, range: [0, text.length] };
  unitDetailsMap.set(unit, details);
  return unit;
}

function collectDetails(raw: RawEntry[], entries: UnitEntry[], envFiles: Record<string, string>, lookup: (name: string) => EnvVar | null, missingEnvFile: boolean): UnitDetails {
  const execStarts: UnitEntry[] = [];
  const varRefs: UnitVarRef[] = [];
  const assignments: UnitAssignment[] = [];
  const environmentFiles: UnitEnvironmentFileRef[] = [];
  // The ExecStart entries still in effect at the end of the file (an empty one resets the list).
  const effective = new Set<RawEntry>();
  for (const e of raw) {
    if (e.section !== "Service" || e.key !== "ExecStart") continue;
    if (e.mapped.text.trim() === "") effective.clear();
    else effective.add(e);
  }
  raw.forEach((e, i) => {
    if (e.section !== "Service") return;
    const entry = entries[i]!;
    const m = e.mapped;
    if (e.key === "ExecStart") {
      execStarts.push(entry);
      for (const w of splitWords(m)) {
        const whole = w.quoted ? null : VAR_WORD.exec(w.text);
        if (whole) {
          varRefs.push({ name: whole[1] ?? whole[2]!, braced: whole[1] !== undefined, range: rangeOf(m, w.span[0], w.span[1]), wholeWord: true, entry, effective: effective.has(e) });
          continue;
        }
        // References inside a word (or inside quotes): positions from the logical value.
        const span = m.text.slice(w.span[0], w.span[1]);
        for (const r of span.matchAll(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/gu)) {
          if (r[0] === "$$") continue;
          const at = w.span[0] + r.index;
          varRefs.push({ name: (r[1] ?? r[2])!, braced: r[1] !== undefined, range: rangeOf(m, at, at + r[0].length), wholeWord: false, entry, effective: effective.has(e) });
        }
      }
    } else if (e.key === "Environment") {
      for (const w of splitWords(m)) {
        const eq = w.text.indexOf("=");
        if (eq <= 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/u.test(w.text.slice(0, eq))) continue;
        assignments.push({ name: w.text.slice(0, eq), value: w.text.slice(eq + 1), range: rangeOf(w, 0, w.text.length), entry });
      }
    } else if (e.key === "EnvironmentFile") {
      for (const w of splitWords(m)) {
        const optional = w.text.startsWith("-");
        const path = w.text.replace(/^-/u, "");
        const body = envFiles[path];
        environmentFiles.push({ path, optional, range: rangeOf(w, 0, w.text.length), entry, variables: body === undefined ? null : parseEnvironmentFile(body) });
      }
    }
  });
  return {
    execStarts,
    varRefs,
    assignments,
    environmentFiles,
    definedBy: (name) => lookup(name)?.origin ?? null,
    valueOf: (name) => lookup(name)?.value.text ?? null,
    hasUnknownEnvironmentFile: missingEnvFile,
  };
}

/** Variables of an environment file that carry kubelet flags (`KUBELET_KUBEADM_ARGS`, `KUBELET_EXTRA_ARGS`, …). */
const KUBELET_ARGS_VAR = /^KUBELET_[A-Z0-9_]*(?:ARGS|OPTS|FLAGS)$/u;

/**
 * An environment file (`/var/lib/kubelet/kubeadm-flags.env`, `/etc/default/kubelet`,
 * `/etc/sysconfig/kubelet`) as a unit-like node: its `KEY=VALUE` lines, and the kubelet flags its
 * `KUBELET_*_ARGS` variables carry as one FlagSet (carrier `environment`, in file order). The set
 * is a fragment of a command line: the unit that expands it decides `--config` and the defaults,
 * so rules only judge the flags written here. Flags are editable where their text is literal.
 */
export function parseEnvironmentUnit(text: string): UnitFileNode {
  const raw = readEntries(text, false);
  const entries: UnitEntry[] = raw.map((e) => ({ section: e.section, key: e.key, value: e.value, range: e.range, valueRange: e.valueRange }));
  const args: Arg[] = [];
  for (const e of raw) {
    if (!KUBELET_ARGS_VAR.test(e.key)) continue;
    const vars = new Map<string, EnvVar>();
    readEnvFileEntry(e, vars);
    const v = vars.get(e.key);
    if (!v) continue;
    for (const w of splitWords(v.value)) if (w.text !== "") args.push({ text: w.text, map: w.map, editable: !w.quoted, carrier: "environment", fallback: null });
  }
  const flagSets: FlagSetNode[] = [];
  if (args.length) {
    const flags = flagsFromArgs(args, "kubelet");
    const first = raw.find((e) => KUBELET_ARGS_VAR.test(e.key))!;
    const set = {
      type: "FlagSet",
      component: "kubelet",
      carrier: "environment",
      flags,
      container: null,
      hasConfigFile: flags.some((f) => f.name === "config"),
      range: first.range,
    } as unknown as FlagSetNode;
    link(set, "containerNode", null);
    link(set, "resource", null);
    flagSets.push(set);
  }
  const unit: UnitFileNode = { type: "UnitFile", entries, flagSets, range: [0, text.length] };
  unitDetailsMap.set(unit, {
    execStarts: [],
    varRefs: [],
    assignments: [],
    environmentFiles: [],
    definedBy: () => null,
    valueOf: () => null,
    hasUnknownEnvironmentFile: false,
  });
  return unit;
}

/**
 * etcd's `ETCD_<UPPER_SNAKE>` variables (etcd `pkg/flags` `SetFlagsFromEnv`) from the unit's
 * `Environment=` and its `EnvironmentFile=` files, as Flag nodes (carrier "environment", placed
 * before the command-line flags, not editable: fixes do not rewrite variables), for the flags the
 * command line does not set (flags beat variables) and non-empty values. A variable of this unit
 * points at its `NAME=value` word; one from an environment file at the `EnvironmentFile=` path.
 */
const etcdEnvFlagSet = new WeakSet<FlagNode>();

/** Whether a unit flag stands for an etcd `ETCD_*` variable (not a word of the command line). */
export function isUnitEtcdEnvFlag(f: FlagNode): boolean {
  return etcdEnvFlagSet.has(f);
}

function unitEtcdEnvFlags(unitVars: Map<string, EnvVar>, fileVars: Map<string, EnvVar>, cmdFlags: FlagNode[]): FlagNode[] {
  const onCommandLine = new Set(cmdFlags.map((f) => f.name));
  const out: FlagNode[] = [];
  const names = [...new Set([...unitVars.keys(), ...fileVars.keys()])];
  for (const envName of names) {
    if (!/^ETCD_[A-Z0-9_]+$/u.test(envName)) continue;
    const name = envName.slice(5).toLowerCase().replace(/_/gu, "-");
    if (onCommandLine.has(name)) continue;
    // Environment files override Environment= (systemd.exec(5)).
    const def = fileVars.get(envName) ?? unitVars.get(envName)!;
    const value = def.value.text;
    if (value === "") continue; // empty: etcd ignores the variable
    let range: Range;
    let nameRange: Range;
    let valueRange: Range;
    if (def.origin === "unit" && def.word) {
      const w = def.word;
      range = rangeOf(w, 0, w.text.length);
      nameRange = rangeOf(w, 0, envName.length);
      valueRange = rangeOf(w, envName.length + 1, w.text.length);
    } else if (def.fileRef) {
      range = nameRange = valueRange = def.fileRef;
    } else continue;
    const flag: FlagNode = { type: "Flag", component: "etcd", name, rawName: name, value, carrier: "environment", nameRange, valueRange, node: null, editable: false, range };
    etcdEnvFlagSet.add(flag);
    out.push(flag);
  }
  return out;
}

function flagsFromArgs(args: Arg[], component: string): FlagNode[] {
  const bools: ReadonlySet<string> = BOOL_FLAGS[component] ?? new Set();
  const flags: FlagNode[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const v = a.text;
    if (v === "--") break;
    if (!v.startsWith("-") || v === "-") continue;
    const body = v.replace(/^-+/u, "");
    const dashes = v.length - body.length;
    const eq = body.indexOf("=");
    const rawName = eq === -1 ? body : body.slice(0, eq);
    const name = normaliseFlagName(rawName);
    let value: string | null = eq === -1 ? null : body.slice(eq + 1);
    const exact = a.fallback === null;
    const nameRange: Range = exact ? rangeOf(a, dashes, dashes + rawName.length) : a.fallback!;
    let valueRange: Range | null = value === null ? null : exact ? rangeOf(a, dashes + rawName.length + 1, v.length) : a.fallback!;
    let editable = a.editable && exact && contiguous(a, dashes, v.length);
    let range: Range = exact ? rangeOf(a, 0, v.length) : a.fallback!;
    let carrier = a.carrier;
    if (value === null && !bools.has(name)) {
      const next = args[i + 1];
      if (next && !next.text.startsWith("-")) {
        value = next.text;
        const nExact = next.fallback === null;
        valueRange = nExact ? rangeOf(next, 0, next.text.length) : next.fallback!;
        editable = editable && next.editable && nExact && contiguous(next, 0, next.text.length);
        if (exact && nExact) range = [range[0], valueRange[1]];
        if (next.carrier === "environment") carrier = "environment";
        i++;
      }
    }
    flags.push({
      type: "Flag",
      component,
      name,
      rawName,
      value,
      carrier,
      nameRange,
      valueRange,
      node: null,
      editable,
      range,
    });
  }
  return flags;
}
