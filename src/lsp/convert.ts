/**
 * @fileoverview kubeguard messages → LSP shapes (LSP 3.17: `Diagnostic`, `CodeAction`,
 * `WorkspaceEdit`), shared by the language server (`kubeguard lsp`) and `--format lsp`.
 *
 * Positions are 0-based lines and 0-based UTF-16 `character`s (LSP's default position encoding).
 * ESLint's 1-based line/column are JavaScript string indices, i.e. UTF-16 code units already, so a
 * diagnostic range is `line - 1` / `column - 1`; fix ranges are offsets into the BOM-less text and
 * are converted with a `LineIndex` of that text.
 *
 * This module has no runtime dependency (types only), so `--format lsp` costs nothing extra.
 */
import { pathToFileURL } from "node:url";
import type { CodeAction, Diagnostic, Position, Range, TextEdit, WorkspaceEdit } from "vscode-languageserver";
import type { KubeguardFixEdit, KubeguardMessage } from "../formatters/types.js";

export const LSP_SOURCE = "kubeguard";

/** LSP `DiagnosticSeverity` / `DiagnosticTag` / `CodeActionKind` values (the protocol's constants). */
export const SEVERITY = { Error: 1, Warning: 2, Information: 3, Hint: 4 } as const;
export const TAG_UNNECESSARY = 1;
export const KIND_QUICKFIX = "quickfix";
export const KIND_FIX_ALL = "source.fixAll.kubeguard";

/** The suppression comment the "disable" quick fix inserts. */
export const DISABLE_NEXT_LINE = "kubeguard-disable-next-line";

/** Offsets ↔ LSP positions over one text (line breaks: `\r\n`, `\r`, `\n`, as in LSP). */
export class LineIndex {
  /** Offset of the first character of each line. */
  readonly starts: number[] = [0];
  /** The text's line break: `\r\n` when its first line ends with one, else `\n`. */
  readonly eol: "\n" | "\r\n";

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10 /* \n */) this.starts.push(i + 1);
    }
    const firstBreak = text.search(/\r\n|\r|\n/u);
    this.eol = firstBreak >= 0 && text.startsWith("\r\n", firstBreak) ? "\r\n" : "\n";
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo]! };
  }

  /** The text of a 0-based line, without its line break. */
  lineText(line: number): string {
    if (line < 0 || line >= this.starts.length) return "";
    const end = line + 1 < this.starts.length ? this.starts[line + 1]! : this.text.length;
    return this.text.slice(this.starts[line]!, end).replace(/\r?\n$|\r$/u, "");
  }
}

/** The diagnostic range of a message: ESLint's 1-based line/column made 0-based (UTF-16 units). */
export function messageRange(m: Pick<KubeguardMessage, "line" | "column" | "endLine" | "endColumn">): Range {
  const start = { line: Math.max(0, m.line - 1), character: Math.max(0, m.column - 1) };
  const end = m.endLine !== undefined && m.endColumn !== undefined ? { line: Math.max(0, m.endLine - 1), character: Math.max(0, m.endColumn - 1) } : start;
  return { start, end: { ...end } };
}

/** One kubeguard message as an LSP `Diagnostic`. */
export function toDiagnostic(m: KubeguardMessage): Diagnostic {
  const d: Diagnostic = {
    range: messageRange(m),
    severity: m.severity === 2 ? SEVERITY.Error : SEVERITY.Warning,
    source: LSP_SOURCE,
    message: m.message,
  };
  if (m.ruleId) {
    d.code = m.ruleId;
    if (m.url) d.codeDescription = { href: m.url };
  } else if (/^Unused (eslint|kubeguard)-(disable|enable)/u.test(m.message) || /^Unused .*suppression/iu.test(m.message)) {
    // ESLint's report of a suppression comment that suppresses nothing: fade it out.
    d.tags = [TAG_UNNECESSARY];
  }
  if (m.related?.length) {
    // Cross-document findings (src/crossdoc): the other objects, as LSP related information.
    d.relatedInformation = m.related.map((rel) => ({
      location: {
        uri: pathToFileURL(rel.file).href,
        range: { start: { line: rel.line - 1, character: rel.column - 1 }, end: { line: rel.endLine - 1, character: rel.endColumn - 1 } },
      },
      message: rel.message,
    }));
  }
  d.data = { level: m.level, resource: m.resource, ...(m.helmSource ? { helmSource: m.helmSource } : {}) };
  return d;
}

export function fixToTextEdit(fix: KubeguardFixEdit, index: LineIndex): TextEdit {
  return { range: { start: index.positionAt(fix.range[0]), end: index.positionAt(fix.range[1]) }, newText: fix.text };
}

