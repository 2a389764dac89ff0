/**
 * @fileoverview The only module that imports `yaml`. Parses a file once (Parser + Composer, YAML 1.1
 * schema as the API server reads it) into the lean kubeguard AST. Never throws: YAML errors stay
 * attached to their document.
 */
import { Composer, Lexer, Parser, isAlias, isMap, isPair, isScalar, isSeq } from "yaml";
import type { CST, Document as YDocument, Node as YNode, Pair as YPair, Scalar as YScalar } from "yaml";
import { link } from "./ast.js";
import type {
  AliasNode,
  CommentToken,
  DocumentNode,
  MapNode,
  PairNode,
  Range,
  ScalarNode,
  ScalarStyle,
  SeqNode,
  YamlNode,
  YamlProblem,
} from "./ast.js";

export interface ParsedYaml {
  documents: DocumentNode[];
  comments: CommentToken[];
}

const TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp";

/**
 * Resource bounds of one parse (docs/robustness.md). `timeBudgetMs`: wall time for reading one
 * file's YAML; past it the rest of the file is reported (PARSE_TIME_BUDGET), not parsed.
 * `maxDepth`: nesting deeper than this is reported (NESTING_TOO_DEEP) and not converted, so
 * nothing after the parser recurses deeper. `maxLength`: larger files are not parsed at all.
 * Environment: KUBEGUARD_PARSE_TIME_BUDGET_MS, KUBEGUARD_MAX_FILE_BYTES.
 */
export interface ParseLimits {
  timeBudgetMs: number;
  maxDepth: number;
  /** Files longer than this (in UTF-16 code units, ≈ bytes) are reported (FILE_TOO_LARGE), not parsed. */
  maxLength: number;
}

const envBudget = Number(process.env.KUBEGUARD_PARSE_TIME_BUDGET_MS);
const envMaxLength = Number(process.env.KUBEGUARD_MAX_FILE_BYTES);
const limits: ParseLimits = {
  timeBudgetMs: envBudget > 0 ? envBudget : 60_000,
  maxDepth: 500,
  maxLength: envMaxLength > 0 ? envMaxLength : 64 * 1024 * 1024,
};

/** Change the parse limits (tests; the CLI keeps the defaults). Returns the previous ones. */
export function setParseLimits(next: Partial<ParseLimits>): ParseLimits {
  const previous = { ...limits };
  Object.assign(limits, next);
  return previous;
}

/** Thrown from inside the token stream when a file's time budget is spent. */
class BudgetExceeded extends Error {
  constructor(readonly offset: number) {
    super("time budget exceeded");
  }
}

/**
 * Characters YAML (and Go's YAML reader, hence kubectl and the API server) does not allow anywhere
 * in a stream: C0 controls other than tab/LF/CR, DEL, C1 controls other than NEL, U+FFFE/U+FFFF.
 * U+FFFD is a valid character: invalid UTF-8 is found on the file's bytes (`invalidUtf8Offset`),
 * never by searching the decoded text for U+FFFD.
 */
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/gu;

/** Byte index of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629), or -1. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      n = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f; // no UTF-16 surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += n + 1;
  }
  return -1;
}

/**
 * Where a file's bytes stop being UTF-8, as an offset into `text`; null when the bytes are valid
 * UTF-8. A correctly encoded U+FFFD (EF BF BD) is valid. Uses a fatal `TextDecoder` first, so valid
 * files cost one decode.
 *
 * `text` is the bytes decoded as ESLint decodes them (possibly without the BOM), or that text after
 * fixes were applied in an earlier pass (`--fix`): the bad sequence decoded to the n-th U+FFFD of
 * the file, and fixes never write U+FFFD, so it is the n-th U+FFFD of `text` too. An empty `text`
 * (callers that only ask whether the bytes are valid) gives 0.
 */
export function invalidUtf8Offset(bytes: Uint8Array, text: string): number | null {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return null;
  } catch {
    // Locate the first bad sequence below.
  }
  const at = firstInvalidUtf8Byte(bytes);
  if (at < 0) return null;
  const prefix = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(0, at));
  let n = 0;
  for (const ch of prefix) if (ch === "\uFFFD") n++;
  let offset = -1;
  for (let i = 0; i <= n; i++) {
    offset = text.indexOf("\uFFFD", offset + 1);
    if (offset < 0) return text === "" ? 0 : null;
  }
  return offset;
}

