/**
 * @fileoverview admission-unknown-field: kube-apiserver decodes the AdmissionConfiguration file
 * strictly (k8s.io/apiserver `pkg/admission/config.go`), so an unknown or misspelt field — at the
 * top level or in a `plugins[]` entry — makes it refuse the file and not start.
 */
import type { MapNode } from "../src/language/ast.js";
import { asScalar, keyName } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { isAdmissionConfiguration, pluginEntries } from "./shared/_admission.js";

const TOP = ["apiVersion", "kind", "plugins"];
const PLUGIN = ["name", "path", "configuration"];

export default createRule({
  name: "admission-unknown-field",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow unknown fields in an AdmissionConfiguration (kube-apiserver decodes it strictly)",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      unknown: "Unknown field '{{field}}' in {{where}} (known: {{known}}): kube-apiserver decodes the AdmissionConfiguration strictly and refuses to start with it.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const check = (map: MapNode, known: string[], where: string): void => {
      for (const p of map.pairs) {
        const k = keyName(p);
        if (k === null || k === "<<" || known.includes(k) || !asScalar(p.key)) continue;
        context.report({ node: p.key!, messageId: "unknown", data: { field: k, where, known: known.join(", ") } });
      }
    };
    return {
      Resource(resource) {
        if (!isAdmissionConfiguration(resource)) return;
        check(resource.node, TOP, "AdmissionConfiguration");
        for (const e of pluginEntries(resource)) check(e.item, PLUGIN, `plugin entry '${e.name ?? "(unnamed)"}'`);
      },
    };
  },
});
