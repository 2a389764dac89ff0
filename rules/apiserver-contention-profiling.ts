/**
 * @fileoverview apiserver-contention-profiling: `--contention-profiling=true` turns on lock
 * contention profiling (default false).
 */
import { flagRule } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-contention-profiling",
  description: "Disallow lock contention profiling in kube-apiserver (--contention-profiling)",
  severity: "low",
  component: "kube-apiserver",
  flags: ["contention-profiling"],
  kind: "bool",
  defaultValue: () => "false",
  insecureWhen: (value) => value === "true",
  fix: { kind: "remove" },
  fixMode: "safe",
  messages: {
    present:
      "kube-apiserver --{{flag}}={{value}}: lock contention profiles are collected and served with the profiling endpoints, exposing internals and costing CPU on every contended lock.",
    absent: "kube-apiserver has no --{{flag}}.",
    fix: "Remove --{{flag}} (the default is false).",
  },
});
