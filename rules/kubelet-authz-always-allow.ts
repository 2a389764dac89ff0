/**
 * @fileoverview kubelet-authz-always-allow: the kubelet authorizes every request it authenticates
 * (`--authorization-mode` / `authorization.mode` effective AlwaysAllow; the default without `--config`).
 */
import { asScalar } from "../src/language/query.js";
import { kubeletSettingRule } from "./shared/_kubelet-rule.js";

export default kubeletSettingRule({
  name: "kubelet-authz-always-allow",
  description: "Disallow the AlwaysAllow authorization mode on the kubelet",
  severity: "critical",
  cis: ["4.2.2"],
  equivalents: { checkov: ["CKV_K8S_139"], trivy: ["KCV-0080"], "kube-bench": ["4.2.2"] },
  flag: "authorization-mode",
  configPath: ["authorization"],
  configField: "mode",
  readFlag: (v) => (v === null ? null : v.trim()),
  readConfig(node) {
    const s = asScalar(node);
    return s && typeof s.value === "string" ? s.value : null;
  },
  isInsecure: (v) => v === "AlwaysAllow",
  flagDefault: "AlwaysAllow",
  configDefault: "Webhook",
  secureFlag: "Webhook",
  secureConfig: "Webhook",
  fixKind: "hardening",
  risk: "every request that reaches the kubelet API is allowed, including /exec, /run and /pods (with anonymous auth on, for anyone who can reach port 10250).",
  messages: {
    setFlag: "Set --authorization-mode=Webhook (needs webhook authentication and a kubeconfig for the API server).",
    setConfig: "Set authorization.mode: Webhook (needs authentication.webhook.enabled and a kubeconfig for the API server).",
  },
});
