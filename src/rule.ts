/**
 * @fileoverview The rule API: `createRule` in typescript-eslint's RuleCreator shape, typed for the
 * kubeguard language. Rules are plain ESLint rule objects; ESLint merges `meta.defaultOptions`
 * with the user's options and validates them against `meta.schema`.
 */
import type {
  AliasNode,
  ContainerNode,
  DocumentNode,
  FlagNode,
  FlagSetNode,
  MapNode,
  PairNode,
  PodSpecNode,
  ProgramNode,
  ResourceNode,
  ScalarNode,
  SeqNode,
  SourceLocation,
  UnitFileNode,
} from "./language/ast.js";
import type { K8sSourceCode } from "./language/source-code.js";

/** A JSON Schema (draft-04, as ESLint validates rule options with). */
export type JSONSchema4 = Record<string, unknown>;

export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];
export const PRESETS = ["recommended", "baseline", "restricted", "cis", "all"] as const;
export type Preset = (typeof PRESETS)[number];

export const DOCS_BASE_URL = "https://github.com/kubeguard/kubeguard/blob/main/rules/";

export function docsUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}

export interface RuleStandards {
  /** Pod Security Standards control, e.g. "baseline: Privileged Containers". */
  pss?: string;
  /** CIS Kubernetes Benchmark item ids, e.g. ["1.2.1"]. */
  cis?: string[];
  /** NSA/CISA Kubernetes Hardening Guidance section. */
  nsa?: string;
}

/** Peer tools' ids for the same check (from research/catalog-*.md). */
export interface RuleEquivalents {
  "kube-linter"?: string[];
  checkov?: string[];
  polaris?: string[];
  trivy?: string[];
  kubescape?: string[];
  "kube-score"?: string[];
  "kube-bench"?: string[];
  kubesec?: string[];
}

export interface K8sRuleDocs {
  description: string;
  severity: Severity;
  presets: Preset[];
  standards?: RuleStandards;
  equivalents?: RuleEquivalents;
  /** Set by `crossRule` (src/crossdoc): the rule looks at more than one object of the run. */
  crossDocument?: boolean;
  /** Other catalog ids this rule implements (research/catalog-cluster.md §6); accepted by config and `--rule`, listed by `--list-rules`. */
  aliases?: string[];
  /** Injected by `createRule`. */
  url?: string;
}

export interface K8sRuleMeta<MessageIds extends string, Options extends readonly unknown[]> {
  type: "problem" | "suggestion" | "layout";
  docs: K8sRuleDocs;
  messages: Record<MessageIds, string>;
  schema?: JSONSchema4[] | JSONSchema4 | false;
  defaultOptions?: Options;
  fixable?: "code" | "whitespace";
  hasSuggestions?: boolean;
  deprecated?: boolean;
  languages?: string[];
}

export interface RuleTextEdit {
  range: [number, number];
  text: string;
}

export interface RuleFixer {
  insertTextAfterRange(range: [number, number], text: string): RuleTextEdit;
  insertTextBeforeRange(range: [number, number], text: string): RuleTextEdit;
  replaceTextRange(range: [number, number], text: string): RuleTextEdit;
  removeRange(range: [number, number]): RuleTextEdit;
}

export type FixFunction = (fixer: RuleFixer) => RuleTextEdit | RuleTextEdit[] | null | Iterable<RuleTextEdit>;

export interface SuggestionDescriptor<MessageIds extends string> {
  messageId: MessageIds;
  data?: Record<string, string | number>;
  fix: FixFunction;
}

export interface ReportDescriptor<MessageIds extends string> {
  messageId: MessageIds;
  data?: Record<string, string | number>;
  node?: { range: [number, number]; loc?: SourceLocation };
  loc?: SourceLocation;
  fix?: FixFunction | null;
  suggest?: SuggestionDescriptor<MessageIds>[] | null;
}

/** kubeguard's settings, read from `settings.kubeguard`. */
export interface KubeguardSettings {
  kubernetesVersion?: string;
  /** Set by `kubeguard --fix`: hardening suggestions become fixes. */
  applyHardening?: boolean;
  [key: string]: unknown;
}

