/**
 * @fileoverview kubelet-seccomp-default-off: `--seccomp-default` / `seccompDefault` is not true, so
 * containers without a seccomp profile run Unconfined.
 */
import { kubeletRule, parseFlagBool, readConfigBool } from "./shared/_kubelet-rule.js";

export default kubeletRule({
  name: "kubelet-seccomp-default-off",
  description: "Use RuntimeDefault as the kubelet's default seccomp profile",
  severity: "medium",
  presets: ["cis"],
  cis: ["4.2.14"],
  equivalents: { "kube-bench": ["4.2.14"] },
  flag: "seccomp-default",
  configPath: [],
  configField: "seccompDefault",
  readFlag: parseFlagBool,
  readConfig: readConfigBool,
  isInsecure: (v) => v !== "true",
  flagDefault: "false",
  configDefault: "false",
  fix: { kind: "set", flag: () => "true", config: () => "true" },
  fixMode: "suggest",
  risk: "containers that do not set a seccomp profile run Unconfined, with every system call available.",
  messages: {
    setFlag: "Set --seccomp-default=true (workloads that rely on Unconfined need an explicit profile).",
    setConfig: "Set seccompDefault: true (workloads that rely on Unconfined need an explicit profile).",
  },
});
