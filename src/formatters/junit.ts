/**
 * @fileoverview `--format junit`: JUnit XML for GitLab, Jenkins and Azure DevOps test views, in the
 * shape of ESLint's junit formatter: one `<testsuite>` per linted file, one failing `<testcase>`
 * per finding (named after the rule, classed by the file), and one passing `<testcase>` for a file
 * without findings. Suppressed findings are not failures; they are counted in `skipped`.
 */
import { describeResource } from "./stylish.js";
import { reportRoot, rootRelative } from "./github.js";
import type { Formatter } from "./types.js";

/** XML 1.0 text/attribute escaping; characters XML 1.0 cannot carry are dropped. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu, "")
    .replace(/&/gu, "&amp;")
    .replace(/</gu, "&lt;")
    .replace(/>/gu, "&gt;")
    .replace(/"/gu, "&quot;")
    .replace(/'/gu, "&apos;");
}

export const formatJunit: Formatter = (results, { cwd }) => {
  const root = reportRoot(cwd);
  let body = "";
  let tests = 0;
  let failures = 0;
  for (const r of results) {
    const file = xmlEscape(rootRelative(r.filePath, root) ?? r.filePath);
    const cases = Math.max(r.messages.length, 1);
    tests += cases;
    failures += r.messages.length;
    body += `  <testsuite name="${file}" tests="${cases}" failures="${r.messages.length}" errors="0" skipped="${r.suppressedMessages.length}" time="0">\n`;
    if (!r.messages.length) body += `    <testcase name="kubeguard" classname="${file}" time="0"/>\n`;
    for (const m of r.messages) {
      const rule = m.ruleId ?? "kubeguard";
      const where = describeResource(m);
      const detail = `${file}:${m.line}:${m.column}${m.endLine !== undefined ? `-${m.endLine}:${m.endColumn ?? m.column}` : ""} ${m.level}${where ? ` ${xmlEscape(where)}` : ""}${m.url ? ` ${xmlEscape(m.url)}` : ""}`;
      body += `    <testcase name="${xmlEscape(rule)}" classname="${file}" time="0">\n`;
      body += `      <failure message="${xmlEscape(m.message)}" type="${m.level}">${detail}\n${xmlEscape(m.message)}</failure>\n`;
      body += "    </testcase>\n";
    }
    body += "  </testsuite>\n";
  }
  return `<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="kubeguard" tests="${tests}" failures="${failures}" errors="0" time="0">\n${body}</testsuites>\n`;
};
