/**
 * @fileoverview kubelet-iptables-util-chains-off: `--make-iptables-util-chains=false` /
 * `makeIPTablesUtilChains: false` stops the kubelet from managing its iptables utility chains.
 */
import { kubeletRule, parseFlagBool, readConfigBool } from "./shared/_kubelet-rule.js";

export default kubeletRule({
  name: "kubelet-iptables-util-chains-off",
  description: "Let the kubelet manage its iptables utility chains",
  severity: "low",
  cis: ["4.2.6"],
  equivalents: { checkov: ["CKV_K8S_145"], trivy: ["KCV-0084"], "kube-bench": ["4.2.6"] },
  flag: "make-iptables-util-chains",
  configPath: [],
  configField: "makeIPTablesUtilChains",
  readFlag: parseFlagBool,
  readConfig: readConfigBool,
  isInsecure: (v) => v === "false",
  flagDefault: "true",
  configDefault: "true",
  fix: { kind: "remove" },
  fixMode: "safe",
  risk: "the kubelet does not create its iptables utility chains (since 1.28 only the KUBE-IPTABLES-HINT chain), so the node's iptables setup drifts from what kube-proxy and CNI plugins expect.",
  messages: { setFlag: "Remove --make-iptables-util-chains=false (default true).", setConfig: "Remove makeIPTablesUtilChains: false (default true)." },
});
