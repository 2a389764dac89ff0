/**
 * @fileoverview xf-kubelet-serving-cert-unverifiable: kube-apiserver verifies kubelet serving
 * certificates (`--kubelet-certificate-authority`) while the kubelets of the run serve a
 * self-signed certificate — no `tlsCertFile` / `--tls-cert-file` and no `serverTLSBootstrap: true` /
 * `--rotate-server-certificates` (catalog-config.md §1.12). Every `kubectl logs`, `exec`,
 * `attach` and `port-forward` then fails with "x509: certificate signed by unknown authority".
 *
 * Pairing: each API server with the kubelets nearest to it in the run (longest common folder).
 * Reported on both ends: the API server's flag and each such kubelet.
 */
import { crossRule } from "../src/crossdoc/index.js";
import { effective, kubeletSetting, kubeletsOf, pairNear, setObj, setsOf, valueNode, type Kubelet } from "./shared/_xf.js";

function selfSigned(k: Kubelet): boolean {
  const cert = kubeletSetting(k, "tls-cert-file", ["tlsCertFile"], null, null);
  const boot = kubeletSetting(k, "rotate-server-certificates", ["serverTLSBootstrap"], false, false);
  if (!cert || !boot) return false;
  return (cert.value === null || cert.value === "") && boot.value !== true;
}

export default crossRule({
  name: "xf-kubelet-serving-cert-unverifiable",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow --kubelet-certificate-authority when the kubelets serve self-signed certificates",
      severity: "medium",
      presets: ["recommended"],
    },
    messages: {
      apiserver:
        "kube-apiserver verifies kubelet serving certificates against {{ca}}, but {{count}} kubelet(s) of this run serve a self-signed certificate (no tlsCertFile, serverTLSBootstrap not true), e.g. {{kubelet}}: kubectl logs/exec/port-forward fail with 'x509: certificate signed by unknown authority'. Give the kubelets CA-signed serving certificates (serverTLSBootstrap: true and approve their CSRs, or tlsCertFile/tlsPrivateKeyFile).",
      kubelet:
        "This kubelet serves a self-signed certificate (no tlsCertFile, serverTLSBootstrap not true), but the kube-apiserver at {{apiserver}} verifies kubelet certificates against {{ca}}: kubectl logs/exec/port-forward to its pods fail. Set serverTLSBootstrap: true (and approve the kubelet-serving CSRs) or tlsCertFile/tlsPrivateKeyFile.",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report, where }) {
    const apiservers = setsOf(index, "kube-apiserver").filter((e) => effective(e.set, "kubelet-certificate-authority").flag && (effective(e.set, "kubelet-certificate-authority").value ?? "").trim() !== "");
    if (!apiservers.length) return;
    const kubelets = kubeletsOf(index).filter(selfSigned);
    const reported = new Set<Kubelet>();
    for (const a of apiservers) {
      const ca = effective(a.set, "kubelet-certificate-authority");
      const mine = pairNear(index, a.file, kubelets, (k) => k.file, apiservers.length === 1);
      if (!mine.length) continue;
      const obj = setObj(a);
      const caNode = valueNode(ca.flag!);
      report({
        obj,
        node: caNode,
        messageId: "apiserver",
        data: { ca: ca.value!, count: mine.length, kubelet: where(mine[0]!.obj, mine[0]!.anchor) },
        related: mine.map((k) => ({ obj: k.obj, node: k.anchor, message: "A kubelet with a self-signed serving certificate" })),
      });
      for (const k of mine) {
        if (reported.has(k)) continue;
        reported.add(k);
        report({ obj: k.obj, node: k.anchor, messageId: "kubelet", data: { apiserver: where(obj, caNode), ca: ca.value! }, related: [{ obj, node: caNode, message: "The API server that verifies kubelet certificates" }] });
      }
    }
  },
});
