/**
 * @fileoverview kubelet-streaming-idle-timeout-zero: `--streaming-connection-idle-timeout` /
 * `streamingConnectionIdleTimeout` is zero, so idle exec/attach/port-forward streams never time out
 * (before Kubernetes 1.34; the field has no effect from 1.34 on).
 *
 * Only the flag can set it to zero: in a `KubeletConfiguration` file a zero duration is the unset
 * value and is defaulted to 4h (kubelet v1beta1 defaulting: `if obj.StreamingConnectionIdleTimeout
 * == zeroDuration { … 4 * time.Hour }`), which is why kubeadm's generated config.yaml carries
 * `streamingConnectionIdleTimeout: 0s` harmlessly.
 */
import { isZeroDuration, kubeletRule, readConfigString } from "./shared/_kubelet-rule.js";

export default kubeletRule({
  name: "kubelet-streaming-idle-timeout-zero",
  description: "Disallow a zero idle timeout for kubelet streaming connections",
  severity: "low",
  cis: ["4.2.5"],
  equivalents: { checkov: ["CKV_K8S_143"], trivy: ["KCV-0085"], "kube-bench": ["4.2.5"] },
  flag: "streaming-connection-idle-timeout",
  configPath: [],
  configField: "streamingConnectionIdleTimeout",
  // A zero duration in the file is defaulted to 4h: never insecure there.
  readConfig: (node) => {
    const v = readConfigString(node);
    return v !== null && isZeroDuration(v) ? "4h0m0s" : v;
  },
  isInsecure: (v) => v !== null && isZeroDuration(v),
  flagDefault: "4h0m0s",
  configDefault: "4h0m0s",
  fix: { kind: "remove" },
  fixMode: "safe",
  risk: "idle exec, attach and port-forward streams never time out (kubelets before 1.34; from 1.34 the setting has no effect and every connection is capped at 4 hours).",
  messages: { setFlag: "Remove --streaming-connection-idle-timeout (default 4h0m0s).", setConfig: "Remove streamingConnectionIdleTimeout (default 4h0m0s)." },
});