/** How code actions carry their edit: plain `changes`, or versioned `documentChanges`. */
export interface EditTarget {
  uri: string;
  /** Set: emit `documentChanges` for this document version (the client applies it only to that version). */
  version?: number;
}

export function workspaceEdit(target: EditTarget, edits: TextEdit[]): WorkspaceEdit {
  if (target.version !== undefined) return { documentChanges: [{ textDocument: { uri: target.uri, version: target.version }, edits }] };
  return { changes: { [target.uri]: edits } };
}

/**
 * The line a "disable for this line" comment goes above, or null when a comment there would change
 * the file's meaning: inside a YAML block scalar (`|`/`>`), where the comment would become text.
 */
export function disableCommentEdit(line: number, ruleId: string, index: LineIndex): TextEdit | null {
  if (line < 0 || line >= index.lineCount) return null;
  const text = index.lineText(line);
  const indent = /^[ \t]*/u.exec(text)![0];
  // Walk up through the lines that are less indented than everything below them (the line's
  // parents, and lines of a block scalar's text, which may be indented less than this one): if
  // one opens a block scalar (`key: |`, `- >-`), this line is inside it.
  let minIndent = indent.length;
  for (let l = line - 1; l >= 0 && minIndent > 0; l--) {
    const above = index.lineText(l);
    if (!above.trim() || above.trimStart().startsWith("#")) continue;
    const aboveIndent = /^[ \t]*/u.exec(above)![0].length;
    if (aboveIndent >= minIndent) continue;
    minIndent = aboveIndent;
    if (/(?:^|[\s:-])[|>][-+0-9]*\s*(?:#.*)?$/u.test(above)) return null;
  }
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: `${indent}# ${DISABLE_NEXT_LINE} ${ruleId}${index.eol}` };
}

/**
 * The quick fixes of one message: its fix, each of its suggestions, and "disable <rule> for this
 * line". `diagnostic` is the LSP diagnostic they resolve.
 */
export function messageCodeActions(
  m: KubeguardMessage,
  diagnostic: Diagnostic,
  target: EditTarget,
  index: LineIndex,
  options: { comments: boolean },
): CodeAction[] {
  const actions: CodeAction[] = [];
  if (m.fix) {
    actions.push({
      title: m.ruleId ? `Fix this ${m.ruleId} problem` : m.message.startsWith("Unused") ? "Remove the unused suppression" : `Fix: ${m.message}`,
      kind: KIND_QUICKFIX,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: workspaceEdit(target, [fixToTextEdit(m.fix, index)]),
    });
  }
  (m.suggestions ?? []).forEach((s, i) => {
    actions.push({
      title: s.desc,
      kind: KIND_QUICKFIX,
      diagnostics: [diagnostic],
      ...(!m.fix && i === 0 ? { isPreferred: true } : {}),
      edit: workspaceEdit(target, [fixToTextEdit(s.fix, index)]),
    });
  });
  if (m.ruleId && options.comments) {
    const edit = disableCommentEdit(diagnostic.range.start.line, m.ruleId, index);
    if (edit) {
      actions.push({
        title: `Disable ${m.ruleId} for this line`,
        kind: KIND_QUICKFIX,
        diagnostics: [diagnostic],
        edit: workspaceEdit(target, [edit]),
      });
    }
  }
  return actions;
}

/** The smallest single edit turning `original` into `fixed` (common prefix and suffix kept). */
export function minimalEdit(original: string, fixed: string, index: LineIndex): TextEdit | null {
  if (original === fixed) return null;
  let start = 0;
  const max = Math.min(original.length, fixed.length);
  while (start < max && original.charCodeAt(start) === fixed.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && original.charCodeAt(original.length - 1 - end) === fixed.charCodeAt(fixed.length - 1 - end)) end++;
  // Never split a \r\n pair or a surrogate pair.
  const splits = (s: string, i: number): boolean => {
    const a = s.charCodeAt(i - 1);
    const b = s.charCodeAt(i);
    return (a === 13 && b === 10) || (a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff);
  };
  while (start > 0 && (splits(original, start) || splits(fixed, start))) start--;
  while (end > 0 && (splits(original, original.length - end) || splits(fixed, fixed.length - end))) end--;
  return {
    range: { start: index.positionAt(start), end: index.positionAt(original.length - end) },
    newText: fixed.slice(start, fixed.length - end),
  };
}

/** Whether two ranges overlap or touch. */
export function rangesTouch(a: Range, b: Range): boolean {
  const before = (p: Position, q: Position): boolean => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** Whether a code action kind passes a client's `only` filter (hierarchical: `source` admits `source.fixAll.kubeguard`). */
export function kindAllowed(kind: string, only: string[] | undefined): boolean {
  if (!only?.length) return true;
  return only.some((f) => kind === f || kind.startsWith(`${f}.`));
}
