/**
 * @fileoverview kubelet-anonymous-auth-enabled: the kubelet API accepts unauthenticated requests
 * (`--anonymous-auth` / `authentication.anonymous.enabled` effective true).
 * Built with `kubeletSettingRule` (rules/shared/_kubelet-rule.ts): every carrier, kubelet's two
 * default sets (catalog-config.md §0.2) and flag-over-file precedence.
 */
import { kubeletSettingRule, parseFlagBool } from "./shared/_kubelet-rule.js";
import { asScalar } from "../src/language/query.js";

export default kubeletSettingRule({
  name: "kubelet-anonymous-auth-enabled",
  description: "Disallow anonymous requests to the kubelet API",
  severity: "high",
  cis: ["4.2.1"],
  equivalents: { checkov: ["CKV_K8S_138"], trivy: ["KCV-0079"], "kube-bench": ["4.2.1"] },
  flag: "anonymous-auth",
  configPath: ["authentication", "anonymous"],
  configField: "enabled",
  readFlag: parseFlagBool,
  readConfig(node) {
    const s = asScalar(node);
    return s && typeof s.value === "boolean" ? String(s.value) : null;
  },
  isInsecure: (v) => v === "true",
  flagDefault: "true",
  configDefault: "false",
  secureFlag: "false",
  secureConfig: "false",
  fixKind: "safe",
  risk: "requests without credentials reach the kubelet API as system:anonymous.",
  messages: { setFlag: "Set --anonymous-auth=false.", setConfig: "Set authentication.anonymous.enabled: false." },
});
export { isKubeletConfiguration, kubeletSettingRule, parseFlagBool } from "./shared/_kubelet-rule.js";
