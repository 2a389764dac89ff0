/**
 * @fileoverview Helpers for the kube-apiserver audit-log rotation rules (apiserver-audit-log-maxage,
 * -maxbackup, -maxsize): the integer value of a flag and whether audit events go to a file.
 */
import type { FlagCheckContext } from "./_flag-rule.js";

/** A pflag int value (decimal, optional sign); null when not an integer (the server then refuses to start). */
export function intValue(value: string | null): number | null {
  if (value === null) return null;
  const t = value.trim();
  return /^[+-]?\d+$/u.test(t) ? Number(t) : null;
}

/** Text for {{detail}}: whether an audit log file is configured at all. */
export function auditFileDetail(ctx: FlagCheckContext): string {
  const path = (ctx.value("audit-log-path") ?? "").trim();
  if (path === "") return " (no --audit-log-path is set yet: this applies once audit logging to a file is turned on)";
  if (path === "-") return " (--audit-log-path=- writes to stdout: the setting has no effect there)";
  return "";
}
