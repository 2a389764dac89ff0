/**
 * @fileoverview The kubeguard AST: a lean YAML layer (Program → Document → Map/Pair/Seq/Scalar/Alias)
 * plus the Kubernetes semantic view (Resource, PodSpec, Container, Flag) that rules subscribe to.
 *
 * Every node has `range: [start, end]` where `end` is the value end (never the node end, so a
 * trailing comment is never part of a node). `loc` is computed lazily by the SourceCode.
 */

export type Range = [number, number];

export interface Position {
  line: number;
  column: number;
}

export interface SourceLocation {
  start: Position;
  end: Position;
}

interface NodeBase {
  range: Range;
  /** Lazily filled by `K8sSourceCode.getLoc`. */
  loc?: SourceLocation;
}

export type ScalarStyle = "PLAIN" | "QUOTE_DOUBLE" | "QUOTE_SINGLE" | "BLOCK_LITERAL" | "BLOCK_FOLDED";

export interface ScalarNode extends NodeBase {
  type: "Scalar";
  /** The value as a YAML 1.1 reader (the API server's) resolves it. */
  value: string | number | boolean | bigint | null;
  style: ScalarStyle;
  /** Explicit tag, e.g. `!!str`, when one is written. */
  tag: string | null;
  anchor: string | null;
}

export interface MapNode extends NodeBase {
  type: "Map";
  pairs: PairNode[];
  flow: boolean;
  tag: string | null;
  anchor: string | null;
}

export interface PairNode extends NodeBase {
  type: "Pair";
  key: YamlNode | null;
  value: YamlNode | null;
  /** Offset where the key text starts (same as range[0]). */
}

export interface SeqNode extends NodeBase {
  type: "Seq";
  items: (YamlNode | null)[];
  flow: boolean;
  tag: string | null;
  anchor: string | null;
}

export interface AliasNode extends NodeBase {
  type: "Alias";
  name: string;
  /** The anchored node this alias refers to, when it resolves. */
  target: YamlNode | null;
}

export type YamlNode = ScalarNode | MapNode | SeqNode | AliasNode;

export interface YamlProblem {
  /** The `yaml` library's error code (e.g. `BAD_INDENT`, `DUPLICATE_KEY`) or kubeguard's own. */
  code: string;
  message: string;
  range: Range;
  severity: "error" | "warning";
}

export interface CommentToken {
  type: "Comment";
  /** Text after the `#`. */
  value: string;
  range: Range;
  loc?: SourceLocation;
}

export interface DocumentNode extends NodeBase {
  type: "Document";
  /** 0-based index of the document in the file. */
  index: number;
  content: YamlNode | null;
  errors: YamlProblem[];
  warnings: YamlProblem[];
  /** Resources found in this document: one, or the items of a `kind: List`, or none. */
  resources: ResourceNode[];
  /** `# Source: <path>` comment (rendered Helm output) that precedes the document. */
  helmSource: string | null;
}

/** Identity of a Kubernetes object. */
export interface ResourceIdentity {
  apiVersion: string | null;
  kind: string | null;
  name: string | null;
  namespace: string | null;
  docIndex: number;
}

export interface ResourceNode extends NodeBase, ResourceIdentity {
  type: "Resource";
  /** The object's mapping node. */
  node: MapNode;
  document: DocumentNode;
  /** Index in the `items` of a `kind: List`, else null. */
  listIndex: number | null;
  /** `metadata.annotations` as a plain string map (empty when absent). */
  annotations: Record<string, string>;
  podSpecs: PodSpecNode[];
  flagSets: FlagSetNode[];
}

export type ContainerKind = "container" | "initContainer" | "ephemeralContainer";

/** A value as it takes effect, with the node that set it (null when it is a default). */
export interface Effective<T> {
  value: T;
  /** Where the value was set: the container, the pod, or nowhere (Kubernetes default). */
  source: "container" | "pod" | "default";
  /** The value node that set it, when set. */
  node: YamlNode | null;
  /** The pair that set it, when set. */
  pair: PairNode | null;
}

export interface EffectiveSecurityContext {
  privileged: Effective<boolean>;
  allowPrivilegeEscalation: Effective<boolean | null>;
  runAsNonRoot: Effective<boolean | null>;
  runAsUser: Effective<number | null>;
  runAsGroup: Effective<number | null>;
  readOnlyRootFilesystem: Effective<boolean>;
  procMount: Effective<string | null>;
  capabilitiesAdd: string[];
  capabilitiesDrop: string[];
  seccompProfileType: Effective<string | null>;
  seLinuxOptions: Effective<Record<string, unknown> | null>;
  appArmorProfileType: Effective<string | null>;
  windowsHostProcess: Effective<boolean | null>;
}

