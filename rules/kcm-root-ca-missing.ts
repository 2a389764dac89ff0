/**
 * @fileoverview kcm-root-ca-missing: kube-controller-manager has no `--root-ca-file`. Without it the cluster CA is not published with service account credentials (ca.crt), so pods cannot verify the API server's serving certificate.
 * Suggestion only: the file must exist on the node (kubeadm: /etc/kubernetes/pki/ca.crt).
 */
import { flagRule } from "./shared/_flag-rule.js";

export default flagRule({
  id: "kcm-root-ca-missing",
  description: "Require kube-controller-manager --root-ca-file",
  severity: "medium",
  cis: ["1.3.5"],
  equivalents: { checkov: ["CKV_K8S_111"], trivy: ["KCV-0037"], "kube-bench": ["1.3.5"] },
  component: "kube-controller-manager",
  flags: ["root-ca-file"],
  kind: "scalar",
  insecureWhen: (value) => value === null || value.trim() === "",
  fix: { kind: "set", value: "/etc/kubernetes/pki/ca.crt" },
  fixMode: "suggest",
  messages: {
    present: "kube-controller-manager --{{flag}} is empty. Without it the cluster CA is not published with service account credentials (ca.crt), so pods cannot verify the API server's serving certificate.",
    absent: "kube-controller-manager runs without --{{flag}}. Without it the cluster CA is not published with service account credentials (ca.crt), so pods cannot verify the API server's serving certificate.",
    fix: "Set --{{flag}}={{value}} (kubeadm's path; the file must exist on the node).",
  },
});
