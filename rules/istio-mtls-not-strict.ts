/**
 * @fileoverview istio-mtls-not-strict: an Istio PeerAuthentication whose `mtls.mode` is PERMISSIVE
 * (plaintext accepted next to mTLS) or DISABLE, or a `portLevelMtls` entry with DISABLE/PERMISSIVE.
 * Workloads it selects accept plaintext traffic that bypasses the mesh's identity, so
 * AuthorizationPolicies based on principals do not hold. UNSET inherits and is not reported.
 */
import { asFix, replaceNode } from "../src/fix/index.js";
import type { MapNode, ScalarNode } from "../src/language/ast.js";
import { asMap, asScalar, getMap, getPair } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { isIstio, ISTIO_SECURITY } from "./shared/_mesh.js";

export default createRule({
  name: "istio-mtls-not-strict",
  meta: {
    type: "problem",
    docs: {
      description: "Require Istio PeerAuthentication mTLS mode STRICT",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      notStrict: "PeerAuthentication '{{name}}'{{where}} sets mTLS mode {{mode}}: {{scope}} {{accept}} plaintext connections without a peer identity, so identity-based AuthorizationPolicies can be bypassed.",
      strict: "Set mode: STRICT (clients outside the mesh are then refused).",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const check = (mtls: MapNode | null, name: string, where: string, scope: string, accept: string): void => {
      const node: ScalarNode | null = asScalar(getPair(mtls, "mode")?.value ?? null);
      const mode = typeof node?.value === "string" ? node.value : null;
      if (!node || (mode !== "PERMISSIVE" && mode !== "DISABLE")) return;
      const fix = asFix(replaceNode(context.sourceCode, node, node.style === "QUOTE_DOUBLE" ? '"STRICT"' : node.style === "QUOTE_SINGLE" ? "'STRICT'" : "STRICT"));
      context.report({ node, messageId: "notStrict", data: { name, where, mode, scope, accept }, suggest: fix ? [{ messageId: "strict", fix }] : null });
    };
    return {
      Resource(resource) {
        if (!isIstio(resource, ISTIO_SECURITY, "PeerAuthentication")) return;
        const spec = getMap(resource.node, "spec");
        const name = resource.name ?? "(unnamed)";
        const meshWide = resource.namespace === "istio-system" && !getPair(spec, "selector");
        const scope = getPair(spec, "selector") ? "the selected workloads" : meshWide ? "workloads mesh-wide (root namespace, no selector)" : "the namespace's workloads";
        check(getMap(spec, "mtls"), name, "", scope, "accept");
        const ports = getMap(spec, "portLevelMtls");
        for (const p of ports?.pairs ?? []) {
          const port = asScalar(p.key)?.value;
          check(asMap(p.value), name, ` on port ${String(port)}`, "that port", "accepts");
        }
      },
    };
  },
});