export interface K8sRuleContext<MessageIds extends string, Options extends readonly unknown[]> {
  id: string;
  filename: string;
  physicalFilename: string;
  cwd: string;
  options: Options;
  settings: { kubeguard?: KubeguardSettings; [key: string]: unknown };
  sourceCode: K8sSourceCode;
  report(descriptor: ReportDescriptor<MessageIds>): void;
}

type Handler<N> = (node: N) => void;

export interface K8sRuleVisitor {
  Program?: Handler<ProgramNode>;
  "Program:exit"?: Handler<ProgramNode>;
  Document?: Handler<DocumentNode>;
  "Document:exit"?: Handler<DocumentNode>;
  Map?: Handler<MapNode>;
  Pair?: Handler<PairNode>;
  Seq?: Handler<SeqNode>;
  Scalar?: Handler<ScalarNode>;
  Alias?: Handler<AliasNode>;
  Resource?: Handler<ResourceNode>;
  "Resource:exit"?: Handler<ResourceNode>;
  PodSpec?: Handler<PodSpecNode>;
  "PodSpec:exit"?: Handler<PodSpecNode>;
  Container?: Handler<ContainerNode>;
  FlagSet?: Handler<FlagSetNode>;
  Flag?: Handler<FlagNode>;
  UnitFile?: Handler<UnitFileNode>;
}

export interface K8sRuleDefinition<MessageIds extends string = string, Options extends readonly unknown[] = readonly unknown[]> {
  /** The bare rule id (kebab-case). */
  name: string;
  meta: K8sRuleMeta<MessageIds, Options> & { docs: K8sRuleDocs & { url: string } };
  defaultOptions: Options;
  create(context: K8sRuleContext<MessageIds, Options>): K8sRuleVisitor;
}

export interface CreateRuleInput<MessageIds extends string, Options extends readonly unknown[]> {
  name: string;
  meta: Omit<K8sRuleMeta<MessageIds, Options>, "defaultOptions" | "languages">;
  defaultOptions: Options;
  create(context: K8sRuleContext<MessageIds, Options>, options: Options): K8sRuleVisitor;
}

export const LANGUAGE_ID = "kubeguard/k8s";

/**
 * Define a rule. Injects the docs URL, `meta.languages` and `meta.defaultOptions`; passes the
 * merged options as the second argument of `create` (typescript-eslint's RuleCreator shape).
 */
export function createRule<MessageIds extends string, Options extends readonly unknown[] = []>(
  input: CreateRuleInput<MessageIds, Options>,
): K8sRuleDefinition<MessageIds, Options> {
  const { name, meta, defaultOptions, create } = input;
  return {
    name,
    meta: {
      ...meta,
      schema: meta.schema ?? [],
      defaultOptions,
      languages: [LANGUAGE_ID],
      docs: { ...meta.docs, url: docsUrl(name) },
    },
    defaultOptions,
    create(context) {
      return create(context, context.options);
    },
  };
}

/**
 * Report a finding whose remedy hardens the workload (changes its behaviour). In ESLint (editors'
 * fix-on-save, plain `eslint --fix`) it is offered as a suggestion; `kubeguard --fix` sets
 * `settings.kubeguard.applyHardening`, which turns it into a fix.
 */
export function reportHardening<MessageIds extends string, Options extends readonly unknown[]>(
  context: K8sRuleContext<MessageIds, Options>,
  descriptor: Omit<ReportDescriptor<MessageIds>, "fix" | "suggest">,
  suggestion: { messageId: MessageIds; data?: Record<string, string | number>; fix: FixFunction | null },
): void {
  if (!suggestion.fix) {
    context.report(descriptor);
    return;
  }
  if (context.settings.kubeguard?.applyHardening) {
    context.report({ ...descriptor, fix: suggestion.fix });
  } else {
    context.report({ ...descriptor, suggest: [{ messageId: suggestion.messageId, data: suggestion.data, fix: suggestion.fix }] });
  }
}
