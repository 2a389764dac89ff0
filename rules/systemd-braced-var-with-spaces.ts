/**
 * @fileoverview systemd-braced-var-with-spaces: `${VAR}` in `ExecStart=` is replaced by the
 * variable's value "including all whitespace it contains, resulting in a single argument"
 * (systemd.service(5)), so a variable holding several flags (`KUBELET_EXTRA_ARGS="--a=1 --b=2"`)
 * becomes one malformed argument. `$VAR` splits at whitespace.
 */
import { unitDetails } from "../src/language/systemd.js";
import { createRule } from "../src/rule.js";

/** Names that conventionally hold several command-line words. */
const ARGS_NAME = /(?:ARGS|OPTS|OPTIONS|FLAGS)$/u;

export default createRule<"braced" | "unknown" | "unbrace", []>({
  name: "systemd-braced-var-with-spaces",
  meta: {
    type: "problem",
    docs: { description: "Use $VAR, not ${VAR}, for variables that hold several arguments", severity: "high", presets: ["recommended"] },
    messages: {
      braced: "${{{name}}} passes \"{{value}}\" as one argument, whitespace included: the program sees one malformed argument instead of {{count}}. Use ${{name}} to split it at whitespace.",
      unknown: "${{{name}}} passes the whole value of {{name}} (from an environment file not in this run) as one argument, whitespace included; an *_ARGS variable usually holds several flags. Use ${{name}} to split it at whitespace.",
      unbrace: "Write ${{name}}.",
    },
    fixable: "code",
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      UnitFile(unit) {
        const d = unitDetails(unit);
        if (!d) return;
        for (const ref of d.varRefs) {
          if (!ref.braced || !ref.wholeWord) continue;
          const value = d.valueOf(ref.name);
          const fix = () => [{ range: ref.range, text: `$${ref.name}` }];
          if (value !== null) {
            const words = value.trim().split(/\s+/u).filter(Boolean);
            if (words.length < 2) continue;
            context.report({ node: { range: ref.range }, messageId: "braced", data: { name: ref.name, value, count: String(words.length) }, fix });
          } else if (d.definedBy(ref.name) === null && d.hasUnknownEnvironmentFile && ARGS_NAME.test(ref.name)) {
            context.report({ node: { range: ref.range }, messageId: "unknown", data: { name: ref.name }, fix });
          }
        }
      },
    };
  },
});
