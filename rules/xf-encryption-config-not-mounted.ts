/**
 * @fileoverview xf-encryption-config-not-mounted: kube-apiserver's `--encryption-provider-config`
 * names a path that no volume mount of its container covers (catalog-config.md §1.12). The file
 * is not there inside the container and the API server exits at start (crash loop). A static pod
 * can only bring a host file in with a `hostPath` volume; a kubeadm ClusterConfiguration needs an
 * `apiServer.extraVolumes` entry unless the path is under one of kubeadm's own mounts
 * (`/etc/kubernetes/pki`, the CA certificate folders).
 */
import { crossRule } from "../src/crossdoc/index.js";
import { effective, isConcretePath, isEncryptionConfig, isStaticPod, mountFor, mountsOf, resolvePath, setObj, setsOf, valueNode } from "./shared/_xf.js";

export default crossRule({
  name: "xf-encryption-config-not-mounted",
  meta: {
    type: "problem",
    docs: {
      description: "Require kube-apiserver's --encryption-provider-config file to be mounted into its container",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      notMounted:
        "--encryption-provider-config={{path}} is not under any volumeMount of container '{{container}}' (mounted: {{mounts}}): the file does not exist inside the container and kube-apiserver exits at start{{target}}. Add a hostPath volume for {{dir}} and a readOnly volumeMount at the same path.",
      notHostPath:
        "--encryption-provider-config={{path}} is under the mount {{mountPath}}, whose volume is a {{source}} volume, not a hostPath: a static pod cannot read API objects, so the file is not there and kube-apiserver exits at start{{target}}. Mount {{dir}} from a hostPath volume (readOnly).",
      kubeadm:
        "--encryption-provider-config={{path}} is not under kubeadm's own kube-apiserver mounts or any apiServer.extraVolumes mountPath: kubeadm writes the flag but not the mount, and kube-apiserver exits at start{{target}}. Add apiServer.extraVolumes: [{name: encryption-config, hostPath: {{dir}}, mountPath: {{dir}}, readOnly: true, pathType: DirectoryOrCreate}].",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report, where }) {
    for (const e of setsOf(index, "kube-apiserver")) {
      const eff = effective(e.set, "encryption-provider-config");
      if (!eff.flag || !isConcretePath(eff.value)) continue;
      const mounts = mountsOf(e);
      if (!mounts) continue;
      const path = eff.value;
      const m = mountFor(mounts, path);
      if (m && (!isStaticPod(e) || m.source === "hostPath")) continue;
      const targets = resolvePath(index, e.file, path, isEncryptionConfig, e.obj ?? undefined);
      const dir = path.slice(0, path.lastIndexOf("/")) || "/";
      const data = {
        path,
        dir,
        container: e.set.container ?? "kube-apiserver",
        mounts: mounts.length ? mounts.map((x) => x.mountPath).join(", ") : "none",
        mountPath: m?.mountPath ?? "",
        source: m?.source ?? "",
        target: targets.length ? ` (the EncryptionConfiguration is ${where(targets[0]!)})` : "",
      };
      report({
        obj: setObj(e),
        node: valueNode(eff.flag),
        messageId: e.set.carrier === "extraArgs" ? "kubeadm" : m ? "notHostPath" : "notMounted",
        data,
        related: targets.map((t) => ({ obj: t, message: "The EncryptionConfiguration this flag names" })),
      });
    }
  },
});
