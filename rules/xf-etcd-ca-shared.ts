/**
 * @fileoverview xf-etcd-ca-shared: etcd trusts the same CA file for its clients
 * (`--trusted-ca-file`) as kube-apiserver does for its own clients (`--client-ca-file`), in
 * different files of the run — the usual kubeadm layout, `etcd.yaml` next to
 * `kube-apiserver.yaml` (catalog-config.md §1.12, CIS 2.7). Every client certificate of the cluster
 * (kubelets, controllers, users) is then accepted by etcd, which holds every Secret.
 *
 * Paths are compared (after `//` and trailing `/` are folded), not certificate contents. Pairs in
 * one file are etcd-ca-not-unique's (reported here only when the run is that one file, as in the
 * ESLint plugin). etcd with `--config-file` is skipped (flags and env are then ignored). Reported on
 * both ends.
 */
import { crossRule } from "../src/crossdoc/index.js";
import { effective, lastFlag, pairNear, setAnchor, setObj, setsOf, valueNode, type SetEntry } from "./shared/_xf.js";

const norm = (p: string): string => p.trim().replace(/\/+/gu, "/").replace(/(.)\/$/u, "$1");

export default crossRule({
  name: "xf-etcd-ca-shared",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow etcd trusting the same CA as kube-apiserver's client CA (across files)",
      severity: "medium",
      presets: ["recommended", "cis"],
      standards: { cis: ["2.7"] },
      equivalents: { "kube-bench": ["2.7"] },
    },
    messages: {
      etcd: "etcd trusts {{path}} for client certificates, the same file kube-apiserver uses as --client-ca-file ({{other}}): every certificate that CA signs for the cluster — kubelets, controllers, users — can also talk to etcd and read every Secret. Give etcd its own CA (kubeadm: /etc/kubernetes/pki/etcd/ca.crt).",
      apiserver:
        "kube-apiserver's --client-ca-file {{path}} is also etcd's --trusted-ca-file ({{other}}): every client certificate of the cluster is accepted by etcd too. Give etcd its own CA.",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report, where }) {
    const apiservers = setsOf(index, "kube-apiserver");
    const oneFile = index.files.length === 1;
    const node = (e: SetEntry, flag: string) => {
      const f = effective(e.set, flag).flag;
      return f ? valueNode(f) : setAnchor(e);
    };
    for (const etcd of setsOf(index, "etcd")) {
      if (lastFlag(etcd.set, "config-file")) continue;
      const trusted = effective(etcd.set, "trusted-ca-file").value;
      if (!trusted?.trim()) continue;
      const paired = pairNear(index, etcd.file, apiservers, (a) => a.file, apiservers.length === 1);
      for (const a of paired) {
        if (a.file === etcd.file && !oneFile) continue;
        const client = effective(a.set, "client-ca-file").value;
        if (!client?.trim() || norm(client) !== norm(trusted)) continue;
        const eObj = setObj(etcd);
        const aObj = setObj(a);
        const eNode = node(etcd, "trusted-ca-file");
        const aNode = node(a, "client-ca-file");
        report({ obj: eObj, node: eNode, messageId: "etcd", data: { path: norm(trusted), other: where(aObj, aNode) }, related: [{ obj: aObj, node: aNode, message: "kube-apiserver's --client-ca-file" }] });
        // The API server's end only where its --client-ca-file is written (kubeadm's own value is not the one to change).
        if (effective(a.set, "client-ca-file").flag) report({ obj: aObj, node: aNode, messageId: "apiserver", data: { path: norm(client), other: where(eObj, eNode) }, related: [{ obj: eObj, node: eNode, message: "etcd's --trusted-ca-file" }] });
      }
    }
  },
});
