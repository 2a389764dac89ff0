/**
 * @fileoverview scheduler-always-allow-paths-broad: kube-scheduler `--authorization-always-allow-paths` (a string slice whose
 * occurrences append; default /healthz,/readyz,/livez) lets more than the health endpoints through
 * without authorization, e.g. /metrics or /debug/pprof. Safe fix: delete the flag (the default
 * applies).
 */
import { flagRule, listItems } from "./shared/_flag-rule.js";

const DEFAULT_PATHS = ["/healthz", "/readyz", "/livez"];
const extra = (value: string | null): string[] => listItems(value).filter((p) => !DEFAULT_PATHS.includes(p));

export default flagRule({
  id: "scheduler-always-allow-paths-broad",
  description: "Disallow kube-scheduler --authorization-always-allow-paths beyond /healthz, /readyz and /livez",
  severity: "medium",
  component: "kube-scheduler",
  flags: ["authorization-always-allow-paths"],
  kind: "list",
  defaultValue: () => DEFAULT_PATHS.join(","),
  insecureWhen: (value) => extra(value).length > 0,
  detail: (value) => extra(value).join(", "),
  fix: { kind: "remove" },
  fixMode: "safe",
  messages: {
    present:
      "kube-scheduler --{{flag}}={{value}} skips authorization for {{detail}}: anyone who reaches the secure port can read it without credentials.",
    absent: "kube-scheduler has no --{{flag}}.",
    fix: "Delete --{{flag}} (the default /healthz,/readyz,/livez applies).",
  },
});
