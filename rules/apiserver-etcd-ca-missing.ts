/**
 * @fileoverview apiserver-etcd-ca-missing: kube-apiserver does not verify etcd's serving
 * certificate (`--etcd-cafile` absent).
 */
import { flagRule, kubeadmExternalEtcd } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-etcd-ca-missing",
  description: "Require kube-apiserver to verify etcd's serving certificate (--etcd-cafile)",
  severity: "high",
  cis: ["1.2.26"],
  equivalents: { checkov: ["CKV_K8S_102"], trivy: ["KCV-0029"], "kube-bench": ["1.2.26"] },
  component: "kube-apiserver",
  flags: ["etcd-cafile"],
  kind: "scalar",
  skip: (ctx) => ctx.kubeadm && kubeadmExternalEtcd(ctx.resource),
  insecureWhen: (value) => value === null || value.trim() === "",
  fix: { kind: "set", value: "/etc/kubernetes/pki/etcd/ca.crt" },
  fixMode: "suggest",
  messages: {
    present:
      "kube-apiserver --{{flag}} is empty: the API server does not verify etcd's certificate against a cluster CA, so whoever can redirect the connection can impersonate etcd and read or forge every object.",
    absent:
      "kube-apiserver runs without --{{flag}} ({{carrier}}): the API server does not verify etcd's certificate against a cluster CA, so whoever can redirect the connection can impersonate etcd and read or forge every object.",
    fix: "Set --{{flag}}={{value}} (kubeadm's etcd CA).",
  },
});
