/**
 * @fileoverview Cross-document analysis (issue 5, DESIGN §5): rules that need more than one object
 * — a Service and the pods it selects, a RoleBinding and its Role, a NetworkPolicy and its
 * namespace — over every file of one run.
 *
 * How it runs, without parsing any file twice:
 * - A cross-document rule is an ordinary ESLint rule made with `crossRule` (so configuration,
 *   presets, severities, docs and `--list-rules` work as for every rule). Its `check` works on an
 *   `ObjectIndex`, never on the AST.
 * - In kubeguard's CLI and language server, a collector is installed in the linting thread
 *   (src/crossdoc/runtime.ts). The rule then only hands the file's facts (src/crossdoc/facts.ts,
 *   computed once per file and pass, whatever number of cross rules are on) to the collector, and
 *   reports nothing. After every file is linted, the host builds one index of all facts and runs
 *   each rule's `check` once (src/crossdoc/run.ts): cost linear in the number of objects (lookups
 *   by kind, namespace, name and label postings).
 * - Anywhere else (a user's own ESLint, the rule tester) no collector is installed: the rule
 *   indexes the documents of the one file being linted and reports through ESLint.
 *
 * A finding that involves two objects is reported on the one to change and names the other
 * (file and line) in its message and in `related`.
 */
import type { K8sRuleContext, K8sRuleDefinition, K8sRuleMeta } from "../rule.js";
import { createRule } from "../rule.js";
import type { K8sSourceCode } from "../language/source-code.js";
import { factsOf, type FileFacts, type FlagSetFact, type ObjectFact } from "./facts.js";
import { activeCollector } from "./runtime.js";
import { at, items, str, stringRecord, type Snap } from "./snapshot.js";

export { at, entries, items, keyOf, str, stringRecord, plain, type Snap } from "./snapshot.js";
export type { ObjectFact, FlagSetFact, FileFacts } from "./facts.js";

/** Kinds that have no namespace (the common built-in ones). */
export const CLUSTER_SCOPED = new Set([
  "Namespace",
  "Node",
  "PersistentVolume",
  "ClusterRole",
  "ClusterRoleBinding",
  "StorageClass",
  "CustomResourceDefinition",
  "MutatingWebhookConfiguration",
  "ValidatingWebhookConfiguration",
  "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding",
  "MutatingAdmissionPolicy",
  "MutatingAdmissionPolicyBinding",
  "APIService",
  "PriorityClass",
  "IngressClass",
  "RuntimeClass",
  "CSIDriver",
  "CSINode",
  "VolumeAttachment",
  "PodSecurityPolicy",
  "CertificateSigningRequest",
  "ClusterIssuer",
  "GatewayClass",
  "ClusterPolicy",
  "ConstraintTemplate",
  "ComponentStatus",
  "FlowSchema",
  "PriorityLevelConfiguration",
]);

/** The namespace a document without `metadata.namespace` is in under `helm template`, when not known. */
export const RELEASE_NAMESPACE = "(release namespace)";

/** One object of the run, with the file it is in and its effective namespace. */
export interface Obj {
  file: string;
  fact: ObjectFact;
  kind: string;
  name: string | null;
  /** Effective namespace: written, else the release namespace (Helm output), else `default`; null when cluster-scoped. */
  ns: string | null;
  snap: Snap;
}

/** A pod template of a workload (or the pod itself). */
export interface PodTemplate {
  obj: Obj;
  /** The pod spec snapshot. */
  spec: Snap | null;
  /** The path of the pod spec in the object. */
  path: (string | number)[];
  labels: Record<string, string>;
}

export interface IndexOptions {
  /** `settings.kubeguard.releaseNamespace` (or `--helm-namespace`): where Helm output without a namespace goes. */
  releaseNamespace?: string | null;
}

type Selector = { matchLabels: Record<string, string>; matchExpressions: { key: string; operator: string; values: string[] }[] };

/** A label selector (`matchLabels`/`matchExpressions`) read from a snapshot; `plain` for a Service's map form. */
export function readSelector(snap: Snap | null | undefined, plainMap = false): Selector | null {
  if (!snap || !snap.m) return null;
  if (plainMap) return { matchLabels: stringRecord(snap), matchExpressions: [] };
  return {
    matchLabels: stringRecord(at(snap, "matchLabels")),
    matchExpressions: items(at(snap, "matchExpressions")).map((e) => ({
      key: str(at(e, "key")) ?? "",
      operator: str(at(e, "operator")) ?? "",
      values: items(at(e, "values")).map((v) => str(v) ?? ""),
    })),
  };
}

