/**
 * @fileoverview RBAC effective-access evaluation for Role / ClusterRole content rules
 * (research/catalog-cluster.md §1 A). Matching follows the API server's RBAC authorizer
 * (`k8s.io/kubernetes/pkg/apis/rbac/v1/evaluation_helpers.go`), not string presence:
 *
 * - verbs: `*` or the exact verb;
 * - apiGroups: `*` or the exact group (`""` is the core group);
 * - resources: `*`, the exact `resource` or `resource/subresource`, or `*\/subresource` for a
 *   subresource request. `pods/*` is NOT a wildcard for pod subresources (Kubernetes does not
 *   expand it), so it grants nothing beyond a subresource literally named `*`;
 * - resourceNames: an empty list means every object; otherwise only the named objects. Requests
 *   without a name (`create` on a collection, `deletecollection`) are never allowed by a rule
 *   with resourceNames.
 *
 * Aggregation: a ClusterRole whose labels match another ClusterRole's
 * `aggregationRule.clusterRoleSelectors` (matchLabels and matchExpressions) in the same file is
 * merged into it by the controller; the built-in `admin`, `edit` and `view` aggregate ClusterRoles
 * labelled `rbac.authorization.k8s.io/aggregate-to-<name>: "true"`.
 */
import type { MapNode, ResourceNode, YamlNode } from "../../src/language/ast.js";
import { apiGroup } from "../../src/language/k8s.js";
import { asMap, asScalar, getMap, getPair, getSeq, scalarString, seqItems, stringMap } from "../../src/language/query.js";
import { createRule, type K8sRuleContext, type RuleEquivalents, type Severity } from "../../src/rule.js";
import { targetVersion } from "../../src/k8s-helpers/part-b.js";

export const RBAC_GROUP = "rbac.authorization.k8s.io";

export interface StrItem {
  value: string;
  node: YamlNode;
}

export interface PolicyRule {
  /** Index in `rules`. */
  index: number;
  node: MapNode;
  verbs: StrItem[];
  apiGroups: StrItem[];
  resources: StrItem[];
  resourceNames: StrItem[];
}

export function isRbacRole(resource: ResourceNode): boolean {
  return (resource.kind === "Role" || resource.kind === "ClusterRole") && apiGroup(resource.apiVersion) === RBAC_GROUP;
}

export function isRbacBinding(resource: ResourceNode): boolean {
  return (resource.kind === "RoleBinding" || resource.kind === "ClusterRoleBinding") && apiGroup(resource.apiVersion) === RBAC_GROUP;
}

function strItems(map: MapNode, key: string): StrItem[] {
  const out: StrItem[] = [];
  for (const it of seqItems(getSeq(map, key))) {
    const s = asScalar(it);
    if (!s) continue;
    // `apiGroups: [""]` is the core group; a null item (`- `) is the same empty string.
    const value = s.value === null ? "" : String(s.value);
    out.push({ value, node: it });
  }
  return out;
}

const rulesCache = new WeakMap<ResourceNode, PolicyRule[]>();

/** The resource rules (`rules[]` items with resources; nonResourceURLs rules are skipped) of a Role or ClusterRole. */
export function policyRules(resource: ResourceNode): PolicyRule[] {
  let out = rulesCache.get(resource);
  if (out) return out;
  out = [];
  seqItems(getSeq(resource.node, "rules")).forEach((item, index) => {
    const m = asMap(item);
    if (!m) return;
    out!.push({
      index,
      node: m,
      verbs: strItems(m, "verbs"),
      apiGroups: strItems(m, "apiGroups"),
      resources: strItems(m, "resources"),
      resourceNames: strItems(m, "resourceNames"),
    });
  });
  rulesCache.set(resource, out);
  return out;
}

/** A request shape: a verb on `resource` or `resource/subresource` in one of the groups. */
export interface Permission {
  verbs: string[];
  groups: string[];
  resources: string[];
  /** Cluster-scoped resources: a namespaced Role cannot grant them. */
  clusterScoped?: boolean;
}

/** The value lists of a policy rule, whether read from the AST or from a cross-document snapshot. */
export interface RuleValues<T extends { value: string } = { value: string }> {
  verbs: readonly T[];
  apiGroups: readonly T[];
  resources: readonly T[];
  resourceNames: readonly T[];
}

