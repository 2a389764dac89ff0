/**
 * @fileoverview K8sSourceCode: ESLint's view of a parsed file. Traversal steps are computed once;
 * `loc` is computed lazily from ranges; directives come from `#` comments in both the
 * `eslint-…` and `kubeguard-…` spellings, and from the `kubeguard.io/ignore` annotation.
 */
import { ConfigCommentParser, Directive, TextSourceCodeBase, VisitNodeStep } from "@eslint/plugin-kit";
import type { FileProblem, RulesConfig } from "@eslint/core";
import type { CommentToken, K8sNode, ProgramNode, Range, ResourceNode, SourceLocation } from "./ast.js";
import { asScalar, getMap, getPair } from "./query.js";
import { literalTextStart } from "./flags.js";
import { rulesFor, rulesWithEquivalents } from "../migrate/equivalents.js";

export const PLUGIN_NAMESPACE = "kubeguard";
export const IGNORE_ANNOTATION = "kubeguard.io/ignore";

const commentParser = new ConfigCommentParser();
const KUBEGUARD_DIRECTIVE = /^\s*kubeguard-(disable-next-line|disable-line|disable|enable)(?=\s|$)(.*)$/su;
const ESLINT_INLINE_CONFIG = /^\s*(?:eslint|kubeguard)(?:-enable|-disable(?:(?:-next)?-line)?)?(?:\s|$)/u;

export interface K8sLanguageOptions {
  /** Honour `kubeguard.io/ignore` annotations (a setting can forbid them). */
  annotationSuppressions?: boolean;
  /**
   * Honour other tools' suppression annotations (kube-linter, Checkov, Polaris, kube-score) for the
   * kubeguard rules equivalent to their checks (default true; off with annotationSuppressions).
   */
  migrationAnnotations?: boolean;
  /** The rules that are on (set by the CLI): other tools' annotations map only to these. */
  enabledRules?: string[];
  [key: string]: unknown;
}

/** A synthetic node standing for a rule name inside a directive comment or annotation. */
interface DirectiveNameNode {
  type: "DirectiveName";
  range: Range;
  loc: SourceLocation;
}

type Located = { range: Range; loc?: SourceLocation };

/** Prefix bare rule ids with the plugin namespace; keep already-namespaced ids. */
function qualify(rule: string): string {
  return rule.includes("/") ? rule : `${PLUGIN_NAMESPACE}/${rule}`;
}

