/**
 * @fileoverview schema-invalid: a resource that does not match its Kubernetes schema (wrong type,
 * missing required field, value outside an enum, bad format). The API server rejects it, or — for a
 * CRD — the controller never sees the intended object. Core kinds are checked against
 * kubernetes-models (Kubernetes 1.33 validators, field names per `settings.kubernetesVersion`);
 * CRDs against the schema of a CRD manifest in the same file or in `settings.crdSchemas`, else the
 * `@kubernetes-models/*` CRD packages; other kinds are skipped.
 */
import { createRule } from "../src/rule.js";
import { schemaSettings, validateResource } from "../src/schema/index.js";
import { displayPath, displayValue, typeName } from "./shared/_schema-shared.js";

export default createRule({
  name: "schema-invalid",
  meta: {
    type: "problem",
    docs: {
      description: "Require every resource to match its Kubernetes or CRD schema",
      severity: "medium",
      presets: ["all"],
    },
    messages: {
      type: "{{path}} must be {{expected}}, but {{value}} is {{actual}}: the API server rejects the {{kind}}.",
      enum: "{{path}} must be one of {{allowed}}, not {{value}}: the API server rejects the {{kind}}.",
      required: "{{path}} is missing required field '{{field}}': the API server rejects the {{kind}}.",
      format: "{{path}}: {{value}} is not a valid {{format}}: the API server rejects the {{kind}}.",
      other: "{{path}}: {{value}} fails schema keyword '{{keyword}}'.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const settings = { ...schemaSettings(context.settings as { kubeguard?: Record<string, unknown> }), filename: context.filename };
    return {
      Resource(resource) {
        const result = validateResource(resource, context.sourceCode.ast, settings, context.cwd);
        if (!result) return;
        const kind = resource.kind ?? "object";
        for (const e of result.errors) {
          if (e.yamlTrap) continue; // reported by yaml-1-1-ambiguous-value, with its fix
          const path = displayPath(e.path);
          const value = displayValue(e.value);
          const { keyword, params } = e.error;
          if (keyword === "type") {
            context.report({ node: e.node, messageId: "type", data: { path, expected: String(params.type).replace(",", " or "), value, actual: typeName(e.value), kind } });
          } else if (keyword === "enum") {
            const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ");
            context.report({ node: e.node, messageId: "enum", data: { path, allowed, value, kind } });
          } else if (keyword === "required") {
            context.report({ node: e.node, messageId: "required", data: { path, field: String(params.missingProperty), kind } });
          } else if (keyword === "format") {
            context.report({ node: e.node, messageId: "format", data: { path, value, format: String(params.format), kind } });
          } else {
            context.report({ node: e.node, messageId: "other", data: { path, value, keyword } });
          }
        }
      },
    };
  },
});
