/**
 * @fileoverview The only module that imports `yaml`. Parses a file once (Parser + Composer, YAML 1.1
 * schema as the API server reads it) into the lean kubeguard AST. Never throws: YAML errors stay
 * attached to their document.
 */
import { Composer, Parser, isAlias, isMap, isPair, isScalar, isSeq } from "yaml";
import type { Document as YDocument, Node as YNode, Pair as YPair, Scalar as YScalar } from "yaml";
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

function problem(code: string, message: string, range: Range, severity: "error" | "warning"): YamlProblem {
  return { code, message, range, severity };
}

/** Strip the library's " at line X, column Y" suffix and code excerpt: we report positions ourselves. */
function cleanMessage(message: string): string {
  const firstLine = message.split("\n")[0] ?? message;
  return firstLine.replace(/ at line \d+, column \d+:?$/u, "").trim();
}

class Converter {
  readonly anchors = new Map<string, YamlNode>();
  /** Problems found while converting (the library reports unknown aliases only at toJS time). */
  readonly problems: YamlProblem[] = [];
  private readonly converted = new Map<YNode, YamlNode>();

  constructor(private readonly text: string) {}

  node(n: unknown): YamlNode | null {
    if (n == null) return null;
    if (isScalar(n)) return this.scalar(n);
    if (isMap(n)) {
      const range = this.range(n as YNode);
      const out: MapNode = {
        type: "Map",
        pairs: [],
        flow: Boolean((n as { flow?: boolean }).flow),
        tag: (n as YNode).tag ?? null,
        anchor: (n as YNode).anchor ?? null,
        range,
      };
      this.register(n as YNode, out);
      for (const item of n.items) out.pairs.push(this.pair(item as YPair));
      return out;
    }
    if (isSeq(n)) {
      const out: SeqNode = {
        type: "Seq",
        items: [],
        flow: Boolean((n as { flow?: boolean }).flow),
        tag: (n as YNode).tag ?? null,
        anchor: (n as YNode).anchor ?? null,
        range: this.range(n as YNode),
      };
      this.register(n as YNode, out);
      for (const item of n.items) {
        // A pair inside a sequence (`- a: b` in flow context like `[a: b]`) becomes a one-pair map.
        if (isPair(item)) {
          const p = this.pair(item as YPair);
          out.items.push({ type: "Map", pairs: [p], flow: true, tag: null, anchor: null, range: p.range });
        } else out.items.push(this.node(item));
      }
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
    this.converted.set(n, out);
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

  private pair(p: YPair): PairNode {
    const key = this.node(p.key);
    const value = this.node(p.value);
    const start = key ? key.range[0] : value ? value.range[0] : 0;
    let end = value ? value.range[1] : key ? key.range[1] : start;
    if (!value && key) {
      // `key:` with no value: include the colon so the pair covers what was written.
      const colon = this.text.indexOf(":", key.range[1]);
      if (colon !== -1 && colon - key.range[1] < 64 && /^\s*$/u.test(this.text.slice(key.range[1], colon))) end = colon + 1;
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
export function parseYaml(text: string): ParsedYaml {
  const documents: DocumentNode[] = [];
  const scalarRanges: Range[] = [];
  let ydocs: YDocument.Parsed[] = [];
  let streamErrors: YamlProblem[] = [];
  try {
    const parser = new Parser();
    const composer = new Composer({
      version: "1.1",
      logLevel: "silent",
      uniqueKeys: true,
      prettyErrors: false,
      customTags: (tags) => tags,
    });
    ydocs = [...composer.compose(parser.parse(text), true, text.length)];
  } catch (err) {
    // The library should not throw; if it does, keep the failure attached to the file.
    streamErrors = [problem("PARSER_FAILURE", `YAML parser failure: ${(err as Error).message}`, [0, Math.min(1, text.length)], "error")];
  }
  ydocs.forEach((ydoc, index) => {
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
      errors.push(problem(e.code, cleanMessage(e.message), [e.pos[0], Math.max(e.pos[0], e.pos[1])], "error"));
    }
    const warnings = ydoc.warnings.map((w) => problem(w.code, cleanMessage(w.message), [w.pos[0], Math.max(w.pos[0], w.pos[1])], "warning"));
    gatherScalarRanges(content, scalarRanges);
    documents.push({
      type: "Document",
      index,
      content,
      errors,
      warnings,
      resources: [],
      helmSource: null,
      range: [ydoc.range[0], Math.max(ydoc.range[0], ydoc.range[1])],
    });
  });
  if (streamErrors.length) {
    if (documents.length === 0) {
      documents.push({ type: "Document", index: 0, content: null, errors: streamErrors, warnings: [], resources: [], helmSource: null, range: [0, text.length] });
    } else documents[documents.length - 1]!.errors.push(...streamErrors);
  }
  const comments = collectComments(text, scalarRanges);
  attachHelmSources(documents, comments);
  return { documents, comments };
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
