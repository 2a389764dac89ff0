/**
 * @fileoverview xf-audit-paths-not-mounted: kube-apiserver's audit files are not visible inside its
 * container (catalog-config.md §1.12). `--audit-policy-file` and `--audit-webhook-config-file` must
 * be under a mount (a hostPath one for a static pod), and the folder of `--audit-log-path` must be
 * mounted writable; otherwise kube-apiserver exits at start (policy, webhook config) or cannot
 * write its audit log.
 */
import { crossRule } from "../src/crossdoc/index.js";
import { effective, isAuditPolicy, isConcretePath, isKubeconfig, isStaticPod, mountFor, mountsOf, resolvePath, setObj, setsOf, valueNode } from "./shared/_xf.js";

const READ = [
  { flag: "audit-policy-file", accept: isAuditPolicy, what: "audit policy" },
  { flag: "audit-webhook-config-file", accept: isKubeconfig, what: "audit webhook kubeconfig" },
];

export default crossRule({
  name: "xf-audit-paths-not-mounted",
  meta: {
    type: "problem",
    docs: {
      description: "Require kube-apiserver's audit policy, audit webhook config and audit log folder to be mounted into its container",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      notMounted:
        "--{{flag}}={{path}} is not under any {{kind}} of container '{{container}}' (mounted: {{mounts}}): the {{what}} does not exist inside the container and kube-apiserver exits at start{{target}}. Mount {{dir}} (readOnly) from a hostPath volume.",
      logNotMounted:
        "--audit-log-path={{path}}: the folder {{dir}} is not under any volumeMount of container '{{container}}' (mounted: {{mounts}}): the audit log is written inside the container's own file system and lost with it. Mount {{dir}} from a hostPath volume (writable).",
      logReadOnly:
        "--audit-log-path={{path}}: the folder {{dir}} is mounted readOnly (at {{mountPath}}): kube-apiserver cannot write its audit log. Drop readOnly from that volumeMount.",
      kubeadm:
        "--{{flag}}={{path}} is not under kubeadm's own kube-apiserver mounts or any apiServer.extraVolumes mountPath: kubeadm writes the flag but not the mount{{consequence}}. Add an apiServer.extraVolumes entry for {{dir}}{{ro}}.",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report, where }) {
    for (const e of setsOf(index, "kube-apiserver")) {
      const mounts = mountsOf(e);
      if (!mounts) continue;
      const kubeadm = e.set.carrier === "extraArgs";
      const base = { container: e.set.container ?? "kube-apiserver", mounts: mounts.length ? mounts.map((x) => x.mountPath).join(", ") : "none" };
      for (const r of READ) {
        const eff = effective(e.set, r.flag);
        if (!eff.flag || !isConcretePath(eff.value)) continue;
        const path = eff.value;
        const m = mountFor(mounts, path);
        if (m && (!isStaticPod(e) || m.source === "hostPath")) continue;
        const targets = resolvePath(index, e.file, path, r.accept, e.obj ?? undefined);
        const dir = path.slice(0, path.lastIndexOf("/")) || "/";
        report({
          obj: setObj(e),
          node: valueNode(eff.flag),
          messageId: kubeadm ? "kubeadm" : "notMounted",
          data: {
            ...base,
            flag: r.flag,
            path,
            dir,
            what: r.what,
            kind: isStaticPod(e) ? "hostPath volumeMount" : "volumeMount",
            target: targets.length ? ` (the file is ${where(targets[0]!)})` : "",
            consequence: ", so kube-apiserver exits at start",
            ro: ", readOnly: true",
          },
          related: targets.map((t) => ({ obj: t, message: `The ${r.what} this flag names` })),
        });
      }
      const log = effective(e.set, "audit-log-path");
      if (!log.flag || !isConcretePath(log.value)) continue;
      const path = log.value;
      const dir = path.slice(0, path.lastIndexOf("/")) || "/";
      const m = mountFor(mounts, dir);
      if (m && !m.readOnly) continue;
      report({
        obj: setObj(e),
        node: valueNode(log.flag),
        messageId: m ? "logReadOnly" : kubeadm ? "kubeadm" : "logNotMounted",
        data: { ...base, flag: "audit-log-path", path, dir, mountPath: m?.mountPath ?? "", consequence: ", so the audit log is written inside the container and lost with it", ro: " (writable: readOnly: false)" },
      });
    }
  },
});
