/**
 * @fileoverview systemd-percent-unescaped: a `%` in `ExecStart=` / `Environment=` that does not start
 * a systemd specifier. Command lines and `Environment=` "accept % specifiers" (systemd.service(5),
 * systemd.exec(5)); a literal percent sign must be written `%%`, and an unknown specifier (e.g.
 * `%2F` from a URL-encoded path) makes systemd reject the line.
 */
import { createRule } from "../src/rule.js";

/** Specifier letters systemd.unit(5) defines (plus `%` itself). */
const SPECIFIERS = new Set("aAbBCdDEfgGhHiIjJlLmMnNopPqrRsStTuUvVwWyY%".split(""));
const KEYS = new Set(["ExecStart", "ExecStartPre", "ExecStartPost", "ExecStop", "ExecStopPost", "ExecReload", "ExecCondition", "Environment"]);

export default createRule<"percent", []>({
  name: "systemd-percent-unescaped",
  meta: {
    type: "problem",
    docs: { description: "Escape literal percent signs in systemd command lines and environment", severity: "low", presets: ["recommended"] },
    messages: { percent: "'%{{next}}' is not a systemd specifier: a literal percent sign in {{key}}= must be written %% (systemd rejects unknown specifiers)." },
    fixable: "code",
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const text = context.sourceCode.text;
    return {
      UnitFile(unit) {
        for (const e of unit.entries) {
          if (e.section !== "Service" || !KEYS.has(e.key)) continue;
          const [s, end] = e.valueRange;
          let lineStart = true;
          for (let i = s; i < end; i++) {
            const c = text[i]!;
            if (c === "\n" || c === "\r") {
              lineStart = true;
              continue;
            }
            if (lineStart && c !== " " && c !== "\t") {
              lineStart = false;
              // A comment line between a continued line and its continuation is not part of the value.
              if (i > s && (c === "#" || c === ";")) {
                while (i < end && text[i] !== "\n" && text[i] !== "\r") i++;
                lineStart = true;
                continue;
              }
            }
            if (c !== "%") continue;
            const next = text[i + 1] ?? "";
            if (next === "%") {
              i++;
              continue;
            }
            if (SPECIFIERS.has(next)) continue;
            const at = i;
            context.report({ node: { range: [at, at + 1] }, messageId: "percent", data: { next: /\s/u.test(next) || next === "" ? "" : next, key: e.key }, fix: () => [{ range: [at, at + 1], text: "%%" }] });
          }
        }
      },
    };
  },
});
