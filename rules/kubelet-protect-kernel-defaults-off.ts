/**
 * @fileoverview kubelet-protect-kernel-defaults-off: `--protect-kernel-defaults` /
 * `protectKernelDefaults` is not true (the default in both default sets is false).
 */
import { kubeletRule, parseFlagBool, readConfigBool } from "./shared/_kubelet-rule.js";

export default kubeletRule({
  name: "kubelet-protect-kernel-defaults-off",
  description: "Make the kubelet refuse kernel settings that differ from its defaults",
  severity: "low",
  // CIS 1.24 4.2.6; no longer in the benchmark from CIS 1.7 on, so not in the `cis` preset.
  presets: [],
  equivalents: { checkov: ["CKV_K8S_144"], trivy: ["KCV-0083"], "kube-bench": ["cis-1.24 4.2.6"] },
  flag: "protect-kernel-defaults",
  configPath: [],
  configField: "protectKernelDefaults",
  readFlag: parseFlagBool,
  readConfig: readConfigBool,
  isInsecure: (v) => v !== "true",
  flagDefault: "false",
  configDefault: "false",
  fix: { kind: "set", flag: () => "true", config: () => "true" },
  fixMode: "suggest",
  risk: "the kubelet silently changes kernel tunables (vm.overcommit_memory, kernel.panic, …) it needs instead of failing when the host's hardened values differ.",
  messages: {
    setFlag: "Set --protect-kernel-defaults=true (the kubelet then refuses to start until the host sysctls match its expectations).",
    setConfig: "Set protectKernelDefaults: true (the kubelet then refuses to start until the host sysctls match its expectations).",
  },
});
