/**
 * @fileoverview apiserver-etcd-client-cert-missing: kube-apiserver connects to etcd without a
 * client certificate (`--etcd-certfile` / `--etcd-keyfile` absent).
 */
import { flagRule, kubeadmExternalEtcd } from "./shared/_flag-rule.js";

const KUBEADM_PATHS: Record<string, string> = {
  "etcd-certfile": "/etc/kubernetes/pki/apiserver-etcd-client.crt",
  "etcd-keyfile": "/etc/kubernetes/pki/apiserver-etcd-client.key",
};

export default flagRule({
  id: "apiserver-etcd-client-cert-missing",
  description: "Require kube-apiserver to authenticate to etcd with a client certificate (--etcd-certfile, --etcd-keyfile)",
  severity: "high",
  cis: ["1.2.23"],
  equivalents: { checkov: ["CKV_K8S_99"], trivy: ["KCV-0026"], "kube-bench": ["1.2.23"] },
  component: "kube-apiserver",
  flags: ["etcd-certfile", "etcd-keyfile"],
  kind: "scalar",
  // kubeadm with an external etcd writes these from etcd.external (kubeadm rules check that block).
  skip: (ctx) => ctx.kubeadm && kubeadmExternalEtcd(ctx.resource),
  insecureWhen: (value) => value === null || value.trim() === "",
  fix: { kind: "set", value: (ctx) => KUBEADM_PATHS[ctx.flag] ?? null },
  fixMode: "suggest",
  messages: {
    present:
      "kube-apiserver --{{flag}} is empty: the API server connects to etcd without a client certificate, so etcd cannot tell it from any other client that reaches the port.",
    absent:
      "kube-apiserver runs without --{{flag}} ({{carrier}}): the API server connects to etcd without a client certificate, so etcd cannot tell it from any other client that reaches the port.",
    fix: "Set --{{flag}}={{value}} (kubeadm's path; etcd must require client certificates signed by its CA).",
  },
});
