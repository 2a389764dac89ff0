/**
 * @fileoverview image-registry-not-allowed (config): images must come from the registries the
 * organisation trusts (`settings.kubeguard.trustedRegistries` or the rule's `allowed` option), and
 * never from a `denied` one.
 */
import { createRule } from "../src/rule.js";
import { containerKindLabel, containerName, imageOf, parseImage, registryMatches } from "../src/k8s-helpers/part-b.js";

type Options = [{ allowed?: string[]; denied?: string[] }];

const PATTERN = { type: "string", minLength: 1, pattern: "^(\\*\\.)?[A-Za-z0-9.-]+(:[0-9]+)?(/[^\\s]*)?$" };

function stringList(value: unknown, where: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string" || v.trim() === "")) {
    throw new Error(`kubeguard: ${where} must be a list of registry patterns such as "registry.example.com", "*.azurecr.io" or "ghcr.io/my-org" (got ${JSON.stringify(value)})`);
  }
  return value as string[];
}

export default createRule<"notAllowed" | "denied", Options>({
  name: "image-registry-not-allowed",
  meta: {
    type: "problem",
    docs: {
      description: "Require images from trusted registries",
      severity: "medium",
      presets: ["recommended"],
      standards: { nsa: "Kubernetes Pod security: image scanning and provenance" },
      equivalents: { "kube-linter": ["latest-tag"], trivy: ["KSV0125", "KSV032", "KSV033", "KSV035"], kubescape: ["C-0078", "C-0001", "C-0304"] },
    },
    messages: {
      notAllowed: "{{containerKind}} '{{name}}' uses image '{{image}}' from registry '{{registry}}', which is not in the trusted registries ({{allowed}}).",
      denied: "{{containerKind}} '{{name}}' uses image '{{image}}' from registry '{{registry}}', which matches the denied pattern '{{pattern}}'.",
    },
    schema: [
      {
        type: "object",
        properties: {
          allowed: { type: "array", items: PATTERN, uniqueItems: true, description: "Trusted registry patterns (overrides settings.kubeguard.trustedRegistries)." },
          denied: { type: "array", items: PATTERN, uniqueItems: true, description: "Registry patterns that are never allowed." },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{}],
  create(context, [options]) {
    const allowed = options.allowed ?? stringList(context.settings.kubeguard?.trustedRegistries, "settings.kubeguard.trustedRegistries");
    const denied = options.denied ?? [];
    // Nothing configured: nothing to check (there is no universal list of trusted registries).
    if (!allowed && !denied.length) return {};
    return {
      Container(container) {
        const img = imageOf(container);
        const ref = img ? parseImage(img.value) : null;
        if (!img || !ref) return;
        const data = { containerKind: containerKindLabel(container.containerKind), name: containerName(container), image: img.value, registry: ref.registry };
        const deniedBy = denied.find((p) => registryMatches(ref, p));
        if (deniedBy) {
          context.report({ node: img.node, messageId: "denied", data: { ...data, pattern: deniedBy } });
          return;
        }
        if (allowed && !allowed.some((p) => registryMatches(ref, p))) {
          context.report({ node: img.node, messageId: "notAllowed", data: { ...data, allowed: allowed.length ? allowed.join(", ") : "none" } });
        }
      },
    };
  },
});