export function verbAllowed(rule: Pick<RuleValues, "verbs">, verb: string): boolean {
  return rule.verbs.some((v) => v.value === "*" || v.value === verb);
}

export function groupAllowed(rule: Pick<RuleValues, "apiGroups">, group: string): boolean {
  return rule.apiGroups.some((g) => g.value === "*" || g.value === group);
}

/** The rule's resources item that allows `requested` (`pods` or `pods/exec`), if any. */
export function resourceItem<T extends { value: string } = StrItem>(rule: { resources: readonly T[] }, requested: string): T | null {
  const slash = requested.indexOf("/");
  const sub = slash === -1 ? "" : requested.slice(slash + 1);
  for (const r of rule.resources) {
    if (r.value === "*" || r.value === requested) return r;
    if (sub && r.value === `*/${sub}`) return r;
  }
  return null;
}

/** Whether a rule with resourceNames can allow this verb on this resource at all (requests without a name cannot). */
export function namedRuleCanAllow(verb: string, requested: string): boolean {
  if (verb === "deletecollection") return false;
  if (verb === "create" && !requested.includes("/")) return false;
  return true;
}

export interface Grant {
  rule: PolicyRule;
  /** Verbs of interest that the rule allows (as requested, e.g. `get`). */
  verbs: string[];
  /** Resources of interest that the rule allows. */
  resources: string[];
  /** The first resources item that allows them (the node to report). */
  node: YamlNode;
  /** resourceNames the grant is limited to, or null for every object. */
  names: string[] | null;
}

/** What one policy rule grants of the given permissions (null: nothing). */
export function grantOf(rule: PolicyRule, permissions: Permission[], roleKind: string | null): Grant | null {
  const names = rule.resourceNames.length ? rule.resourceNames.map((n) => n.value) : null;
  const verbs = new Set<string>();
  const resources = new Set<string>();
  let node: YamlNode | null = null;
  for (const p of permissions) {
    if (p.clusterScoped && roleKind === "Role") continue;
    if (!p.groups.some((g) => groupAllowed(rule, g))) continue;
    for (const res of p.resources) {
      const item = resourceItem(rule, res);
      if (!item) continue;
      for (const verb of p.verbs) {
        if (!verbAllowed(rule, verb)) continue;
        if (names && !namedRuleCanAllow(verb, res)) continue;
        verbs.add(verb);
        resources.add(res);
        if (!node || item.node.range[0] < node.range[0]) node = item.node;
      }
    }
  }
  if (!node) return null;
  return { rule, verbs: [...verbs], resources: [...resources], node, names };
}

/** Whether a label selector (matchLabels + matchExpressions) matches a label set. An empty selector matches everything. */
export function selectorMatches(selector: MapNode, labels: Record<string, string>): boolean {
  const ml = getMap(selector, "matchLabels");
  for (const [k, v] of Object.entries(stringMap(ml))) if (labels[k] !== v) return false;
  for (const e of seqItems(getSeq(selector, "matchExpressions"))) {
    const em = asMap(e);
    if (!em) return false;
    const key = scalarString(getPair(em, "key")?.value ?? null);
    const op = scalarString(getPair(em, "operator")?.value ?? null);
    const values = seqItems(getSeq(em, "values")).map((v) => scalarString(v) ?? "");
    if (key === null || op === null) return false;
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    if (op === "In" && !(has && values.includes(labels[key]!))) return false;
    if (op === "NotIn" && has && values.includes(labels[key]!)) return false;
    if (op === "Exists" && !has) return false;
    if (op === "DoesNotExist" && has) return false;
    if (!["In", "NotIn", "Exists", "DoesNotExist"].includes(op)) return false;
  }
  return true;
}

export function labelsOf(resource: ResourceNode): Record<string, string> {
  return stringMap(getMap(getMap(resource.node, "metadata"), "labels"));
}

export const BUILTIN_AGGREGATE_LABELS: Record<string, string> = {
  "rbac.authorization.k8s.io/aggregate-to-admin": "admin",
  "rbac.authorization.k8s.io/aggregate-to-edit": "edit",
  "rbac.authorization.k8s.io/aggregate-to-view": "view",
};