export class K8sSourceCode extends TextSourceCodeBase<{
  LangOptions: K8sLanguageOptions;
  RootNode: ProgramNode;
  SyntaxElementWithLoc: Located;
  ConfigNode: CommentToken;
}> {
  declare ast: ProgramNode;
  readonly comments: CommentToken[];
  readonly languageOptions: K8sLanguageOptions;
  readonly #lineStarts: number[];
  /** Whether every node's parent is linked (a whole walk was done). */
  #allParents = false;
  readonly #parents = new WeakMap<object, K8sNode>();

  constructor({ text, ast, languageOptions }: { text: string; ast: ProgramNode; languageOptions?: K8sLanguageOptions }) {
    super({ text, ast, lineEndingPattern: /\r\n|[\r\n]/u });
    this.ast = ast;
    this.comments = ast.comments;
    this.languageOptions = languageOptions ?? {};
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) starts.push(i + 1);
      else if (ch === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.#lineStarts = starts;
  }

  /** 1-based line and column of an offset. */
  positionAt(index: number): { line: number; column: number } {
    const starts = this.#lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: index - starts[lo]! + 1 };
  }

  override getLocFromIndex(index: number): { line: number; column: number } {
    if (index < 0 || index > this.text.length) throw new RangeError(`Index out of range (requested index ${index}, but source text has length ${this.text.length}).`);
    return this.positionAt(index);
  }

  override getIndexFromLoc(loc: { line: number; column: number }): number {
    const start = this.#lineStarts[loc.line - 1];
    if (start === undefined) throw new RangeError(`Line number out of range (line ${loc.line} requested).`);
    return start + loc.column - 1;
  }

  readonly #locs = new WeakMap<object, SourceLocation>();

  override getLoc(node: Located): SourceLocation {
    if (node.loc) return node.loc;
    let loc = this.#locs.get(node);
    if (!loc) {
      loc = { start: this.positionAt(node.range[0]), end: this.positionAt(node.range[1]) };
      this.#locs.set(node, loc);
    }
    return loc;
  }

  override getRange(node: Located): [number, number] {
    return node.range;
  }

  override getParent(node: Located): Located | undefined {
    const parent = this.#parents.get(node);
    if (parent !== undefined || this.#allParents) return parent as Located | undefined;
    // First question: link every node (ESLint itself never asks; no rule does today, so the
    // traversal does not keep a parent entry per node: ~4 MB per MB of YAML while the file lives).
    this.#allParents = true;
    for (const _ of this.#walk(true)) void _;
    return this.#parents.get(node) as Located | undefined;
  }

  /** All comments (shim for core rules that ask for them in unscoped configs). */
  getAllComments(): CommentToken[] {
    return this.comments;
  }

  /** Comments whose range lies inside [start, end). */
  commentsIn(start: number, end: number): CommentToken[] {
    return this.comments.filter((c) => c.range[0] >= start && c.range[0] < end);
  }

  /**
   * The traversal: Program → each Document → its YAML tree, then its semantic nodes
   * (Resource → PodSpec → Container, FlagSet → Flag). Systemd files: Program → UnitFile → FlagSets.
   *
   * A lazy iterable (ESLint iterates it once, step by step): the steps (two per node, ~35 bytes of
   * heap per byte of YAML when kept in an array) are garbage as soon as ESLint has applied them,
   * instead of living as long as the SourceCode (ESLint keeps the last file's SourceCode until the
   * next file, so a big stream's steps stayed alive through formatting). Parents are linked by a
   * separate walk the first time `getParent` is asked.
   */
  override traverse(): Iterable<VisitNodeStep> {
    return { [Symbol.iterator]: () => this.#walk(false) };
  }

  /** Depth-first, entering a node before its children and leaving it after them (explicit stack). */
  *#walk(linkParents: boolean): Generator<VisitNodeStep, void, undefined> {
    const parents = this.#parents;
    // Pending work, last first: a node to enter (args null) or a node to leave (its args).
    const nodes: K8sNode[] = [this.ast];
    const parentOf: (K8sNode | null)[] = [null];
    const leaving: (unknown[] | null)[] = [null];
    const push = (node: K8sNode | null, parent: K8sNode): void => {
      if (!node) return;
      nodes.push(node);
      parentOf.push(parent);
      leaving.push(null);
    };
    const pushAll = (list: readonly (K8sNode | null)[], parent: K8sNode): void => {
      for (let i = list.length - 1; i >= 0; i--) push(list[i]!, parent);
    };
    while (nodes.length) {
      const node = nodes.pop()!;
      const parent = parentOf.pop()!;
      const done = leaving.pop()!;
      if (done) {
        yield new VisitNodeStep({ target: node, phase: 2, args: done });
        continue;
      }
      if (parent && linkParents) parents.set(node, parent);
      // One args array for both phases (ESLint only reads it): fewer allocations per node.
      const args = [node, parent];
      yield new VisitNodeStep({ target: node, phase: 1, args });
      nodes.push(node);
      parentOf.push(parent);
      leaving.push(args);
      // Children pushed in reverse, so they are entered in document order.
      switch (node.type) {
        case "Program":
          push(node.unit, node);
          pushAll(node.body, node);
          break;
        case "Document":
          pushAll(node.resources, node);
          push(node.content, node);
          break;
        case "Map":
          pushAll(node.pairs, node);
          break;
        case "Pair":
          push(node.value, node);
          push(node.key, node);
          break;
        case "Seq":
          pushAll(node.items, node);
          break;
        case "Resource":
          pushAll(node.flagSets, node);
          pushAll(node.podSpecs, node);
          break;
        case "PodSpec":
          pushAll(node.containers, node);
          break;
        case "FlagSet":
          pushAll(node.flags, node);
          break;
        case "UnitFile":
          pushAll(node.flagSets, node);
          break;
        default:
          break;
      }
    }
  }

  /** Every Resource in the file, in order. */
  get resources(): ResourceNode[] {
    // Computed once: rules ask per pod, and a file of n objects made that O(n²) (docs/benchmarks.md).
    return (this.#resources ??= Object.freeze(this.ast.body.flatMap((d) => d.resources)) as ResourceNode[]);
  }

  #resources: ResourceNode[] | null = null;

  getInlineConfigNodes(): CommentToken[] {
    return this.comments.filter((c) => ESLINT_INLINE_CONFIG.test(c.value));
  }

  getDisableDirectives(): { directives: Directive[]; problems: FileProblem[] } {
    const directives: Directive[] = [];
    const problems: FileProblem[] = [];
    for (const comment of this.comments) {
      const kg = KUBEGUARD_DIRECTIVE.exec(comment.value);
      if (kg) {
        this.#kubeguardDirective(comment, kg[1] as Directive["type"], kg[2] ?? "", directives, problems);
        continue;
      }
      const parsed = commentParser.parseDirective(comment.value);
      if (!parsed) continue;
      const { label, value, justification } = parsed;
      if (!["eslint-disable", "eslint-enable", "eslint-disable-line", "eslint-disable-next-line"].includes(label)) continue;
      const type = label.slice("eslint-".length) as Directive["type"];
      directives.push(new Directive({ type, node: comment, value, justification }));
    }
    if (this.languageOptions.annotationSuppressions !== false) {
      this.#annotationDirectives(directives);
      if (this.languageOptions.migrationAnnotations !== false) this.#foreignAnnotationDirectives(directives);
    }
    return { directives, problems };
  }

  #kubeguardDirective(comment: CommentToken, type: Directive["type"], rest: string, directives: Directive[], problems: FileProblem[]): void {
    const sep = rest.search(/\s--\s|\s--$/u);
    const listText = sep === -1 ? rest : rest.slice(0, sep);
    const justification = sep === -1 ? "" : rest.slice(sep).replace(/^\s--\s?/u, "").trim();
    // `rest` is the tail of the comment's text: its offset is exact (indexOf could match earlier text).
    const listOffset = comment.range[1] - rest.length;
    const names: { name: string; start: number }[] = [];
    const re = /[^\s,]+/gu;
    let m: RegExpExecArray | null;
    while ((m = re.exec(listText))) names.push({ name: m[0], start: listOffset + m.index });
    if (!names.length) {
      if (listText.trim() !== "" ) {
        // Only separators left (e.g. after removing unused names): never widen to "all rules".
        return;
      }
      directives.push(new Directive({ type, node: comment, value: "", justification }));
      return;
    }
    if (names.length === 1) {
      // One rule: the directive is the whole comment, so removing it when unused (ESLint's fix for
      // unused directives) removes the comment instead of leaving a rule-less directive behind
      // that would disable every rule.
      directives.push(new Directive({ type, node: comment, value: qualify(names[0]!.name), justification }));
      return;
    }
    for (const { name, start } of names) {
      const range: Range = [start, start + name.length];
      const node: DirectiveNameNode = { type: "DirectiveName", range, loc: { start: this.positionAt(range[0]), end: this.positionAt(range[1]) } };
      if (type === "disable-next-line") node.loc = { start: node.loc.start, end: this.positionAt(comment.range[1]) };
      directives.push(new Directive({ type, node, value: qualify(name), justification }));
    }
    void problems;
  }

  /** `metadata.annotations["kubeguard.io/ignore"]: "rule-a,rule-b"` disables those rules for the object. */
  /**
   * Other tools' object annotations, mapped to kubeguard rules through `meta.docs.equivalents`:
   * kube-linter `ignore-check.kube-linter.io/<check>` and `kube-linter.io/ignore-all`, Checkov
   * `checkov.io/skipN: CKV_K8S_n=<comment>`, Polaris `polaris.fairwinds.com/<check>-exempt: "true"`
   * and `polaris.fairwinds.com/exempt: "true"`, kube-score `kube-score/ignore: a,b`. One directive per
   * rule and object (rules already named by `kubeguard.io/ignore` are left to it). The directive's
   * node is the one space after the annotation's colon when there is one, so ESLint's removal of an
   * unused directive (replace the node by a space) leaves the file unchanged.
   */
  #foreignAnnotationDirectives(directives: Directive[]): void {
    for (const resource of this.resources) {
      const annotations = getMap(getMap(resource.node, "metadata"), "annotations");
      if (!annotations) continue;
      const own = new Set((resource.annotations[IGNORE_ANNOTATION] ?? "").split(/[\s,]+/u).filter(Boolean).map(qualify));
      const seen = new Map<string, Directive>();
      for (const pair of annotations.pairs) {
        const key = asScalar(pair.key);
        const val = asScalar(pair.value ?? null);
        if (!key || typeof key.value !== "string") continue;
        const k = key.value;
        const v = val && val.value !== null ? String(val.value) : "";
        let targets: string[] = [];
        let why = "";
        let m: RegExpExecArray | null;
        if ((m = /^ignore-check\.kube-linter\.io\/(.+)$/u.exec(k))) {
          targets = rulesFor("kube-linter", m[1]!);
          why = `kube-linter ${k}${v ? `: ${v}` : ""}`;
        } else if (k === "kube-linter.io/ignore-all") {
          targets = rulesWithEquivalents("kube-linter");
          why = `kube-linter ${k}`;
        } else if (/^checkov\.io\/skip\d+$/u.test(k)) {
          const eq = v.indexOf("=");
          targets = rulesFor("checkov", eq === -1 ? v : v.slice(0, eq));
          why = `checkov ${k}: ${v}`;
        } else if ((m = /^polaris\.fairwinds\.com\/(.+)-exempt$/u.exec(k)) && v.toLowerCase() === "true") {
          targets = rulesFor("polaris", m[1]!);
          why = `polaris ${k}`;
        } else if (k === "polaris.fairwinds.com/exempt" && v.toLowerCase() === "true") {
          targets = rulesWithEquivalents("polaris");
          why = `polaris ${k}`;
        } else if (k === "kube-score/ignore") {
          targets = v.split(",").flatMap((id) => rulesFor("kube-score", id));
          why = `kube-score ${k}: ${v}`;
        }
        if (!targets.length) continue;
        const colon = this.text.indexOf(":", key.range[1]);
        const range: Range = colon !== -1 && this.text[colon + 1] === " " ? [colon + 1, colon + 2] : [pair.range[0], pair.range[0]];
        const objStart = this.positionAt(resource.range[0]);
        const objEnd = this.positionAt(resource.range[1]);
        const enabled = this.languageOptions.enabledRules as string[] | undefined;
        for (const target of targets) {
          const value = qualify(target);
          if (own.has(value) || seen.has(value)) continue;
          // Rules that are off would only produce "unused directive" noise (the CLI passes the list).
          if (enabled && !enabled.includes(target)) continue;
          const disable: DirectiveNameNode = { type: "DirectiveName", range, loc: { start: objStart, end: objStart } };
          const enable: DirectiveNameNode = { type: "DirectiveName", range: [resource.range[1], resource.range[1]], loc: { start: objEnd, end: objEnd } };
          const d = new Directive({ type: "disable", node: disable, value, justification: why });
          seen.set(value, d);
          directives.push(d);
          directives.push(new Directive({ type: "enable", node: enable, value, justification: "" }));
        }
      }
    }
  }

  #annotationDirectives(directives: Directive[]): void {
    for (const resource of this.resources) {
      const pair = getPair(getMap(getMap(resource.node, "metadata"), "annotations"), IGNORE_ANNOTATION);
      const scalar = asScalar(pair?.value ?? null);
      if (!pair || !scalar || typeof scalar.value !== "string") continue;
      const textStart = literalTextStart(this.text, scalar);
      const objStart = this.positionAt(resource.range[0]);
      const objEnd = this.positionAt(resource.range[1]);
      const re = /[^\s,]+/gu;
      let m: RegExpExecArray | null;
      while ((m = re.exec(scalar.value))) {
        const range: Range = textStart !== null ? [textStart + m.index, textStart + m.index + m[0].length] : scalar.range;
        const value = qualify(m[0]);
        const disable: DirectiveNameNode = { type: "DirectiveName", range, loc: { start: objStart, end: objStart } };
        const enable: DirectiveNameNode = { type: "DirectiveName", range: [resource.range[1], resource.range[1]], loc: { start: objEnd, end: objEnd } };
        directives.push(new Directive({ type: "disable", node: disable, value, justification: "kubeguard.io/ignore annotation" }));
        directives.push(new Directive({ type: "enable", node: enable, value, justification: "" }));
      }
    }
  }

  applyInlineConfig(): { configs: { loc: SourceLocation; config: { rules: RulesConfig } }[]; problems: FileProblem[] } {
    const configs: { loc: SourceLocation; config: { rules: RulesConfig } }[] = [];
    const problems: FileProblem[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      if (!parsed || parsed.label !== "eslint") continue;
      const result = commentParser.parseJSONLikeConfig(parsed.value);
      if (result.ok) configs.push({ loc: this.getLoc(comment), config: { rules: result.config } });
      else problems.push({ ruleId: null, message: result.error.message, loc: this.getLoc(comment) });
    }
    return { configs, problems };
  }
}
