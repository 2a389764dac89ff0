/**
 * @fileoverview kubelet-unsafe-sysctls-allowed: `--allowed-unsafe-sysctls` / `allowedUnsafeSysctls`
 * is not empty, so pods may set sysctls that are not namespaced safely.
 */
import { kubeletRule, listItems, readConfigList } from "./shared/_kubelet-rule.js";

export default kubeletRule({
  name: "kubelet-unsafe-sysctls-allowed",
  description: "Disallow unsafe sysctls on the kubelet",
  severity: "medium",
  flag: "allowed-unsafe-sysctls",
  flagValue(set) {
    // A string-slice flag: occurrences append.
    const occ = set.flags.filter((f) => f.name === "allowed-unsafe-sysctls");
    if (!occ.length) return null;
    return { flag: occ[occ.length - 1]!, value: occ.flatMap((f) => listItems(f.value)).join(",") };
  },
  configPath: [],
  configField: "allowedUnsafeSysctls",
  readConfig: readConfigList,
  isInsecure: (v) => v !== null && v.trim() !== "",
  flagDefault: null,
  configDefault: null,
  fix: null,
  fixMode: "suggest",
  risk: "pods on this node may set these unsafe sysctls, which can affect other pods or the node itself.",
  messages: { setFlag: "", setConfig: "" },
});
