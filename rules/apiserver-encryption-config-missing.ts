/**
 * @fileoverview apiserver-encryption-config-missing: kube-apiserver has no
 * `--encryption-provider-config`, so every resource, Secrets included, is stored in etcd in plain
 * text. Suggestion only: it needs an EncryptionConfiguration file, a key and a hostPath mount.
 */
import { flagRule } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-encryption-config-missing",
  description: "Require encryption at rest in kube-apiserver (--encryption-provider-config)",
  severity: "high",
  cis: ["1.2.27"],
  equivalents: { checkov: ["CKV_K8S_104"], trivy: ["KCV-0030"], "kube-bench": ["1.2.27"] },
  component: "kube-apiserver",
  flags: ["encryption-provider-config"],
  kind: "scalar",
  insecureWhen: (value) => value === null || value.trim() === "",
  fix: { kind: "set", value: "/etc/kubernetes/enc/encryption-config.yaml" },
  fixMode: "suggest",
  messages: {
    present:
      "kube-apiserver --{{flag}} is empty: every resource, Secrets included, is stored in etcd in plain text, readable from any etcd backup or from the disk.",
    absent:
      "kube-apiserver runs without --{{flag}} ({{carrier}}): every resource, Secrets included, is stored in etcd in plain text, readable from any etcd backup or from the disk.",
    fix: "Set --{{flag}}={{value}} after creating an EncryptionConfiguration there (with a generated key) and mounting its directory into the API server pod; the API server does not start without the file.",
  },
});
