/**
 * @fileoverview kubelet-pod-pids-unlimited: `--pod-max-pids` / `podPidsLimit` is -1 or unset, so a
 * pod can start processes until the node runs out of PIDs.
 */
import { kubeletRule, readConfigInt } from "./shared/_kubelet-rule.js";

export default kubeletRule({
  name: "kubelet-pod-pids-unlimited",
  description: "Limit the number of processes per pod",
  severity: "low",
  presets: ["cis"],
  cis: ["4.2.13"],
  equivalents: { "kube-bench": ["4.2.13"] },
  flag: "pod-max-pids",
  configPath: [],
  configField: "podPidsLimit",
  readFlag: (v) => (v !== null && /^[+-]?\d+$/u.test(v.trim()) ? String(Number(v.trim())) : null),
  readConfig: readConfigInt,
  isInsecure: (v) => v === null || Number(v) < 0,
  flagDefault: "-1",
  configDefault: "-1",
  fix: null,
  fixMode: "suggest",
  risk: "a pod can fork until the node runs out of process IDs (a fork bomb takes the node down).",
  messages: { setFlag: "", setConfig: "" },
});
