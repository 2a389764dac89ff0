/**
 * @fileoverview metadata-labels: label hygiene on object metadata and pod templates. Always: label
 * keys and values the API server rejects (value ≤ 63 characters of [A-Za-z0-9._-] starting and
 * ending alphanumeric; key = optional DNS-subdomain prefix + '/' + name of the same form). With the
 * options: labels (`requiredLabels`) and annotations (`requiredAnnotations`) every object must carry.
 */
import type { MapNode, PairNode } from "../src/language/ast.js";
import { asScalar, getMap, getPair } from "../src/language/query.js";
import { createRule } from "../src/rule.js";

const NAME = /^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)$/u;
const PREFIX = /^(?=.{1,253}$)[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/u;

/** Unrendered template placeholders (`${VAR}`, `{{ .x }}`) are left alone: the rendered value is unknown. */
const TEMPLATED = /\$\{|\{\{/u;

export function labelKeyProblem(key: string): string | null {
  if (TEMPLATED.test(key)) return null;
  const slash = key.lastIndexOf("/");
  const prefix = slash >= 0 ? key.slice(0, slash) : null;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== null && !PREFIX.test(prefix)) return "its prefix is not a DNS subdomain";
  if (!NAME.test(name)) return "its name part must be 1–63 characters of letters, digits, '-', '_', '.', starting and ending with a letter or digit";
  return null;
}

export function labelValueProblem(value: string): string | null {
  if (value === "" || TEMPLATED.test(value)) return null;
  return NAME.test(value) ? null : "label values must be at most 63 characters of letters, digits, '-', '_', '.', starting and ending with a letter or digit";
}

type Opts = [{ requiredLabels?: string[]; requiredAnnotations?: string[] }];

export default createRule<"badKey" | "badValue" | "missingLabel" | "missingAnnotation", Opts>({
  name: "metadata-labels",
  meta: {
    type: "suggestion",
    docs: {
      description: "Report invalid labels and missing required labels or annotations",
      severity: "info",
      presets: ["all"],
      equivalents: { "kube-linter": ["required-label-owner", "required-annotation-email"], polaris: ["metadataAndInstanceMismatched"], kubescape: ["C-0076", "C-0077"], "kube-score": ["label-values"] },
    },
    messages: {
      badKey: "Label key '{{key}}' is invalid: {{why}}; the API server rejects the object.",
      badValue: "Label '{{key}}' has the value '{{value}}': {{why}}; the API server rejects the object.",
      missingLabel: "{{kind}} '{{name}}' lacks the required label '{{key}}'.",
      missingAnnotation: "{{kind}} '{{name}}' lacks the required annotation '{{key}}'.",
    },
    schema: [
      {
        type: "object",
        properties: {
          requiredLabels: { type: "array", items: { type: "string" } },
          requiredAnnotations: { type: "array", items: { type: "string" } },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ requiredLabels: [], requiredAnnotations: [] }],
  create(context, [options]) {
    const checkLabels = (labels: MapNode | null): void => {
      for (const p of labels?.pairs ?? []) {
        const k = asScalar(p.key);
        const v = asScalar(p.value);
        if (!k || k.value === null) continue;
        const key = String(k.value);
        const kp = labelKeyProblem(key);
        if (kp) context.report({ node: k, messageId: "badKey", data: { key, why: kp } });
        if (v && v.value !== null && typeof v.value === "string") {
          const vp = labelValueProblem(v.value);
          if (vp) context.report({ node: v, messageId: "badValue", data: { key, value: v.value.length > 80 ? `${v.value.slice(0, 77)}...` : v.value, why: vp } });
        }
      }
    };
    return {
      Resource(resource) {
        const metadataPair: PairNode | null = getPair(resource.node, "metadata");
        const metadata = getMap(resource.node, "metadata");
        const labels = getMap(metadata, "labels");
        checkLabels(labels);
        for (const ps of resource.podSpecs) if (ps.metadata && ps.metadata !== metadata) checkLabels(getMap(ps.metadata, "labels"));
        const data = { kind: resource.kind ?? "", name: resource.name ?? "(unnamed)" };
        const anchor = metadataPair?.key ?? getPair(resource.node, "kind") ?? resource.node;
        for (const key of options.requiredLabels ?? []) if (!getPair(labels, key)) context.report({ node: anchor, messageId: "missingLabel", data: { ...data, key } });
        for (const key of options.requiredAnnotations ?? []) if (!(key in resource.annotations)) context.report({ node: anchor, messageId: "missingAnnotation", data: { ...data, key } });
      },
    };
  },
});
