/**
 * @fileoverview Factory for the resource rules of research/catalog-workload.md §1H
 * (cpu-request-missing, cpu-limit-missing, memory-request-missing, memory-limit-missing) and the
 * Kubernetes quantity parser shared with ephemeral-storage-unset and requests-not-equal-limits.
 */
import { createRule, type Preset, type RuleEquivalents, type Severity } from "../../src/rule.js";
import type { ContainerNode, MapNode, PairNode } from "../../src/language/ast.js";
import { asScalar, getMap, getPair } from "../../src/language/query.js";
import { containerAnchor, containerLabel } from "../../src/k8s-helpers/part-c.js";

const SUFFIX: Record<string, number> = {
  n: 1e-9, u: 1e-6, m: 1e-3, "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** A Kubernetes resource quantity ("500m", "1.5Gi", "2e3", 1) as a number; null when malformed. */
export function parseQuantity(node: PairNode["value"]): number | null {
  const s = asScalar(node);
  if (!s || s.value === null || typeof s.value === "boolean") return null;
  if (typeof s.value === "number") return s.value;
  if (typeof s.value === "bigint") return Number(s.value);
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/u.exec(s.value.trim());
  if (!m) return null;
  const n = Number(m[1]);
  if (m[2]) return n * 10 ** Number(m[2].slice(1));
  return n * SUFFIX[m[3] ?? ""]!;
}

/** Equal quantities (1Gi == 1024Mi, 500m == 0.5), with a relative tolerance for float rounding. */
export function sameQuantity(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** Containers whose resources the API accepts: regular and init containers (ephemeral ones cannot set resources). */
export function hasResources(c: ContainerNode): boolean {
  return c.containerKind !== "ephemeralContainer";
}

/** The closest existing node to report a missing `resources.<section>.<name>` on. */
export function resourcesAnchor(c: ContainerNode, section: "requests" | "limits"): { range: [number, number] } {
  const resources = getPair(c.node, "resources");
  const sec = getPair(getMap(c.node, "resources"), section);
  return sec?.key ?? resources?.key ?? containerAnchor(c);
}

/** A set value: present, non-empty, and not a zero quantity. */
export function isSet(map: MapNode | null, name: string): boolean {
  const p = getPair(map, name);
  if (!p) return false;
  const s = asScalar(p.value);
  if (!s || s.value === null || s.value === "") return false;
  const q = parseQuantity(p.value);
  return q === null || q !== 0;
}

export interface ResourceRuleSpec {
  name: string;
  section: "requests" | "limits";
  resource: "cpu" | "memory";
  description: string;
  severity: Severity;
  presets: Preset[];
  equivalents: RuleEquivalents;
  consequence: string;
}

export function resourceRule(spec: ResourceRuleSpec) {
  return createRule({
    name: spec.name,
    meta: {
      type: "suggestion",
      docs: {
        description: spec.description,
        severity: spec.severity,
        presets: spec.presets,
        standards: { nsa: "Kubernetes Pod security: resource policies (requests and limits)" },
        equivalents: spec.equivalents,
      },
      messages: {
        missing: `{{container}} has no resources.${spec.section}.${spec.resource}: ${spec.consequence}`,
      },
      schema: [],
    },
    defaultOptions: [],
    create(context) {
      return {
        Container(c) {
          if (!hasResources(c)) return;
          if (isSet(getMap(getMap(c.node, "resources"), spec.section), spec.resource)) return;
          context.report({ node: resourcesAnchor(c, spec.section), messageId: "missing", data: { container: containerLabel(c) } });
        },
      };
    },
  });
}
