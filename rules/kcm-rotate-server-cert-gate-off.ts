/**
 * @fileoverview kcm-rotate-server-cert-gate-off: kube-controller-manager has the
 * `RotateKubeletServerCertificate` feature gate turned off (`--feature-gates`, a map flag whose
 * occurrences merge, later keys winning; the gate defaults to true). Safe fix: delete the key.
 */
import { flagRule, listItems, parseGoBool } from "./shared/_flag-rule.js";

const GATE = /^(?:[\w-]+:)?RotateKubeletServerCertificate\s*=\s*(.*)$/u;

/** The item that decides the gate (the last one naming it), or null. */
function decidingItem(items: string[]): string | null {
  let found: string | null = null;
  for (const i of items) if (GATE.test(i)) found = i;
  return found;
}

const isOff = (items: string[]): boolean => {
  const item = decidingItem(items);
  return item !== null && parseGoBool(GATE.exec(item)![1]!.trim()) === false;
};

export default flagRule({
  id: "kcm-rotate-server-cert-gate-off",
  description: "Keep the RotateKubeletServerCertificate feature gate on in kube-controller-manager",
  severity: "low",
  cis: ["1.3.6"],
  equivalents: { checkov: ["CKV_K8S_112"], trivy: ["KCV-0038"], "kube-bench": ["1.3.6"] },
  component: "kube-controller-manager",
  flags: ["feature-gates"],
  kind: "list",
  insecureWhen: (value) => isOff(listItems(value)),
  fix: (ctx) => {
    const item = decidingItem(ctx.items("feature-gates"));
    return item ? { kind: "remove-item", item } : null;
  },
  fixMode: "safe",
  messages: {
    present:
      "kube-controller-manager --{{flag}}={{value}} turns RotateKubeletServerCertificate off: kubelet serving certificate signing requests are no longer approved, so kubelets keep self-signed or expiring serving certificates.",
    absent: "kube-controller-manager has no --{{flag}}.",
    fix: "Remove {{value}} (the gate defaults to true).",
  },
});