export interface PodSpecNode extends NodeBase {
  type: "PodSpec";
  resource: ResourceNode;
  /** The pod spec mapping node. */
  node: MapNode;
  /** Key path from the resource root to the pod spec, e.g. `["spec","template","spec"]`. */
  path: (string | number)[];
  /** The pod template's metadata mapping (or the Pod's own metadata), when present. */
  metadata: MapNode | null;
  /** The pod-level `securityContext` mapping, when present. */
  securityContext: MapNode | null;
  containers: ContainerNode[];
}

export interface ContainerNode extends NodeBase {
  type: "Container";
  podSpec: PodSpecNode;
  resource: ResourceNode;
  node: MapNode;
  containerKind: ContainerKind;
  /** Index in its list (containers / initContainers / ephemeralContainers). */
  index: number;
  name: string | null;
  /** The `name:` pair, the usual anchor for "field missing" reports. */
  namePair: PairNode | null;
  /** The container-level `securityContext` mapping, when present. */
  securityContext: MapNode | null;
  /** `securityContext` pair, when present. */
  securityContextPair: PairNode | null;
  effective: EffectiveSecurityContext;
  /** Whether the pod sets `hostUsers: false` (user namespaces). */
}

export type FlagCarrier = "command" | "args" | "extraArgs" | "systemd" | "environment";

export interface FlagNode extends NodeBase {
  type: "Flag";
  component: string;
  /** Flag name without dashes, underscores normalised to dashes. */
  name: string;
  /** The name as written (without dashes). */
  rawName: string;
  /** The value, or null for a bare boolean flag like `--foo`. */
  value: string | null;
  carrier: FlagCarrier;
  /** Range of the value text, when written. */
  valueRange: Range | null;
  /** Range of the name text (without dashes). */
  nameRange: Range;
  /** For YAML carriers: the scalar (or map pair) that carries the flag. */
  node: YamlNode | PairNode | null;
  /** Whether a fix can edit this flag in place (false for e.g. values expanded from variables). */
  editable: boolean;
}

/**
 * The flags of one component invocation (one static-pod container, one kubeadm `extraArgs` map,
 * one systemd unit). `get(name)` gives the effective flag: the last occurrence wins.
 */
export interface FlagSetNode extends NodeBase {
  type: "FlagSet";
  component: string;
  carrier: FlagCarrier;
  flags: FlagNode[];
  /** The node where a missing flag would be added (the command/args sequence, the extraArgs map). */
  container: YamlNode | null;
  /** The container the flags were read from (static pods). */
  containerNode: ContainerNode | null;
  resource: ResourceNode | null;
  /** Whether the invocation also reads a config file (e.g. kubelet `--config`). */
  hasConfigFile: boolean;
}

export interface UnitFileNode extends NodeBase {
  type: "UnitFile";
  /** Parsed systemd sections with their entries (exact ranges). */
  entries: UnitEntry[];
  flagSets: FlagSetNode[];
}

export interface UnitEntry {
  section: string;
  key: string;
  value: string;
  range: Range;
  valueRange: Range;
}

export interface ProgramNode extends NodeBase {
  type: "Program";
  /** `yaml` for YAML/JSON files, `systemd` for unit files and drop-ins, `env` for environment files. */
  fileKind: "yaml" | "systemd" | "env";
  body: DocumentNode[];
  unit: UnitFileNode | null;
  comments: CommentToken[];
  /** Line-ending of the file (`\r\n` if the first line ending is CRLF). */
  eol: "\n" | "\r\n";
}

export type SemanticNode = ResourceNode | PodSpecNode | ContainerNode | FlagSetNode | FlagNode;
export type K8sNode = ProgramNode | DocumentNode | YamlNode | PairNode | SemanticNode | UnitFileNode;

export const visitorKeys: Record<string, string[]> = {
  Program: ["body", "unit"],
  Document: ["content", "resources"],
  Map: ["pairs"],
  Pair: ["key", "value"],
  Seq: ["items"],
  Scalar: [],
  Alias: [],
  Resource: ["podSpecs", "flagSets"],
  PodSpec: ["containers"],
  Container: [],
  FlagSet: ["flags"],
  Flag: [],
  UnitFile: ["flagSets"],
};

/**
 * Set a back-reference as a non-enumerable property, so the AST stays a tree for tools that walk
 * enumerable keys (ESLint's RuleTester clones the AST to check rules do not mutate it).
 */
export function link<T extends object, K extends keyof T>(obj: T, key: K, value: T[K]): T {
  Object.defineProperty(obj, key, { value, enumerable: false, writable: true, configurable: true });
  return obj;
}