export interface ParseYamlOptions {
  /** The file's bytes, when the text was decoded from a file: used to report invalid UTF-8. */
  bytes?: Uint8Array;
}
/** A NUL within the first 8,000 characters marks a binary file (git's heuristic). */
const BINARY_PROBE = 8000;

function hex(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

function invalidUtf8Problem(offset: number, length: number): YamlProblem {
  return problem(
    "INVALID_UTF8",
    "Invalid UTF-8: the file has bytes that are not UTF-8 here (read as U+FFFD); kubectl and the API server reject it",
    [offset, Math.min(offset + 1, length)],
    "error",
  );
}

function forbiddenCharProblem(ch: string, offset: number): YamlProblem {
  if (ch === "\u0000") return problem("CONTROL_CHARACTER", "NUL byte (U+0000): YAML does not allow NUL characters", [offset, offset + 1], "error");
  return problem("CONTROL_CHARACTER", `Control character ${hex(ch)} is not allowed in YAML`, [offset, offset + 1], "error");
}

function problem(code: string, message: string, range: Range, severity: "error" | "warning"): YamlProblem {
  return { code, message, range, severity };
}

/** Strip the library's " at line X, column Y" suffix and code excerpt: we report positions ourselves. */
function cleanMessage(message: string): string {
  const firstLine = message.split("\n")[0] ?? message;
  return firstLine.replace(/ at line \d+, column \d+:?$/u, "").trim();
}

/** The library's message, made readable for the stack overflow it reports as RESOURCE_EXHAUSTION. */
function errorMessage(code: string, message: string): string {
  if (code === "RESOURCE_EXHAUSTION") return `Nesting too deep for the YAML parser (${cleanMessage(message)})`;
  return cleanMessage(message);
}

/** Placeholders until a collection's children are converted (its node is registered first, for aliases). */
const NO_PAIRS = Object.freeze([]) as unknown as PairNode[];
const NO_ITEMS = Object.freeze([]) as unknown as (YamlNode | null)[];

class Converter {
  readonly anchors = new Map<string, YamlNode>();
  /** Problems found while converting (the library reports unknown aliases only at toJS time). */
  readonly problems: YamlProblem[] = [];

  constructor(private readonly text: string) {}

  private tooDeep = false;

  node(n: unknown, depth = 0): YamlNode | null {
    if (n == null) return null;
    if (isScalar(n)) return this.scalar(n);
    if ((isMap(n) || isSeq(n)) && depth >= limits.maxDepth) {
      // Everything after the parser (rules, traversal, fixes) recurses over the AST: bound it.
      if (!this.tooDeep) {
        this.tooDeep = true;
        const at = this.range(n as YNode)[0];
        this.problems.push(problem("NESTING_TOO_DEEP", `Nesting deeper than ${limits.maxDepth} levels is not read`, [at, at + 1], "error"));
      }
      return null;
    }
    if (isMap(n)) {
      const range = this.range(n as YNode);
      const out: MapNode = {
        type: "Map",
        pairs: NO_PAIRS,
        flow: Boolean((n as { flow?: boolean }).flow),
        tag: (n as YNode).tag ?? null,
        anchor: (n as YNode).anchor ?? null,
        range,
      };
      this.register(n as YNode, out);
      // Duplicate keys, found here in linear time (the library's own check compares every pair
      // with every other one: a 20,000-key map took 30 s). Same equality as the library's:
      // equal scalar values (after YAML 1.1 resolution), or the same node.
      const seen = n.items.length > 1 ? new Set<unknown>() : null;
      // Arrays of exactly their length (`map`): one filled by `push` keeps up to 16 spare slots,
      // ~2 MB per MB of YAML while the AST lives.
      out.pairs = n.items.map((item) => {
        const k = (item as YPair).key as unknown;
        if (seen && k != null) {
          const id = isScalar(k) ? k.value : k;
          if (!(typeof id === "number" && Number.isNaN(id))) {
            if (seen.has(id)) {
              const at = this.range(k as YNode)[0];
              this.problems.push(problem("DUPLICATE_KEY", "Map keys must be unique", [at, at + 1], "error"));
            } else seen.add(id);
          }
        }
        return this.pair(item as YPair, depth + 1);
      });
      return out;
    }
    if (isSeq(n)) {
      const out: SeqNode = {
        type: "Seq",
        items: NO_ITEMS,
        flow: Boolean((n as { flow?: boolean }).flow),
        tag: (n as YNode).tag ?? null,
        anchor: (n as YNode).anchor ?? null,
        range: this.range(n as YNode),
      };
      this.register(n as YNode, out);
      out.items = n.items.map((item): YamlNode | null => {
        // A pair inside a sequence (`- a: b` in flow context like `[a: b]`) becomes a one-pair map.
        if (isPair(item)) {
          const p = this.pair(item as YPair, depth + 1);
          return { type: "Map", pairs: [p], flow: true, tag: null, anchor: null, range: p.range };
        }
        return this.node(item, depth + 1);
      });
      return out;
    }
    if (isAlias(n)) {
      const out = { type: "Alias", name: n.source, range: this.range(n as unknown as YNode) } as unknown as AliasNode;
      const target = this.anchors.get(n.source) ?? null;
      link(out, "target", target);
      // The API server's reader rejects an alias whose anchor is not defined before it.
      if (!target) this.problems.push(problem("BAD_ALIAS", `Aliased anchor not found: ${n.source}`, out.range, "error"));
      return out;
    }
    return null;
  }

  private register(n: YNode, out: YamlNode): void {
    if (n.anchor) this.anchors.set(n.anchor, out);
  }

  private range(n: YNode): Range {
    const r = n.range;
    if (!r) return [0, 0];
    return [r[0], r[1]];
  }

  private scalar(n: YScalar): ScalarNode {
    let value: ScalarNode["value"];
    const raw = n.value;
    const source = (n as YScalar & { source?: string }).source;
    if (raw === null || typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean" || typeof raw === "bigint") {
      value = raw;
    } else if (raw instanceof Date && typeof source === "string") {
      // The API server's YAML→JSON step turns timestamps back into strings.
      value = source;
    } else {
      value = typeof source === "string" ? source : String(raw);
    }
    const out: ScalarNode = {
      type: "Scalar",
      value,
      style: ((n.type as ScalarStyle | undefined) ?? "PLAIN"),
      tag: n.tag && n.tag !== TIMESTAMP_TAG ? n.tag : null,
      anchor: n.anchor ?? null,
      range: this.range(n),
    };
    this.register(n, out);
    return out;
  }

  private pair(p: YPair, depth: number): PairNode {
    const key = this.node(p.key, depth);
    const value = this.node(p.value, depth);
    const start = key ? key.range[0] : value ? value.range[0] : 0;
    let end = value ? value.range[1] : key ? key.range[1] : start;
    if (!value && key) {
      // `key:` with no value: include the colon so the pair covers what was written.
      // Look at most 64 characters ahead (an unbounded search is quadratic in `{a, b, c, …}`).
      const after = this.text.slice(key.range[1], key.range[1] + 64);
      const colon = after.indexOf(":");
      if (colon !== -1 && /^\s*$/u.test(after.slice(0, colon))) end = key.range[1] + colon + 1;
    }
    return { type: "Pair", key, value, range: [start, end] };
  }
}

/** Collect `#` comments: a `#` at line start or after whitespace that is not inside a scalar. */
function collectComments(text: string, scalarRanges: Range[]): CommentToken[] {
  scalarRanges.sort((a, b) => a[0] - b[0]);
  const comments: CommentToken[] = [];
  let si = 0;
  let i = text.indexOf("#");
  while (i !== -1) {
    const prev = i === 0 ? "\n" : text[i - 1];
    if (prev === " " || prev === "\t" || prev === "\n" || prev === "\r" || i === 0 || prev === "\uFEFF") {
      while (si < scalarRanges.length && scalarRanges[si]![1] <= i) si++;
      let inside = false;
      for (let k = si; k < scalarRanges.length && scalarRanges[k]![0] <= i; k++) {
        if (scalarRanges[k]![1] > i) {
          inside = true;
          break;
        }
      }
      if (!inside) {
        let end = i;
        while (end < text.length && text[end] !== "\n" && text[end] !== "\r") end++;
        comments.push({ type: "Comment", value: text.slice(i + 1, end), range: [i, end] });
        i = text.indexOf("#", end);
        continue;
      }
    }
    i = text.indexOf("#", i + 1);
  }
  return comments;
}

function gatherScalarRanges(node: YamlNode | null, out: Range[]): void {
  if (!node) return;
  switch (node.type) {
    case "Scalar":
      // Quoted/block scalars (and multi-line plain ones) may contain " #".
      out.push(node.range);
      break;
    case "Map":
      for (const p of node.pairs) {
        gatherScalarRanges(p.key, out);
        gatherScalarRanges(p.value, out);
      }
      break;
    case "Seq":
      for (const it of node.items) gatherScalarRanges(it, out);
      break;
    default:
      break;
  }
}

const SOURCE_COMMENT = /^\s*Source:\s*(\S.*?)\s*$/u;

/**
 * Parse YAML (or JSON) text into documents. Never throws.
 */
export function parseYaml(text: string, options: ParseYamlOptions = {}): ParsedYaml {
  const documents: DocumentNode[] = [];
  const scalarRanges: Range[] = [];
  /** End offset of the last composed document. */
  let lastEnd = 0;
  let streamErrors: YamlProblem[] = [];
  let streamErrorStart = 0;
  if (text.length > limits.maxLength) {
    const mb = (n: number): string => `${(n / 1048576).toFixed(1)} MiB`;
    const e = problem("FILE_TOO_LARGE", `This file is too large to lint (${mb(text.length)}; the limit is ${mb(limits.maxLength)}): split it`, [0, Math.min(1, text.length)], "error");
    documents.push({ type: "Document", index: 0, content: null, errors: [e], warnings: [], resources: [], helmSource: null, range: [0, text.length] });
    return { documents, comments: [] };
  }
  const nul = text.indexOf("\u0000");
  if (nul !== -1 && nul < BINARY_PROBE) {
    // A binary file: do not feed it to the parser (its "errors" would be noise), say what it is.
    const e = problem("BINARY_FILE", "This is a binary file (it has NUL bytes), not YAML", [nul, nul + 1], "error");
    documents.push({ type: "Document", index: 0, content: null, errors: [e], warnings: [], resources: [], helmSource: null, range: [0, text.length] });
    return { documents, comments: [] };
  }
  let deadline = performance.now() + limits.timeBudgetMs;
  const parser = new Parser();
  // The library builds an Error (with a stack trace) per problem: an unrendered template has
  // hundreds of thousands. Stack traces are never used; without them composing is ~9x faster.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const composer = new Composer({
      version: "1.1",
      logLevel: "silent",
      uniqueKeys: false, // checked by the Converter in linear time
      prettyErrors: false,
      customTags: (tags) => tags,
    });
    // Lexer → Parser driven here (what Parser.parse does), checking the time budget as we go.
    const tokens = function* (): Generator<CST.Token> {
      let n = 0;
      for (const lexeme of new Lexer().lex(text, false)) {
        if ((++n & 0x3ff) === 0 && performance.now() > deadline) throw new BudgetExceeded(parser.offset);
        yield* parser.next(lexeme);
      }
      yield* parser.end();
    };
    for (const ydoc of composer.compose(tokens(), true, text.length)) {
      lastEnd = ydoc.range[2];
      // Converted as soon as it is composed, so the library's nodes of one document at a time are
      // alive, not those of the whole stream next to its AST. The budget is for reading only: the
      // conversion's time extends the deadline.
      const started = performance.now();
      documents.push(convertDocument(ydoc, documents.length, text, scalarRanges));
      const over = started > deadline;
      deadline += performance.now() - started;
      if (over) throw new BudgetExceeded(Math.max(ydoc.range[2], parser.offset));
    }
  } catch (err) {
    if (err instanceof BudgetExceeded) {
      const at = Math.min(Math.max(err.offset, lastEnd), text.length);
      streamErrorStart = lastEnd;
      streamErrors = [
        problem(
          "PARSE_TIME_BUDGET",
          `Reading this file took longer than the time budget (${limits.timeBudgetMs} ms); the rest of the file from here on is not linted`,
          [at, Math.min(at + 1, text.length)],
          "error",
        ),
      ];
    } else {
      // The library should not throw; if it does, keep the failure attached to the file.
      streamErrors = [problem("PARSER_FAILURE", `YAML parser failure: ${(err as Error).message}`, [0, Math.min(1, text.length)], "error")];
    }
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  if (streamErrors.length) {
    if (streamErrors[0]!.code === "PARSE_TIME_BUDGET" || documents.length === 0) {
      const index = documents.length;
      documents.push({ type: "Document", index, content: null, errors: streamErrors, warnings: [], resources: [], helmSource: null, range: [streamErrorStart, text.length] });
    } else documents[documents.length - 1]!.errors.push(...streamErrors);
  }
  reportForbiddenCharacters(text, documents);
  if (options.bytes) reportInvalidUtf8(text, options.bytes, documents);
  const comments = collectComments(text, scalarRanges);
  attachHelmSources(documents, comments);
  return { documents, comments };
}

