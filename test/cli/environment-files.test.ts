/**
 * @fileoverview systemd units resolve `EnvironmentFile=` with the environment files of the same run
 * (src/cli/files.ts `nodeEnvironmentFiles`: a file's node path starts at its first etc/var/run/usr/
 * opt/lib/srv folder). With the file in the run, flags a unit lacks can be judged; without it (or
 * with two candidates for one node path) they stay unknown and are not judged.
 */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { nodeEnvironmentFiles } from "../../src/cli/files.js";
import { fileKindOf } from "../../src/language/language.js";
import { project, run } from "./helpers.js";

const UNIT = `[Unit]
Description=kubelet: The Kubernetes Node Agent

[Service]
EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env
ExecStart=/usr/bin/kubelet --kubeconfig=/etc/kubernetes/kubelet.conf $KUBELET_KUBEADM_ARGS
Restart=always

[Install]
WantedBy=multi-user.target
`;
// No --config: the kubelet runs with its legacy command-line defaults (anonymous auth on).
const ENV = `KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock"\n`;

interface Finding {
  file: string;
  ruleId: string;
  line: number;
}

async function findings(dir: string, args: string[]): Promise<Finding[]> {
  const r = await run(dir, ["--preset", "all", "-f", "json", ...args]);
  expect(r.stderr).not.toMatch(/internal error/u);
  return (JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[]).flatMap((f) =>
    f.messages.map((m) => ({ file: f.filePath.slice(dir.length + 1), ruleId: m.ruleId, line: m.line })),
  );
}

describe("EnvironmentFile= from the run", () => {
  it("maps files to node paths, leaving out ambiguous ones", () => {
    const dir = project({
      "nodes/cp/var/lib/kubelet/kubeadm-flags.env": ENV,
      "nodes/a/etc/default/kubelet": "KUBELET_EXTRA_ARGS=--v=2\n",
      "nodes/b/etc/default/kubelet": "KUBELET_EXTRA_ARGS=--v=4\n",
      "nodes/cp/etc/kubernetes/manifests/etcd.yaml": "kind: Pod\n",
    });
    const files = ["nodes/cp/var/lib/kubelet/kubeadm-flags.env", "nodes/a/etc/default/kubelet", "nodes/b/etc/default/kubelet", "nodes/cp/etc/kubernetes/manifests/etcd.yaml"].map((f) => join(dir, f));
    expect(nodeEnvironmentFiles(files, fileKindOf)).toEqual({ "/var/lib/kubelet/kubeadm-flags.env": ENV });
  });

  it("judges the kubelet's absent flags once the unit's environment file is in the run", async () => {
    const dir = project({ "usr/lib/systemd/system/kubelet.service": UNIT, "var/lib/kubelet/kubeadm-flags.env": ENV });
    const withEnv = await findings(dir, ["."]);
    const unitRules = (fs: Finding[]): string[] => fs.filter((f) => f.file.endsWith("kubelet.service")).map((f) => f.ruleId);
    expect(unitRules(withEnv), JSON.stringify(withEnv)).toContain("kubelet-anonymous-auth-enabled");
    // The unit alone: $KUBELET_KUBEADM_ARGS may hold --config, so nothing absent is judged.
    const alone = await findings(dir, ["usr/lib/systemd/system/kubelet.service"]);
    expect(unitRules(alone)).not.toContain("kubelet-anonymous-auth-enabled");
  });

  it("does not guess between two environment files with the same node path", async () => {
    const dir = project({
      "usr/lib/systemd/system/kubelet.service": UNIT,
      "a/var/lib/kubelet/kubeadm-flags.env": ENV,
      "b/var/lib/kubelet/kubeadm-flags.env": `KUBELET_KUBEADM_ARGS="--config=/var/lib/kubelet/config.yaml"\n`,
    });
    const all = await findings(dir, ["."]);
    expect(all.filter((f) => f.file.endsWith("kubelet.service")).map((f) => f.ruleId)).not.toContain("kubelet-anonymous-auth-enabled");
  });
});
