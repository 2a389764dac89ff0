/**
 * @fileoverview `--format stylish` (the default): ESLint's stylish layout, one block per file,
 *
 *   manifests/web.yaml
 *     21:11  critical  Container 'web' runs privileged: …  privileged-container  (Deployment/shop/web)
 *
 *   ✖ 1 problem (1 critical) — 1 error, 0 warnings
 *     1 error potentially fixable with `kubeguard --fix`.
 */
import { relative } from "node:path";
import { SEVERITIES, type Severity } from "../rule.js";
import type { Formatter, KubeguardMessage } from "./types.js";

const ANSI = { reset: "\u001b[0m", bold: "\u001b[1m", dim: "\u001b[2m", underline: "\u001b[4m", red: "\u001b[31m", yellow: "\u001b[33m", magenta: "\u001b[35m", cyan: "\u001b[36m", gray: "\u001b[90m" };

const LEVEL_COLOR: Record<Severity, string> = { critical: ANSI.magenta, high: ANSI.red, medium: ANSI.yellow, low: ANSI.cyan, info: ANSI.gray };

/** `Kind/namespace/name`, `Kind/name`, or `document N` for a document that is not an object. */
export function describeResource(m: KubeguardMessage): string {
  const r = m.resource;
  if (!r) return "";
  if (!r.kind) return `document ${r.docIndex + 1}`;
  // Cluster configuration kinds (EncryptionConfiguration, KubeletConfiguration …) have no name.
  if (r.name === null && r.namespace === null) return r.kind;
  return [r.kind, r.namespace, r.name ?? "<unnamed>"].filter((p) => p !== null).join("/");
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

export const formatStylish: Formatter = (results, { cwd, color }) => {
  const paint = (code: string, text: string): string => (color ? `${code}${text}${ANSI.reset}` : text);
  let out = "";
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  const byLevel = new Map<Severity, number>();
  for (const result of results) {
    if (!result.messages.length) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    fixableErrors += result.fixableErrorCount;
    fixableWarnings += result.fixableWarningCount;
    const rows = result.messages.map((m) => {
      byLevel.set(m.level, (byLevel.get(m.level) ?? 0) + 1);
      const where = describeResource(m);
      return [`${m.line}:${m.column}`, m.level, m.message.replace(/\s*\n\s*/gu, " "), m.ruleId ?? "", where ? `(${where})` : ""];
    });
    const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    out += `\n${paint(ANSI.underline, relative(cwd, result.filePath) || result.filePath)}\n`;
    result.messages.forEach((m, i) => {
      const [pos, level, message, rule, where] = rows[i]!;
      const cells = [
        paint(ANSI.dim, pos!.padEnd(widths[0]!)),
        paint(LEVEL_COLOR[m.level], level!.padEnd(widths[1]!)),
        message!.padEnd(widths[2]!),
        paint(ANSI.dim, rule!.padEnd(widths[3]!)),
        paint(ANSI.gray, where!),
      ];
      out += `  ${cells.join("  ").trimEnd()}\n`;
      // Rendered Helm output: what to edit in the chart (src/inputs/template-fix.ts).
      if (m.sourceFix) out += `  ${" ".repeat(widths[0]!)}  ${paint(ANSI.dim, `↳ ${m.sourceFix.text}`)}\n`;
    });
  }
  const total = errors + warnings;
  if (total === 0) return out;
  const levels = SEVERITIES.filter((s) => byLevel.has(s))
    .map((s) => `${byLevel.get(s)} ${s}`)
    .join(", ");
  const summary = `✖ ${plural(total, "problem")} (${levels}) — ${plural(errors, "error")}, ${plural(warnings, "warning")}`;
  out += `\n${paint(ANSI.bold + (errors ? ANSI.red : ANSI.yellow), summary)}\n`;
  if (fixableErrors + fixableWarnings > 0) {
    out += `  ${plural(fixableErrors, "error")} and ${plural(fixableWarnings, "warning")} potentially fixable with \`kubeguard --fix\`.\n`;
  }
  return `${out}\n`;
};
