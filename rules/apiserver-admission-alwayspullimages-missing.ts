/**
 * @fileoverview apiserver-admission-alwayspullimages-missing: the AlwaysPullImages admission
 * plugin (not on by default) is not enabled, so a pod can run a private image already pulled on
 * its node without credentials for it (multi-tenant clusters).
 */
import { flagRule, listItems } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-admission-alwayspullimages-missing",
  description: "Recommend the AlwaysPullImages admission plugin in multi-tenant kube-apiserver setups",
  severity: "low",
  type: "suggestion",
  presets: ["cis"],
  cis: ["1.2.11"],
  equivalents: { checkov: ["CKV_K8S_80"], trivy: ["KCV-0012"], "kube-bench": ["1.2.11"] },
  component: "kube-apiserver",
  flags: ["enable-admission-plugins"],
  kind: "list",
  insecureWhen: (value, ctx) => !listItems(value).includes("AlwaysPullImages") && !ctx.items("admission-control").includes("AlwaysPullImages"),
  fix: { kind: "append-item", item: "AlwaysPullImages" },
  fixMode: "suggest",
  fixWhen: (ctx) => !ctx.has("admission-control"),
  messages: {
    present:
      "kube-apiserver --{{flag}}={{value}} does not include AlwaysPullImages (it is not on by default): a pod can start a private image that is already cached on its node without having the pull credentials for it.",
    absent:
      "kube-apiserver runs without --{{flag}}, so AlwaysPullImages (not on by default) is off: a pod can start a private image that is already cached on its node without having the pull credentials for it.",
    fix: "Add AlwaysPullImages to --{{flag}} (every pod start then contacts the registry: pods cannot start while it is unreachable).",
  },
});
