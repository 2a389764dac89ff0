/**
 * @fileoverview apiserver-admission-eventratelimit-missing: the EventRateLimit admission plugin
 * (not on by default) is not enabled, so Event creation is not rate-limited.
 */
import { flagRule, listItems } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-admission-eventratelimit-missing",
  description: "Recommend the EventRateLimit admission plugin in kube-apiserver",
  severity: "low",
  type: "suggestion",
  presets: ["cis"],
  cis: ["1.2.9"],
  equivalents: { checkov: ["CKV_K8S_78"], trivy: ["KCV-0010"], "kube-bench": ["1.2.9"] },
  component: "kube-apiserver",
  flags: ["enable-admission-plugins"],
  kind: "list",
  insecureWhen: (value, ctx) => !listItems(value).includes("EventRateLimit") && !ctx.items("admission-control").includes("EventRateLimit"),
  fix: { kind: "append-item", item: "EventRateLimit" },
  fixMode: "suggest",
  // --admission-control and --enable-admission-plugins are mutually exclusive.
  fixWhen: (ctx) => !ctx.has("admission-control"),
  messages: {
    present:
      "kube-apiserver --{{flag}}={{value}} does not include EventRateLimit (it is not on by default): a noisy or malicious client can flood the API server and etcd with Events.",
    absent:
      "kube-apiserver runs without --{{flag}}, so EventRateLimit (not on by default) is off: a noisy or malicious client can flood the API server and etcd with Events.",
    fix: "Add EventRateLimit to --{{flag}} (it needs --admission-control-config-file with an EventRateLimit configuration, or the API server does not start).",
  },
});
