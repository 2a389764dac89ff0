/**
 * Folder walks collect cluster configuration whose names ordinary repositories use for other
 * things: kubeconfig / KubeletConfiguration `*.conf` files (by a sniff of their first KB) and
 * kubelet environment files — and leave CNI, OpenSSL and nginx `.conf` files and dotenv files
 * alone (fixtures/cli/collect-cluster-config, real files from the corpus).
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { Ignorer, collectInputs, contentCandidate, isLintTarget, sniffsAsClusterConfig } from "../../src/cli/files.js";
import { FIXTURES, project, run } from "./helpers.js";

const TREE = join(FIXTURES, "collect-cluster-config");
const rel = (root: string, files: string[]): string[] => files.map((f) => relative(root, f).split(sep).join("/")).sort();
const COLLECTED = [
  "etc/default/kubelet",
  "etc/kubernetes/admin.conf",
  "etc/kubernetes/kubelet.conf.d/10-max-pods.conf",
  "etc/kubernetes/kubelet.conf.d/20-read-only-port.conf",
  "var/lib/kubelet/kubeadm-flags.env",
];

/** A private copy of the fixture tree (the CLI must not find the repository's .git or config). */
function copyTree(): string {
  const dir = mkdtempSync(join(tmpdir(), "kubeguard-collect-"));
  cpSync(TREE, dir, { recursive: true });
  return dir;
}

describe("folder walks: cluster configuration by content", () => {
  it("collects kubeconfigs, kubelet drop-ins and kubelet environment files, not CNI/OpenSSL/nginx .conf or dotenv files", () => {
    const dir = copyTree();
    const inputs = collectInputs(["."], dir, new Ignorer(dir));
    expect(rel(dir, inputs.files)).toEqual(COLLECTED);
    // None of them is a lint target by name: the CLI hands them to ESLint as extra patterns.
    expect(rel(dir, inputs.explicitNonTargets)).toEqual(COLLECTED);
    expect(inputs.unreadable).toEqual([]);
  });

  it("keeps .kubeguardignore / .gitignore semantics for sniffed files", () => {
    const dir = copyTree();
    writeFileSync(join(dir, ".kubeguardignore"), "admin.conf\n");
    writeFileSync(join(dir, "etc", ".gitignore"), "default/\n");
    const inputs = collectInputs(["."], dir, new Ignorer(dir));
    expect(rel(dir, inputs.files)).toEqual(COLLECTED.filter((f) => f !== "etc/kubernetes/admin.conf" && f !== "etc/default/kubelet"));
  });

  it("a glob or a named file is taken as given (no sniffing)", () => {
    const dir = copyTree();
    const inputs = collectInputs(["cni/net.d/*.conf", "nginx/default.conf"], dir, new Ignorer(dir));
    expect(rel(dir, inputs.files)).toEqual(["cni/net.d/10-bridge.conf", "cni/net.d/99-loopback.conf", "nginx/default.conf"]);
  });

  it("sniffs only candidates, and needs a top-level apiVersion and kind Config / KubeletConfiguration", () => {
    expect(contentCandidate("a/deploy.yaml")).toBeNull();
    expect(contentCandidate("x/kubelet.service.d/10-kubeadm.conf")).toBeNull();
    expect(isLintTarget("x/kubelet.service.d/10-kubeadm.conf")).toBe(true);
    expect(contentCandidate("etc/kubernetes/scheduler.conf")).toBe("conf");
    expect(contentCandidate("etc/sysconfig/kubelet")).toBe("env");
    expect(sniffsAsClusterConfig("scheduler.conf", "apiVersion: v1\nclusters: []\nkind: Config\n")).toBe(true);
    expect(sniffsAsClusterConfig("10-x.conf", 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: "KubeletConfiguration"\n')).toBe(true);
    expect(sniffsAsClusterConfig("x.conf", "kind: Config\n")).toBe(false);
    expect(sniffsAsClusterConfig("x.conf", "apiVersion: v1\nkind: ConfigMap\n")).toBe(false);
    expect(sniffsAsClusterConfig("x.conf", "  apiVersion: v1\n  kind: Config\n")).toBe(false);
    expect(sniffsAsClusterConfig("node.env", "export KUBELET_EXTRA_ARGS='--max-pods=200'\n")).toBe(true);
    expect(sniffsAsClusterConfig("app.env", "DATABASE_URL=postgres://db\n")).toBe(false);
    expect(sniffsAsClusterConfig("etc/sysconfig/kubelet", "")).toBe(true);
  });

  it("a .conf candidate that is not a regular file is neither read nor reported", (ctx) => {
    const dir = project({ "ok.conf": "apiVersion: v1\nkind: Config\n" });
    try {
      execFileSync("mkfifo", [join(dir, "pipe.conf")]);
    } catch {
      ctx.skip("mkfifo is not available");
    }
    // Reading a FIFO would block forever: the walk must look at the file type first.
    const inputs = collectInputs(["."], dir, new Ignorer(dir));
    expect(rel(dir, inputs.files)).toEqual(["ok.conf"]);
    expect(inputs.unreadable).toEqual([]);
  });

  it("the CLI lints what a folder walk collects, with no parse errors from other .conf files", async () => {
    const dir = copyTree();
    const r = await run(dir, ["--preset", "all", "-f", "json", "."]);
    expect(r.stderr).toBe("");
    const results = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string | null; line: number; fatal?: boolean }[] }[];
    expect(rel(dir, results.map((x) => x.filePath))).toEqual(COLLECTED);
    const ids = (file: string): string[] => results.find((x) => x.filePath === join(dir, file))!.messages.map((m) => `${m.ruleId}@${m.line}`).sort();
    for (const res of results) expect(res.messages.filter((m) => m.fatal || m.ruleId === null || m.ruleId === "valid-yaml")).toEqual([]);
    expect(ids("etc/kubernetes/admin.conf")).toContain("kubeconfig-embedded-client-key@19");
    // A drop-in is a fragment: only what it writes is judged.
    expect(ids("etc/kubernetes/kubelet.conf.d/10-max-pods.conf")).toEqual([]);
    expect(ids("etc/kubernetes/kubelet.conf.d/20-read-only-port.conf")).toEqual(["kubelet-read-only-port-open@3"]);
    expect(ids("etc/default/kubelet")).toContain("kubelet-read-only-port-open@1");
  });
});