/** ClusterRoles of the same file (and built-in admin/edit/view) that aggregate this ClusterRole's rules. */
export function aggregatorsOf(role: ResourceNode, all: readonly ResourceNode[]): { builtIn: string[]; inFile: ResourceNode[] } {
  if (role.kind !== "ClusterRole") return { builtIn: [], inFile: [] };
  const labels = labelsOf(role);
  const builtIn = Object.entries(BUILTIN_AGGREGATE_LABELS)
    .filter(([k]) => labels[k] === "true")
    .map(([, v]) => v);
  const inFile: ResourceNode[] = [];
  for (const other of all) {
    if (other === role || other.kind !== "ClusterRole" || !isRbacRole(other)) continue;
    const selectors = seqItems(getSeq(getMap(other.node, "aggregationRule"), "clusterRoleSelectors"));
    if (selectors.some((s) => {
      const m = asMap(s);
      return m !== null && selectorMatches(m, labels);
    })) inFile.push(other);
  }
  return { builtIn, inFile };
}

/** Message suffix naming the roles that silently inherit a grant through aggregation. */
export function aggregationNote(role: ResourceNode, all: readonly ResourceNode[], lineOf: (r: ResourceNode) => number): string {
  const { builtIn, inFile } = aggregatorsOf(role, all);
  const parts = [
    ...inFile.map((r) => `ClusterRole '${r.name ?? "(unnamed)"}' (line ${lineOf(r)})`),
    ...builtIn.map((b) => `the built-in '${b}' ClusterRole`),
  ];
  return parts.length ? ` It is aggregated into ${parts.join(" and ")}, so every subject bound to ${parts.length > 1 ? "them" : "it"} gets it too.` : "";
}

export function quoteList(values: string[]): string {
  return values.map((v) => `'${v}'`).join(", ");
}

export interface AccessRuleDef {
  name: string;
  description: string;
  severity: Severity;
  equivalents?: RuleEquivalents;
  /** The permissions of interest at a target version. */
  permissions: (version: [number, number]) => Permission[];
  /** Why the grant is dangerous (ends the message). */
  risk: string;
  /**
   * Whether a grant limited by resourceNames still counts (default: no, named access is least
   * privilege). Receives the names and the role.
   */
  namedCounts?: (names: string[], role: ResourceNode) => boolean;
  /** Extra per-role condition (e.g. only ClusterRoles or roles in kube-system). */
  applies?: (role: ResourceNode) => boolean;
}

/** A Role/ClusterRole content rule: reports each policy rule that grants any of the permissions. */
export function rbacAccessRule(def: AccessRuleDef) {
  return createRule({
    name: def.name,
    meta: {
      type: "problem",
      docs: { description: def.description, severity: def.severity, presets: ["recommended"], ...(def.equivalents ? { equivalents: def.equivalents } : {}) },
      messages: {
        grant: `{{kind}} '{{name}}' rules[{{index}}] grants {{verbs}} on {{resources}}{{names}}: ${def.risk}{{aggregated}}`,
      },
      schema: [],
    },
    defaultOptions: [],
    create(context) {
      const version = targetVersion(context.settings);
      const permissions = def.permissions(version);
      return {
        Resource(resource) {
          if (!isRbacRole(resource)) return;
          if (def.applies && !def.applies(resource)) return;
          for (const rule of policyRules(resource)) {
            const g = grantOf(rule, permissions, resource.kind);
            if (!g) continue;
            if (g.names && !(def.namedCounts?.(g.names, resource) ?? false)) continue;
            reportGrant(context, resource, g);
          }
        },
      };
    },
  });
}

function reportGrant(context: K8sRuleContext<"grant", readonly unknown[]>, resource: ResourceNode, g: Grant): void {
  const all = context.sourceCode.resources;
  const lineOf = (r: ResourceNode): number => context.sourceCode.getLoc(r.node).start.line;
  const wildVerb = g.rule.verbs.some((v) => v.value === "*");
  context.report({
    node: g.node,
    messageId: "grant",
    data: {
      kind: resource.kind ?? "Role",
      name: resource.name ?? "(unnamed)",
      index: g.rule.index,
      verbs: wildVerb ? `every verb (*), including ${g.verbs.join(", ")}` : g.verbs.join(", "),
      resources: g.resources.join(", "),
      names: g.names ? ` (only ${quoteList(g.names)})` : "",
      aggregated: aggregationNote(resource, all, lineOf),
    },
  });
}
