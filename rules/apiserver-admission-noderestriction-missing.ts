/**
 * @fileoverview apiserver-admission-noderestriction-missing: the NodeRestriction admission plugin
 * (not on by default) is not enabled, so a kubelet's credentials can modify any Node and Pod.
 */
import { flagRule, listItems } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-admission-noderestriction-missing",
  description: "Require the NodeRestriction admission plugin in kube-apiserver",
  severity: "high",
  cis: ["1.2.14"],
  equivalents: { checkov: ["CKV_K8S_85"], trivy: ["KCV-0016"], "kube-bench": ["1.2.14"] },
  component: "kube-apiserver",
  flags: ["enable-admission-plugins"],
  kind: "list",
  // NodeRestriction is not in the default-on set (v1.35 reference); the legacy --admission-control list may name it.
  insecureWhen: (value, ctx) => !listItems(value).includes("NodeRestriction") && !ctx.items("admission-control").includes("NodeRestriction"),
  fix: { kind: "append-item", item: "NodeRestriction" },
  fixMode: "safe",
  messages: {
    present:
      "--{{flag}}={{value}} does not include NodeRestriction (it is not on by default): a kubelet's credentials can modify every Node object and every Pod, not only its own.",
    absent:
      "kube-apiserver runs without --{{flag}}, so NodeRestriction (not on by default) is off: a kubelet's credentials can modify every Node object and every Pod, not only its own.",
    fix: "Add NodeRestriction to --{{flag}}.",
  },
});