/** One composed document as a kubeguard Document (its scalars' ranges added to `scalarRanges`). */
function convertDocument(ydoc: YDocument.Parsed, index: number, text: string, scalarRanges: Range[]): DocumentNode {
  const conv = new Converter(text);
  let content: YamlNode | null = null;
  const errors: YamlProblem[] = [];
  try {
    content = conv.node(ydoc.contents);
  } catch (err) {
    errors.push(problem("CONVERSION_FAILURE", (err as Error).message, [ydoc.range[0], ydoc.range[0]], "error"));
  }
  errors.push(...conv.problems);
  for (const e of ydoc.errors) {
    errors.push(problem(e.code, errorMessage(e.code, e.message), [e.pos[0], Math.max(e.pos[0], e.pos[1])], "error"));
  }
  const warnings = ydoc.warnings.map((w) => problem(w.code, cleanMessage(w.message), [w.pos[0], Math.max(w.pos[0], w.pos[1])], "warning"));
  gatherScalarRanges(content, scalarRanges);
  return {
    type: "Document",
    index,
    content,
    errors,
    warnings,
    resources: [],
    helmSource: null,
    range: [ydoc.range[0], Math.max(ydoc.range[0], ydoc.range[1])],
  };
}

/** The first forbidden character (control character, invalid UTF-8) of each document, as an error. */
function reportForbiddenCharacters(text: string, documents: DocumentNode[]): void {
  FORBIDDEN_CHAR.lastIndex = 0;
  let m: RegExpExecArray | null;
  let di = 0;
  while ((m = FORBIDDEN_CHAR.exec(text)) !== null) {
    const at = m.index;
    while (di + 1 < documents.length && documents[di + 1]!.range[0] <= at) di++;
    const doc = documents[di];
    if (!doc) return;
    doc.errors.push(forbiddenCharProblem(m[0], at));
    // One per document: continue after it.
    const next = documents[di + 1];
    if (!next) return;
    FORBIDDEN_CHAR.lastIndex = Math.max(at + 1, next.range[0]);
    di++;
  }
}

