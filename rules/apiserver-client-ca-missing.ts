/**
 * @fileoverview apiserver-client-ca-missing: kube-apiserver has no `--client-ca-file`, so X.509
 * client-certificate authentication is off.
 */
import { flagRule } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-client-ca-missing",
  description: "Require X.509 client-certificate authentication in kube-apiserver (--client-ca-file)",
  severity: "medium",
  cis: ["1.2.25"],
  equivalents: { trivy: ["KCV-0028"], "kube-bench": ["1.2.25"] },
  component: "kube-apiserver",
  flags: ["client-ca-file"],
  kind: "scalar",
  insecureWhen: (value) => value === null || value.trim() === "",
  fix: { kind: "set", value: "/etc/kubernetes/pki/ca.crt" },
  fixMode: "suggest",
  messages: {
    present:
      "kube-apiserver --{{flag}} is empty: X.509 client-certificate authentication is off, so kubelets and control-plane components cannot authenticate with certificates and clients fall back to weaker credentials.",
    absent:
      "kube-apiserver runs without --{{flag}} ({{carrier}}): X.509 client-certificate authentication is off, so kubelets and control-plane components cannot authenticate with certificates and clients fall back to weaker credentials.",
    fix: "Set --{{flag}}={{value}} (kubeadm's cluster CA).",
  },
});
