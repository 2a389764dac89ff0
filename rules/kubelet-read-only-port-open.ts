/**
 * @fileoverview kubelet-read-only-port-open: the kubelet serves its unauthenticated read-only API
 * (`--read-only-port` / `readOnlyPort` effective nonzero; 10255 by default without `--config`).
 */
import { asScalar } from "../src/language/query.js";
import { kubeletSettingRule } from "./shared/_kubelet-rule.js";

/** A port number as the kubelet parses it (int32); null when it is not one. */
function port(v: string | null): string | null {
  if (v === null || !/^\+?\d+$/u.test(v.trim())) return null;
  return String(Number(v.trim()));
}

export default kubeletSettingRule({
  name: "kubelet-read-only-port-open",
  description: "Disallow the kubelet's unauthenticated read-only port",
  severity: "high",
  cis: ["4.2.4"],
  equivalents: { checkov: ["CKV_K8S_141"], trivy: ["KCV-0082"], "kube-bench": ["4.2.4"] },
  flag: "read-only-port",
  configPath: [],
  configField: "readOnlyPort",
  readFlag: port,
  readConfig(node) {
    const s = asScalar(node);
    return s && (typeof s.value === "number" || typeof s.value === "bigint") ? String(s.value) : null;
  },
  isInsecure: (v) => v !== "0",
  flagDefault: "10255",
  configDefault: "0",
  secureFlag: "0",
  secureConfig: "0",
  fixKind: "safe",
  risk: "the read-only port serves pod specs, node and container metrics over plain HTTP without authentication or authorization.",
  messages: { setFlag: "Set --read-only-port=0.", setConfig: "Set readOnlyPort: 0." },
});