/** The first invalid UTF-8 sequence of the file, as an error of the document it is in. */
function reportInvalidUtf8(text: string, bytes: Uint8Array, documents: DocumentNode[]): void {
  const at = invalidUtf8Offset(bytes, text);
  if (at === null) return;
  let doc = documents[0];
  for (const d of documents) if (d.range[0] <= at) doc = d;
  if (doc) doc.errors.push(invalidUtf8Problem(at, text.length));
  else documents.push({ type: "Document", index: 0, content: null, errors: [invalidUtf8Problem(at, text.length)], warnings: [], resources: [], helmSource: null, range: [0, text.length] });
}

/** Rendered Helm output: `# Source: chart/templates/x.yaml` right before (or at the top of) a document. */
function attachHelmSources(documents: DocumentNode[], comments: CommentToken[]): void {
  if (!comments.length) return;
  let ci = 0;
  let prevEnd = 0;
  for (const doc of documents) {
    const contentStart = doc.content ? doc.content.range[0] : doc.range[1];
    let source: string | null = null;
    while (ci < comments.length && comments[ci]!.range[0] < contentStart) {
      const c = comments[ci]!;
      if (c.range[0] >= prevEnd) {
        const m = SOURCE_COMMENT.exec(c.value);
        if (m) source = m[1]!;
      }
      ci++;
    }
    doc.helmSource = source;
    prevEnd = doc.range[1];
  }
}
