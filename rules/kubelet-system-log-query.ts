/**
 * @fileoverview kubelet-system-log-query: `enableSystemLogQuery: true` exposes the node's journal
 * through the kubelet's `/logs/query` endpoint.
 */
import { kubeletRule, readConfigBool } from "./shared/_kubelet-rule.js";

export default kubeletRule({
  name: "kubelet-system-log-query",
  description: "Disallow querying the node's system logs through the kubelet",
  severity: "low",
  flag: null,
  configPath: [],
  configField: "enableSystemLogQuery",
  readConfig: readConfigBool,
  isInsecure: (v) => v === "true",
  flagDefault: null,
  configDefault: "false",
  fix: null,
  fixMode: "suggest",
  risk: "authorized callers can read the node's system journal and log files through /logs/query (with the NodeLogQuery feature gate).",
  messages: { setFlag: "", setConfig: "" },
});
