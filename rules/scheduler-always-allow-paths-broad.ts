/**
 * @fileoverview scheduler-always-allow-paths-broad: kube-scheduler `--authorization-always-allow-paths` (a string slice whose
 * occurrences append; default /healthz,/readyz,/livez) lets more than the health endpoints through
 * without authorization, e.g. /metrics or /debug/pprof. Safe fix: delete the flag (the default
 * applies). The spec is shared with the other component (rules/shared/_serving-endpoints.ts).
 */
import { alwaysAllowPathsRule } from "./shared/_serving-endpoints.js";

export default alwaysAllowPathsRule("scheduler-always-allow-paths-broad", "kube-scheduler");
