/**
 * @fileoverview kubelet-client-cert-rotation-off: `--rotate-certificates` / `rotateCertificates` is
 * not true (false by default; kubeadm writes true), so the kubelet's client certificate expires.
 */
import { kubeletRule, parseFlagBool, readConfigBool } from "./shared/_kubelet-rule.js";

export default kubeletRule({
  name: "kubelet-client-cert-rotation-off",
  description: "Rotate the kubelet's client certificate",
  severity: "medium",
  cis: ["4.2.10"],
  equivalents: { checkov: ["CKV_K8S_149"], trivy: ["KCV-0090"], "kube-bench": ["4.2.10"] },
  flag: "rotate-certificates",
  configPath: [],
  configField: "rotateCertificates",
  readFlag: parseFlagBool,
  readConfig: readConfigBool,
  isInsecure: (v) => v !== "true",
  flagDefault: "false",
  configDefault: "false",
  // kubeadm writes rotateCertificates: true into the KubeletConfiguration it generates.
  kubeadmDefault: "true",
  fix: { kind: "set", flag: () => "true", config: () => "true" },
  fixMode: "suggest",
  risk: "the kubelet's client certificate is not renewed, so it is either long-lived or the node drops out of the cluster when it expires.",
  messages: {
    setFlag: "Set --rotate-certificates=true (needs kubelet-client CSR approval, as kubeadm sets up).",
    setConfig: "Set rotateCertificates: true (needs kubelet-client CSR approval, as kubeadm sets up).",
  },
});