/** Whether `labels` satisfy `selector` (an empty selector selects everything). */
export function selectorMatches(selector: Selector, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(selector.matchLabels)) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions) {
    const has = Object.hasOwn(labels, e.key);
    switch (e.operator) {
      case "In":
        if (!has || !e.values.includes(labels[e.key]!)) return false;
        break;
      case "NotIn":
        if (has && e.values.includes(labels[e.key]!)) return false;
        break;
      case "Exists":
        if (!has) return false;
        break;
      case "DoesNotExist":
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

export function isEmptySelector(selector: Selector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}

/** All objects of a run, indexed by kind, namespace, name and pod-template labels. */
export class ObjectIndex {
  readonly objects: Obj[] = [];
  readonly flagSets: { file: string; set: FlagSetFact; obj: Obj | null }[] = [];
  readonly files: string[];
  readonly #byKind = new Map<string, Obj[]>();
  readonly #byName = new Map<string, Obj[]>();
  readonly #pods: PodTemplate[] = [];
  readonly #podsByNs = new Map<string, PodTemplate[]>();
  readonly #podsByObj = new Map<Obj, PodTemplate[]>();
  readonly #podPostings = new Map<string, PodTemplate[]>();
  readonly #namespaces = new Set<string>();

  constructor(files: Map<string, FileFacts>, options: IndexOptions = {}) {
    this.files = [...files.keys()];
    for (const [file, facts] of files) {
      const objs: Obj[] = [];
      for (const fact of facts.objects) {
        const kind = fact.kind ?? "";
        const ns = CLUSTER_SCOPED.has(kind) ? null : (fact.namespace ?? (fact.helmSource !== null ? (options.releaseNamespace ?? RELEASE_NAMESPACE) : "default"));
        const obj: Obj = { file, fact, kind, name: fact.name, ns, snap: fact.snap };
        objs.push(obj);
        this.objects.push(obj);
        push(this.#byKind, kind, obj);
        push(this.#byName, `${kind}\u0000${ns ?? ""}\u0000${fact.name ?? ""}`, obj);
        if (ns !== null) this.#namespaces.add(ns);
        if (kind === "Namespace" && fact.name) this.#namespaces.add(fact.name);
        for (const path of fact.podSpecPaths) {
          const spec = at(fact.snap, ...path);
          const labels = stringRecord(at(fact.snap, ...path.slice(0, -1), "metadata", "labels"));
          const pod: PodTemplate = { obj, spec, path, labels };
          this.#pods.push(pod);
          push(this.#podsByObj, obj, pod);
          const nsKey = ns ?? "";
          push(this.#podsByNs, nsKey, pod);
          for (const [k, v] of Object.entries(labels)) push(this.#podPostings, `${nsKey}\u0000${k}\u0000${v}`, pod);
        }
      }
      for (const set of facts.flagSets) this.flagSets.push({ file, set, obj: set.objectId !== null ? (objs[set.objectId] ?? null) : null });
    }
  }

  /** Objects of a kind (optionally in one namespace). */
  ofKind(kind: string, ns?: string | null): Obj[] {
    const all = this.#byKind.get(kind) ?? [];
    return ns === undefined ? all : all.filter((o) => o.ns === ns);
  }

  /** Objects with this kind, namespace and name (more than one: duplicates). */
  find(kind: string, ns: string | null, name: string): Obj[] {
    return this.#byName.get(`${kind}\u0000${ns ?? ""}\u0000${name}`) ?? [];
  }

  /** Whether any object of the run has this kind. */
  has(kind: string): boolean {
    return (this.#byKind.get(kind)?.length ?? 0) > 0;
  }

  /** Namespaces that objects of the run are in or declare. */
  namespaces(): string[] {
    return [...this.#namespaces];
  }

  /** Every pod template of the run. */
  podTemplates(): PodTemplate[] {
    return this.#pods;
  }

  /** Pod templates of an object. */
  podTemplatesOf(obj: Obj): PodTemplate[] {
    return this.#podsByObj.get(obj) ?? [];
  }

  /** Pod templates in `ns` whose labels match the selector (label postings: no full scan). */
  selectPods(ns: string | null, selector: Selector): PodTemplate[] {
    const nsKey = ns ?? "";
    let candidates: PodTemplate[] | undefined;
    for (const [k, v] of Object.entries(selector.matchLabels)) {
      const list = this.#podPostings.get(`${nsKey}\u0000${k}\u0000${v}`) ?? [];
      if (!candidates || list.length < candidates.length) candidates = list;
      if (!list.length) return [];
    }
    return (candidates ?? this.#podsByNs.get(nsKey) ?? []).filter((p) => selectorMatches(selector, p.labels));
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A finding of a cross-document rule. */
export interface CrossReport<MessageIds extends string> {
  obj: Obj;
  /** The node to report (default: the object's `metadata.name`, else the object). */
  node?: Snap | null;
  /** The key path of `node` in the object (for Helm/kustomize source mapping). */
  path?: (string | number)[];
  messageId: MessageIds;
  data?: Record<string, string | number>;
  /** The other objects involved, each with a short note. */
  related?: { obj: Obj; node?: Snap | null; message: string }[];
}

export interface CrossContext<MessageIds extends string, Options extends readonly unknown[]> {
  index: ObjectIndex;
  /** The rule's options for a file (files may configure a rule differently). */
  optionsFor(file: string): Options;
  /** Whether the rule is on for a file (findings in other files are dropped anyway). */
  enabledIn(file: string): boolean;
  /** settings.kubeguard of the run. */
  settings: Record<string, unknown>;
  /** "path/to/file.yaml:12" (or "line 12" within the file being linted by ESLint). */
  where(obj: Obj, node?: Snap | null): string;
  report(report: CrossReport<MessageIds>): void;
}

export interface CrossRuleInput<MessageIds extends string, Options extends readonly unknown[]> {
  name: string;
  meta: Omit<K8sRuleMeta<MessageIds, Options>, "defaultOptions" | "languages" | "fixable" | "hasSuggestions">;
  defaultOptions: Options;
  check(context: CrossContext<MessageIds, Options>): void;
}

export type CrossRuleDefinition<MessageIds extends string = string, Options extends readonly unknown[] = readonly unknown[]> = K8sRuleDefinition<MessageIds, Options> & {
  crossCheck(context: CrossContext<MessageIds, Options>): void;
};

/** The default location of a finding on an object: `metadata.name`'s value, else the object. */
export function defaultNode(obj: Obj): Snap {
  return at(obj.snap, "metadata", "name") ?? obj.snap;
}

/** Define a cross-document rule. */
export function crossRule<MessageIds extends string, Options extends readonly unknown[] = []>(
  input: CrossRuleInput<MessageIds, Options>,
): CrossRuleDefinition<MessageIds, Options> {
  const rule = createRule<MessageIds, Options>({
    name: input.name,
    meta: { ...input.meta, docs: { ...input.meta.docs, crossDocument: true } },
    defaultOptions: input.defaultOptions,
    create(context) {
      return {
        "Program:exit"() {
          const sourceCode = context.sourceCode;
          const collector = activeCollector();
          if (collector) {
            collector.offer(context.filename, sourceCode, `kubeguard/${input.name}`, context.settings);
            return;
          }
          runInFile(input, context, sourceCode);
        },
      };
    },
  });
  return Object.assign(rule, { crossCheck: input.check });
}

/** Outside the CLI/LSP: index the documents of this one file and report through ESLint. */
function runInFile<MessageIds extends string, Options extends readonly unknown[]>(
  input: CrossRuleInput<MessageIds, Options>,
  context: K8sRuleContext<MessageIds, Options>,
  sourceCode: K8sSourceCode,
): void {
  const facts = factsOf(sourceCode);
  if (!facts.objects.length && !facts.flagSets.length) return;
  const file = context.filename;
  const settings = (context.settings.kubeguard ?? {}) as Record<string, unknown>;
  const index = new ObjectIndex(new Map([[file, facts]]), { releaseNamespace: typeof settings.releaseNamespace === "string" ? settings.releaseNamespace : null });
  const lineOf = (offset: number): number => sourceCode.getLocFromIndex(offset).line;
  input.check({
    index,
    optionsFor: () => context.options,
    enabledIn: () => true,
    settings,
    where: (obj, node) => `line ${lineOf((node ?? defaultNode(obj)).r[0])}`,
    report(r) {
      const node = r.node ?? defaultNode(r.obj);
      const [start, end] = node.r;
      context.report({
        messageId: r.messageId,
        ...(r.data ? { data: r.data } : {}),
        loc: { start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(end) },
      });
    },
  });
}

export type { Selector };
