/**
 * @fileoverview `--format compact`: one line per finding, for problem matchers, efm and ALE:
 *
 *   deploy/web.yaml:31:13: critical Container 'debug' runs privileged: … (Deployment/shop/web) [privileged-container]
 *
 * Paths are relative to the git work tree containing the cwd (else to the cwd); the level is
 * kubeguard's (critical, high, medium, low, info). Suppressed findings are not listed.
 */
import { compactLine, reportRoot, rootRelative } from "./github.js";
import type { Formatter } from "./types.js";

export const formatCompact: Formatter = (results, { cwd }) => {
  const root = reportRoot(cwd);
  let out = "";
  for (const r of results) {
    const file = rootRelative(r.filePath, root) ?? r.filePath;
    for (const m of r.messages) out += `${compactLine({ file, message: m })}\n`;
  }
  return out;
};
