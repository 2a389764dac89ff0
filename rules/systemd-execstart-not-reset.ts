/**
 * @fileoverview systemd-execstart-not-reset: a drop-in (`<unit>.service.d/*.conf`) adds an
 * `ExecStart=<command>` without first resetting the list with an empty `ExecStart=`. Unless
 * `Type=oneshot`, a service takes exactly one command, so the unit fails to load ("Service has more
 * than one ExecStart= setting, which is only allowed for Type=oneshot services").
 */
import { lineStartOf } from "../src/fix/index.js";
import { createRule } from "../src/rule.js";

export default createRule<"notReset" | "insertReset", []>({
  name: "systemd-execstart-not-reset",
  meta: {
    type: "problem",
    docs: { description: "Reset ExecStart before overriding it in a drop-in", severity: "high", presets: ["recommended"] },
    messages: {
      notReset: "This drop-in sets ExecStart= without an empty ExecStart= before it: the unit then has two commands and systemd refuses to load it (only Type=oneshot allows several).",
      insertReset: "Insert an empty ExecStart= line before it.",
    },
    fixable: "code",
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const filename = context.filename.replace(/\\/gu, "/");
    if (!/\.service\.d\/[^/]+\.conf$/u.test(filename)) return {};
    return {
      UnitFile(unit) {
        const service = unit.entries.filter((e) => e.section === "Service");
        const type = service.filter((e) => e.key === "Type").pop()?.value.trim();
        if (type === "oneshot") return;
        const text = context.sourceCode.text;
        const eol = context.sourceCode.ast.eol;
        for (const e of service) {
          if (e.key !== "ExecStart") continue;
          if (e.value.trim() === "") return; // reset first: fine from here on
          const at = lineStartOf(text, e.range[0]);
          const indent = text.slice(at, e.range[0]);
          context.report({ node: { range: e.range }, messageId: "notReset", fix: () => [{ range: [at, at], text: `${indent}ExecStart=${eol}` }] });
          return;
        }
      },
    };
  },
});
