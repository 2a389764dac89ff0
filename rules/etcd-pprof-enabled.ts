/**
 * @fileoverview etcd-pprof-enabled: etcd serves /debug/pprof on its client URLs
 * (`--enable-pprof=true`; default false). Safe fix: delete the flag.
 */
import { flagRule } from "./shared/_flag-rule.js";

export default flagRule({
  id: "etcd-pprof-enabled",
  description: "Disable etcd runtime profiling (--enable-pprof)",
  severity: "medium",
  component: "etcd",
  flags: ["enable-pprof"],
  kind: "bool",
  defaultValue: () => "false",
  insecureWhen: (value) => value === "true",
  fix: { kind: "remove" },
  fixMode: "safe",
  messages: {
    present: "etcd --{{flag}}={{value}} serves /debug/pprof on the client URLs: profiles reveal internals and let clients make etcd burn CPU.",
    absent: "etcd has no --{{flag}}.",
    fix: "Delete --{{flag}} (the default is false).",
  },
});
