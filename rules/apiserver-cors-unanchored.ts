/**
 * @fileoverview apiserver-cors-unanchored: an entry of kube-apiserver `--cors-allowed-origins` is a
 * regular expression that is not anchored at both ends of the host name (or matches everything),
 * so look-alike origins such as `https://example.com.evil.test` are allowed.
 */
import type { FlagNode, Range } from "../src/language/ast.js";
import { createRule } from "../src/rule.js";

/** The comma-separated entries of a value with their offsets. */
function entries(value: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i <= value.length; i++) {
    if (i === value.length || value[i] === ",") {
      const raw = value.slice(start, i);
      const lead = raw.length - raw.trimStart().length;
      const text = raw.trim();
      if (text) out.push({ text, start: start + lead, end: start + lead + text.length });
      start = i + 1;
    }
  }
  return out;
}

/** Why an origin expression is too loose; null when it is anchored at both ends. */
export function corsProblem(expr: string): "everything" | "start" | "end" | "both" | null {
  const core = expr.replace(/^\^/u, "").replace(/\$$/u, "");
  if (/^(\.\*|\.\+|\*)$/u.test(core)) return "everything";
  // Start: `^`, or the `//` that precedes the host name (flag reference).
  const start = expr.startsWith("^") || expr.includes("//");
  // End: `$`, or the `:` port separator; a trailing group such as `(:|$)` counts.
  const tail = expr.replace(/\)+$/u, "");
  const end = tail.endsWith("$") || tail.endsWith(":");
  if (start && end) return null;
  return !start && !end ? "both" : !start ? "start" : "end";
}

const WHERE: Record<string, string> = {
  start: "at the start (no '^' and no '//' before the host)",
  end: "at the end (no '$' and no ':' port separator after the host)",
  both: "at either end",
};

export default createRule({
  name: "apiserver-cors-unanchored",
  meta: {
    type: "problem",
    docs: {
      description: "Require anchored expressions in kube-apiserver --cors-allowed-origins",
      severity: "medium",
      presets: ["recommended"],
    },
    messages: {
      unanchored:
        "kube-apiserver --cors-allowed-origins entry '{{origin}}' is not anchored {{where}}: browsers on look-alike origins (e.g. a host name that merely contains it) may send credentialed cross-origin requests to the API server.",
      everything:
        "kube-apiserver --cors-allowed-origins entry '{{origin}}' matches every origin: any web page a logged-in user opens may send credentialed cross-origin requests to the API server.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const text = context.sourceCode.text;
    /** Exact range of an entry inside the flag value, or the whole flag when offsets are unreliable. */
    const rangeOf = (f: FlagNode, start: number, end: number): Range => {
      if (f.editable && f.valueRange && f.value !== null && text.slice(f.valueRange[0], f.valueRange[1]) === f.value) {
        return [f.valueRange[0] + start, f.valueRange[0] + end];
      }
      return f.range;
    };
    return {
      FlagSet(set) {
        if (set.component !== "kube-apiserver") return;
        for (const f of set.flags) {
          if (f.name !== "cors-allowed-origins" || f.value === null) continue;
          for (const e of entries(f.value)) {
            const problem = corsProblem(e.text);
            if (!problem) continue;
            const node = { range: rangeOf(f, e.start, e.end) };
            if (problem === "everything") context.report({ node, messageId: "everything", data: { origin: e.text } });
            else context.report({ node, messageId: "unanchored", data: { origin: e.text, where: WHERE[problem]! } });
          }
        }
      },
    };
  },
});
