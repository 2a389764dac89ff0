/**
 * @fileoverview `--format github`: GitHub Actions workflow commands
 *
 *   ::error file=deploy/web.yaml,line=31,endLine=31,col=13,endColumn=27,title=privileged-container (critical)::Container 'debug' runs privileged: … (Deployment/shop/web)
 *
 * GitHub shows at most 10 annotations of each type (error, warning, notice) per step
 * (actions/toolkit docs/problem-matchers.md, "Limitations"), so the most severe findings come
 * first, at most `MAX_ANNOTATIONS_PER_TYPE` per type; the others are printed as plain log lines.
 * Columns are sent only when the range lies on one line (@actions/core refuses columns on
 * multi-line annotations); `endColumn` is inclusive there, ESLint's is exclusive.
 *
 * Also home of what every CI formatter shares: the report root (the git work tree containing the
 * cwd, so paths are repository-relative wherever the command runs) and the finding order.
 */
import { existsSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { SEVERITIES, type Severity } from "../rule.js";
import { describeResource } from "./stylish.js";
import type { Formatter, KubeguardMessage, KubeguardResult } from "./types.js";

/** GitHub's per-step, per-type annotation limit. */
export const MAX_ANNOTATIONS_PER_TYPE = 10;

/** The git work tree root containing `cwd` (a folder with `.git`), else `cwd` itself. */
export function reportRoot(cwd: string): string {
  let dir = resolve(cwd);
  for (;;) {
    if (existsSync(resolve(dir, ".git"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(cwd);
    dir = parent;
  }
}

/** `path` relative to `root` with `/` separators, or null when it lies outside `root`. */
export function rootRelative(path: string, root: string): string | null {
  const rel = relative(root, path);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return null;
  return rel.split(sep).join("/");
}

export type AnnotationType = "error" | "warning" | "notice";

/** Annotation type: ESLint errors are errors; warnings are warnings, or notices at level info. */
export function annotationType(m: KubeguardMessage): AnnotationType {
  if (m.severity === 2) return "error";
  return m.level === "info" ? "notice" : "warning";
}

export interface Finding {
  /** Repository-relative path (`/` separators), or the absolute path outside the repository. */
  file: string;
  message: KubeguardMessage;
}

const levelRank = (s: Severity): number => SEVERITIES.indexOf(s);
const typeRank: Record<AnnotationType, number> = { error: 0, warning: 1, notice: 2 };

/** Every active finding, most severe first (then ESLint errors first, then by file and position). */
export function sortedFindings(results: KubeguardResult[], root: string): Finding[] {
  const out: Finding[] = [];
  for (const r of results) {
    const file = rootRelative(r.filePath, root) ?? r.filePath;
    for (const m of r.messages) {
      // Rendered Helm/kustomize output: annotate the file a person edits (m.source, src/sourcemap).
      if (m.source && m.source.file !== r.filePath) {
        out.push({ file: rootRelative(m.source.file, root) ?? m.source.file, message: { ...m, line: m.source.line, column: m.source.column, endLine: undefined, endColumn: undefined } });
      } else out.push({ file, message: m });
    }
  }
  return out.sort(
    (a, b) =>
      levelRank(a.message.level) - levelRank(b.message.level) ||
      typeRank[annotationType(a.message)] - typeRank[annotationType(b.message)] ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.message.line - b.message.line ||
      a.message.column - b.message.column,
  );
}

/** Split findings into the annotated ones (at most `max` per type, in order) and the rest. */
export function selectAnnotations(findings: Finding[], max = MAX_ANNOTATIONS_PER_TYPE): { annotated: Finding[]; rest: Finding[] } {
  const used: Record<AnnotationType, number> = { error: 0, warning: 0, notice: 0 };
  const annotated: Finding[] = [];
  const rest: Finding[] = [];
  for (const f of findings) {
    const type = annotationType(f.message);
    if (used[type] < max) {
      used[type]++;
      annotated.push(f);
    } else rest.push(f);
  }
  return { annotated, rest };
}

/** The properties @actions/core's `error()`/`warning()`/`notice()` take. */
export interface AnnotationProperties {
  title: string;
  file: string;
  startLine: number;
  endLine: number;
  startColumn?: number;
  endColumn?: number;
}

/** Annotation text and properties for one finding. */
export function annotation(f: Finding): { type: AnnotationType; message: string; properties: AnnotationProperties } {
  const m = f.message;
  const endLine = m.endLine ?? m.line;
  const properties: AnnotationProperties = {
    title: `${m.ruleId ?? "kubeguard"} (${m.level})`,
    file: f.file,
    startLine: m.line,
    endLine,
  };
  if (endLine === m.line) {
    properties.startColumn = m.column;
    // ESLint's endColumn is exclusive, an annotation's is inclusive.
    properties.endColumn = m.endColumn !== undefined ? Math.max(m.column, m.endColumn - 1) : m.column;
  }
  const where = describeResource(m);
  return { type: annotationType(m), message: `${m.message}${where ? ` (${where})` : ""}`, properties };
}

// Escaping as in @actions/core's command.ts (escapeData / escapeProperty).
const escapeData = (s: string): string => s.replace(/%/gu, "%25").replace(/\r/gu, "%0D").replace(/\n/gu, "%0A");
const escapeProperty = (s: string): string => escapeData(s).replace(/:/gu, "%3A").replace(/,/gu, "%2C");

/** One workflow command line, byte for byte what @actions/core's `issueCommand` writes. */
export function workflowCommand(type: AnnotationType, message: string, p: AnnotationProperties): string {
  // Same property names and order as @actions/core's toCommandProperties.
  const props: [string, string | number | undefined][] = [
    ["title", p.title],
    ["file", p.file],
    ["line", p.startLine],
    ["endLine", p.endLine],
    ["col", p.startColumn],
    ["endColumn", p.endColumn],
  ];
  const text = props
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(",");
  return `::${type} ${text}::${escapeData(message)}`;
}

/** `file:line:col: level message [rule]`, the line for findings past the annotation limit. */
export function compactLine(f: Finding): string {
  const m = f.message;
  const where = describeResource(m);
  return `${f.file}:${m.line}:${m.column}: ${m.level} ${m.message.replace(/\s*\n\s*/gu, " ")}${where ? ` (${where})` : ""} [${m.ruleId ?? "kubeguard"}]`;
}

export const formatGithub: Formatter = (results, { cwd }) => {
  const findings = sortedFindings(results, reportRoot(cwd));
  const { annotated, rest } = selectAnnotations(findings);
  let out = "";
  for (const f of annotated) {
    const a = annotation(f);
    out += `${workflowCommand(a.type, a.message, a.properties)}\n`;
  }
  if (rest.length) {
    out += `kubeguard: ${rest.length} more finding${rest.length === 1 ? "" : "s"} past GitHub's limit of ${MAX_ANNOTATIONS_PER_TYPE} annotations per type:\n`;
    for (const f of rest) out += `${compactLine(f)}\n`;
  }
  const suppressed = results.reduce((n, r) => n + r.suppressedMessages.length, 0);
  out += `kubeguard: ${findings.length} finding${findings.length === 1 ? "" : "s"}${suppressed ? `, ${suppressed} suppressed` : ""}\n`;
  return out;
};
