/**
 * @fileoverview xf-apiserver-kubelet-auth-mismatch: the kubelets of the run require authentication
 * (anonymous access off) or authorize with the API server (Webhook), while kube-apiserver has no
 * client certificate for them (`--kubelet-client-certificate` / `--kubelet-client-key`)
 * (catalog-config.md §1.12). The API server then calls kubelets anonymously and `kubectl logs`,
 * `exec`, `attach`, `port-forward` get 401 Unauthorized / 403 Forbidden.
 *
 * Kubelet values: flags win over the KubeletConfiguration named by --config, which wins over the
 * defaults (with --config: anonymous off, Webhook; without: anonymous on, AlwaysAllow). Pairing:
 * each API server with the kubelets nearest to it. Reported on the API server (the one to change).
 */
import { crossRule } from "../src/crossdoc/index.js";
import { effective, kubeletSetting, kubeletsOf, pairNear, setAnchor, setObj, setsOf, type Kubelet } from "./shared/_xf.js";

function requiresAuth(k: Kubelet): string | null {
  const anon = kubeletSetting(k, "anonymous-auth", ["authentication", "anonymous", "enabled"], true, false);
  const mode = kubeletSetting(k, "authorization-mode", ["authorization", "mode"], "AlwaysAllow", "Webhook");
  if (anon && anon.value === false) return "anonymous access off";
  if (mode && mode.value === "Webhook") return "authorization mode Webhook";
  return null;
}

export default crossRule({
  name: "xf-apiserver-kubelet-auth-mismatch",
  meta: {
    type: "problem",
    docs: {
      description: "Require kube-apiserver to have a kubelet client certificate when the kubelets require authentication",
      severity: "info",
      presets: ["recommended"],
    },
    messages: {
      mismatch:
        "kube-apiserver has no {{missing}}, but the kubelet at {{kubelet}} requires authentication ({{why}}): the API server calls it anonymously and kubectl logs/exec/port-forward get 401/403. Set --kubelet-client-certificate and --kubelet-client-key (kubeadm: /etc/kubernetes/pki/apiserver-kubelet-client.crt/.key).",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report, where }) {
    const kubelets = kubeletsOf(index);
    if (!kubelets.length) return;
    const single = setsOf(index, "kube-apiserver").length === 1;
    for (const a of setsOf(index, "kube-apiserver")) {
      const missing = ["kubelet-client-certificate", "kubelet-client-key"].filter((f) => !(effective(a.set, f).value ?? "").trim());
      if (!missing.length) continue;
      const strict = pairNear(index, a.file, kubelets, (k) => k.file, single)
        .map((k) => ({ k, why: requiresAuth(k) }))
        .filter((x) => x.why !== null);
      if (!strict.length) continue;
      const first = strict[0]!;
      report({
        obj: setObj(a),
        node: setAnchor(a),
        messageId: "mismatch",
        data: { missing: missing.map((m) => `--${m}`).join(" / "), kubelet: where(first.k.obj, first.k.anchor), why: first.why! },
        related: strict.map((x) => ({ obj: x.k.obj, node: x.k.anchor, message: `A kubelet that requires authentication (${x.why})` })),
      });
    }
  },
});
