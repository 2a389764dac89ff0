/**
 * @fileoverview kubelet-hostname-override: `--hostname-override` is set, so the node name differs
 * from the host name (can break TLS name checks between the API server and the kubelet).
 */
import { kubeletRule } from "./shared/_kubelet-rule.js";

export default kubeletRule({
  name: "kubelet-hostname-override",
  description: "Avoid overriding the kubelet's host name",
  severity: "low",
  cis: ["4.2.7"],
  equivalents: { checkov: ["CKV_K8S_146"], trivy: ["KCV-0086"], "kube-bench": ["4.2.7"] },
  flag: "hostname-override",
  configPath: [],
  configField: null,
  readConfig: () => null,
  isInsecure: (v) => v !== null && v !== "",
  flagDefault: null,
  configDefault: null,
  fix: null,
  fixMode: "suggest",
  risk: "the node registers under a name that is not its host name, which can break TLS name checks between the API server and the kubelet.",
  messages: { setFlag: "", setConfig: "" },
});
