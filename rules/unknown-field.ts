/**
 * @fileoverview unknown-field: a field the resource's schema does not define. The API server drops
 * unknown fields silently (unless the client asks for strict field validation, which Helm and plain
 * `kubectl apply` of old versions do not), so a misspelled `runAsNonroot: true` hardens nothing.
 * Offers "did you mean" from the schema's sibling field names and renames the key when exactly one
 * close candidate exists.
 */
import { createRule, reportHardening } from "../src/rule.js";
import { asFix, replaceNode } from "../src/fix/index.js";
import { closeNames, schemaSettings, validateResource } from "../src/schema/index.js";
import { displayPath } from "./shared/_schema-shared.js";
import { DEFAULT_KUBERNETES_VERSION } from "../src/k8s-version.js";
import { CONTAINER_ONLY, POD_ONLY } from "./misplaced-security-field.js";

/** Field names whose loss weakens security (the message says so). */
const SECURITY_FIELDS = new Set([
  "securityContext", "runAsNonRoot", "runAsUser", "runAsGroup", "readOnlyRootFilesystem", "allowPrivilegeEscalation",
  "privileged", "capabilities", "drop", "add", "seccompProfile", "appArmorProfile", "seLinuxOptions", "procMount",
  "fsGroup", "supplementalGroups", "sysctls", "automountServiceAccountToken", "hostNetwork", "hostPID", "hostIPC",
  "hostUsers", "serviceAccountName", "networkPolicy", "policyTypes", "ingress", "egress", "readOnly", "podSelector",
  "namespaceSelector", "rules", "verbs", "resources", "resourceNames", "limits", "requests",
]);

export default createRule({
  name: "unknown-field",
  meta: {
    type: "problem",
    docs: {
      description: "Forbid fields the resource's schema does not define (typos are dropped silently)",
      severity: "high",
      presets: ["recommended", "all"],
    },
    messages: {
      unknownGuess:
        "{{path}}: unknown field '{{name}}' (did you mean '{{guess}}'?). The API server drops unknown fields silently, so this setting has no effect{{security}}.",
      unknownGuesses:
        "{{path}}: unknown field '{{name}}' (did you mean one of {{guesses}}?). The API server drops unknown fields silently, so this setting has no effect{{security}}.",
      unknown: "{{path}}: unknown field '{{name}}'; {{where}} defines {{known}}. The API server drops unknown fields silently.",
      notInVersion:
        "{{path}}: '{{name}}' is not a field in the Kubernetes {{target}} schema (it is in the {{versions}} schemas); an API server of that version drops it silently.",
      rename: "Rename '{{name}}' to '{{guess}}'.",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const settings = { ...schemaSettings(context.settings as { kubeguard?: Record<string, unknown> }), filename: context.filename };
    const sourceCode = context.sourceCode;
    return {
      Resource(resource) {
        const result = validateResource(resource, sourceCode.ast, settings, context.cwd);
        if (!result) return;
        for (const u of result.unknown) {
          // A container-only field in a pod securityContext (or the reverse): misplaced-security-field.
          if (u.path[u.path.length - 2] === "securityContext" && (CONTAINER_ONLY.includes(u.name) || POD_ONLY.includes(u.name))) continue;
          const path = displayPath(u.path);
          if (u.otherVersions) {
            context.report({ node: u.key, messageId: "notInVersion", data: { path, name: u.name, target: settings.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION, versions: u.otherVersions.join(", ") } });
            continue;
          }
          const guesses = closeNames(u.name, u.siblings);
          if (guesses.length === 0) {
            const known = [...u.siblings].sort();
            const shown = known.length > 12 ? `${known.slice(0, 12).join(", ")} and ${known.length - 12} more` : known.join(", ");
            context.report({ node: u.key, messageId: "unknown", data: { path, name: u.name, where: displayPath(u.path.slice(0, -1)), known: shown } });
            continue;
          }
          const security = guesses.some((g) => SECURITY_FIELDS.has(g)) ? ": the workload is not hardened the way it looks" : "";
          if (guesses.length > 1) {
            context.report({ node: u.key, messageId: "unknownGuesses", data: { path, name: u.name, guesses: guesses.map((g) => `'${g}'`).join(", "), security } });
            continue;
          }
          const guess = guesses[0]!;
          const clash = u.map.pairs.some((p) => p.key?.type === "Scalar" && String(p.key.value) === guess);
          const keyText = u.key.style === "QUOTE_DOUBLE" ? JSON.stringify(guess) : u.key.style === "QUOTE_SINGLE" ? `'${guess}'` : guess;
          const edits = clash || u.key.style.startsWith("BLOCK") || !/^[A-Za-z0-9_.-]+$/u.test(guess) ? null : replaceNode(sourceCode, u.key, keyText);
          // A rename makes the API server apply a setting it dropped before: it changes behaviour, so
          // it is a suggestion in ESLint and a fix under `kubeguard --fix`.
          reportHardening(context, { node: u.key, messageId: "unknownGuess", data: { path, name: u.name, guess, security } }, { messageId: "rename", data: { name: u.name, guess }, fix: asFix(edits) });
        }
      },
    };
  },
});
