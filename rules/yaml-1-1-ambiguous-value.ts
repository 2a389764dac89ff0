/**
 * @fileoverview yaml-1-1-ambiguous-value: values the API server reads differently from what the
 * author wrote. kubectl and Helm read YAML 1.1: plain `yes`/`no`/`on`/`off`/`y`/`n` are booleans,
 * `1.10` is the number 1.1, `0644` is octal (420). In a string field (env values, labels,
 * annotations, ConfigMap data …) those are type errors; in a file mode (`defaultMode`, `mode`) a
 * quoted `"0644"` is a string (rejected) and a decimal `644` is not the octal mode the author meant.
 */
import type { MapNode, ScalarNode, YamlNode } from "../src/language/ast.js";
import { createRule, reportHardening } from "../src/rule.js";
import { asFix, replaceNode } from "../src/fix/index.js";
import { asMap, asScalar, deref, keyName } from "../src/language/query.js";
import { schemaSettings, validateResource } from "../src/schema/index.js";
import { displayPath } from "./shared/_schema-shared.js";

const YAML11_BOOL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/u;
const OCTAL_STRING = /^(?:0o?)?([0-7]{3,4})$/u;

/** A conventional octal mode: owner at least read, each digit 0/4/5/6/7, group ⊆ owner, other ⊆ group. */
function typicalMode(digits: string): boolean {
  const d = digits.padStart(3, "0").slice(-3).split("").map(Number);
  const [u, g, o] = d as [number, number, number];
  const ok = (x: number): boolean => [0, 4, 5, 6, 7].includes(x);
  return u >= 4 && ok(u) && ok(g) && ok(o) && (g & u) === g && (o & g) === o;
}

export default createRule({
  name: "yaml-1-1-ambiguous-value",
  meta: {
    type: "problem",
    docs: {
      description: "Quote values that YAML 1.1 reads as booleans or numbers in string fields, and write file modes as octal numbers",
      severity: "medium",
      presets: ["recommended", "all"],
    },
    messages: {
      yaml11Bool:
        "{{path}} is a string field, but YAML 1.1 (kubectl, Helm) reads plain {{text}} as the boolean {{value}}: the API server rejects the {{kind}}. Quote it.",
      bool: "{{path}} is a string field, but plain {{text}} is the boolean {{value}}: the API server rejects the {{kind}}. Quote it.",
      number:
        "{{path}} is a string field, but plain {{text}} is the number {{value}}{{lost}}: the API server rejects the {{kind}}. Quote it.",
      modeString:
        "{{path}} is a file mode (an integer), but {{text}} is a string: the API server rejects the {{kind}}. Write 0{{digits}} unquoted (YAML 1.1 octal, = {{decimal}}).",
      modeDecimalRejected:
        "{{path}}: {{text}} is read as decimal {{text}} (octal {{octal}}), above the maximum mode 0777 (511): the API server rejects the {{kind}}. Did you mean octal 0{{text}} (= {{intended}})?",
      modeDecimalSilent:
        "{{path}}: {{text}} is read as decimal {{text}}, which is mode 0{{octal}}, not 0{{text}}: the files get different permissions than written. Write 0{{text}} (YAML 1.1 octal, = {{intended}}).",
      octal: "Write the mode as octal 0{{text}}.",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const settings = { ...schemaSettings(context.settings as { kubeguard?: Record<string, unknown> }), filename: context.filename };
    const sourceCode = context.sourceCode;
    const textOf = (n: YamlNode): string => sourceCode.text.slice(n.range[0], n.range[1]);

    /** Decimal-written file modes in a volume tree (no schema error: they are valid integers). */
    function checkModes(node: YamlNode | null, path: string[], kind: string, seen: Set<object>): void {
      const n = deref(node);
      if (!n || seen.has(n)) return;
      seen.add(n);
      if (n.type === "Seq") {
        n.items.forEach((it, i) => checkModes(it, [...path, String(i)], kind, seen));
        return;
      }
      if (n.type !== "Map") return;
      for (const p of (n as MapNode).pairs) {
        const k = keyName(p);
        if (k === null) continue;
        const s = asScalar(p.value);
        if ((k === "defaultMode" || k === "mode") && s && s.style === "PLAIN" && typeof s.value === "number" && p.value === s) {
          const text = textOf(s);
          if (!/^[1-7][0-7]{2}$/u.test(text)) continue;
          const intended = parseInt(text, 8);
          const octal = s.value.toString(8);
          const at = displayPath([...path, k]);
          if (s.value > 0o777) {
            context.report({ node: s, messageId: "modeDecimalRejected", data: { path: at, text, octal: `0${octal}`, intended, kind }, fix: asFix(replaceNode(sourceCode, s, `0${text}`)) });
          } else if (typicalMode(text) && !typicalMode(octal)) {
            reportHardening(context, { node: s, messageId: "modeDecimalSilent", data: { path: at, text, octal, intended } }, { messageId: "octal", data: { text }, fix: asFix(replaceNode(sourceCode, s, `0${text}`)) });
          }
          continue;
        }
        checkModes(p.value, [...path, k], kind, seen);
      }
    }

    return {
      Resource(resource) {
        const kind = resource.kind ?? "object";
        for (const podSpec of resource.podSpecs) checkModes(asMap(podSpec.node)?.pairs.find((p) => keyName(p) === "volumes")?.value ?? null, [...podSpec.path.map(String), "volumes"], kind, new Set());
        const result = validateResource(resource, sourceCode.ast, settings, context.cwd);
        if (!result) return;
        for (const e of result.errors) {
          if (!e.yamlTrap || !e.value || e.value.type !== "Scalar") continue;
          const s: ScalarNode = e.value;
          const text = textOf(s);
          const path = displayPath(e.path);
          if (typeof s.value === "string") {
            // A string in a file-mode field.
            const m = OCTAL_STRING.exec(s.value);
            const digits = m ? m[1]!.replace(/^0(?=[0-7]{3}$)/u, "") : null;
            const fix = digits && s.range[1] - s.range[0] > 0 ? asFix(replaceNode(sourceCode, s, `0${digits}`)) : null;
            context.report({ node: s, messageId: "modeString", data: { path, text, digits: digits ?? "644", decimal: digits ? parseInt(digits, 8) : 420, kind }, fix });
            continue;
          }
          const quoted = JSON.stringify(text);
          const fix = asFix(replaceNode(sourceCode, s, quoted));
          if (typeof s.value === "boolean") {
            const messageId = YAML11_BOOL.test(text) ? "yaml11Bool" : "bool";
            context.report({ node: s, messageId, data: { path, text, value: String(s.value), kind }, fix });
          } else {
            const value = String(s.value);
            const lost = value !== text ? ` (written ${text}, sent as ${value})` : "";
            context.report({ node: s, messageId: "number", data: { path, text, value, lost, kind }, fix });
          }
        }
      },
    };
  },
});
