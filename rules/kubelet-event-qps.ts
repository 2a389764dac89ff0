/**
 * @fileoverview kubelet-event-qps: `--event-qps=0` / `eventRecordQPS: 0` — per the
 * KubeletConfiguration type, 0 removes the limit on event creation.
 */
import { kubeletRule, readConfigInt } from "./shared/_kubelet-rule.js";

export default kubeletRule({
  name: "kubelet-event-qps",
  description: "Keep a limit on the kubelet's event creation rate",
  severity: "info",
  type: "suggestion",
  cis: ["4.2.8"],
  equivalents: { checkov: ["CKV_K8S_147"], trivy: ["KCV-0087"], "kube-bench": ["4.2.8"] },
  flag: "event-qps",
  configPath: [],
  configField: "eventRecordQPS",
  readFlag: (v) => (v !== null && /^[+-]?\d+$/u.test(v.trim()) ? String(Number(v.trim())) : null),
  readConfig: readConfigInt,
  isInsecure: (v) => v !== null && Number(v) <= 0,
  flagDefault: "50",
  configDefault: "50",
  fix: null,
  fixMode: "suggest",
  risk: "0 means no limit on event creation (KubeletConfiguration type docs; the flag reference says 0 falls back to 5), so a misbehaving pod can flood the API server with events.",
  messages: { setFlag: "", setConfig: "" },
});
