/**
 * @fileoverview kcm-sa-private-key-missing: kube-controller-manager has no `--service-account-private-key-file`. Without it the token controller cannot sign service account tokens with a key you rotate and pair with the API server's --service-account-key-file.
 * Suggestion only: the file must exist on the node (kubeadm: /etc/kubernetes/pki/sa.key).
 */
import { flagRule } from "./shared/_flag-rule.js";

export default flagRule({
  id: "kcm-sa-private-key-missing",
  description: "Require kube-controller-manager --service-account-private-key-file",
  severity: "medium",
  cis: ["1.3.4"],
  equivalents: { checkov: ["CKV_K8S_110"], trivy: ["KCV-0036"], "kube-bench": ["1.3.4"] },
  component: "kube-controller-manager",
  flags: ["service-account-private-key-file"],
  kind: "scalar",
  insecureWhen: (value) => value === null || value.trim() === "",
  fix: { kind: "set", value: "/etc/kubernetes/pki/sa.key" },
  fixMode: "suggest",
  messages: {
    present: "kube-controller-manager --{{flag}} is empty. Without it the token controller cannot sign service account tokens with a key you rotate and pair with the API server's --service-account-key-file.",
    absent: "kube-controller-manager runs without --{{flag}}. Without it the token controller cannot sign service account tokens with a key you rotate and pair with the API server's --service-account-key-file.",
    fix: "Set --{{flag}}={{value}} (kubeadm's path; the file must exist on the node).",
  },
});
