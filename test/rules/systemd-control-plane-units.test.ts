/**
 * The control-plane flag rules on the systemd units of "Kubernetes the hard way"
 * (/work/shared/corpus/cluster-config/kelseyhightower__kubernetes-the-hard-way/units), through the
 * real CLI: the findings of the flag rules (catalog-config.md §1.0–§1.4) per unit, the cross-file
 * rules over unit-carried flag sets, and `--fix` writing ExecStart continuation lines.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseProgram } from "../../src/language/language.js";
import { project, read, run } from "../cli/helpers.js";

const UNITS = join(import.meta.dirname, "..", "..", "..", "shared", "corpus", "cluster-config", "kelseyhightower__kubernetes-the-hard-way", "units");
const haveCorpus = existsSync(UNITS);
if (!haveCorpus) console.warn(`skipping: the corpus folder ${UNITS} is not present`);

/** Flag rules of this check (the audit-log rows are another suite's; they are not compared here). */
const FLAG_RULE = /^(apiserver-(?!audit-)|kcm-|scheduler-|etcd-|kubeproxy-|flag-|component-tls-|xf-)/u;

interface JsonMessage {
  ruleId: string;
  line: number;
  column: number;
  fix?: { range: [number, number]; text: string };
}

const units = (): Record<string, string> => (haveCorpus ? Object.fromEntries(readdirSync(UNITS).map((f) => [f, readFileSync(join(UNITS, f), "utf8")])) : {});

async function findings(dir: string): Promise<Record<string, string[]>> {
  const r = await run(dir, ["--preset", "all", "-f", "json", "--concurrency", "off", "."]);
  expect(r.stderr).toBe("");
  const out: Record<string, string[]> = {};
  for (const file of JSON.parse(r.stdout) as { filePath: string; messages: JsonMessage[] }[]) {
    const name = file.filePath.split(/[\\/]/u).pop()!;
    out[name] = file.messages
      .filter((m) => FLAG_RULE.test(m.ruleId))
      .map((m) => `${m.ruleId}@${m.line}:${m.column}`)
      .sort();
  }
  return out;
}

describe.skipIf(!haveCorpus)("hard-way systemd units through the CLI", () => {
  it("reports what the flags mean, and nothing caused by the unit syntax", async () => {
    const got = await findings(project(units()));
    expect(got).toEqual({
      "containerd.service": [],
      // --name/--listen-*-urls written `--flag value`; loopback-only single member: no peer findings.
      "etcd.service": [
        "etcd-client-cert-auth-off@7:11",
        "etcd-client-tls-missing@7:11",
        "etcd-client-tls-missing@7:11",
        "etcd-cors-wildcard@7:11",
        "etcd-cors-wildcard@7:11",
        "etcd-peer-client-cert-auth-off@7:11",
      ],
      // --runtime-config='api/all=true' (quoted), --etcd-servers list, NodeRestriction with Node,RBAC: no finding.
      "kube-apiserver.service": [
        "apiserver-admission-alwayspullimages-missing@15:3",
        "apiserver-admission-denyserviceexternalips-missing@15:3",
        "apiserver-admission-eventratelimit-missing@15:3",
        "apiserver-anonymous-auth-enabled@6:11",
        "apiserver-etcd-ca-missing@6:11",
        "apiserver-etcd-client-cert-missing@6:11",
        "apiserver-etcd-client-cert-missing@6:11",
        "apiserver-etcd-plaintext@16:3",
        "apiserver-profiling-enabled@6:11",
        "apiserver-sa-extend-token-expiration@6:11",
      ],
      "kube-controller-manager.service": ["kcm-bind-address-not-loopback@7:3", "kcm-profiling-enabled@6:11"],
      // --config: profiling comes from the KubeSchedulerConfiguration; --bind-address is still a flag.
      "kube-proxy.service": [],
      "kube-scheduler.service": ["scheduler-bind-address-not-loopback@6:11"],
      "kubelet.service": [],
    });
  });

  it("cross-file rules see the unit flag sets with their component", async () => {
    const files = units();
    const dir = project({
      "kube-apiserver.service": files["kube-apiserver.service"]!.replace("--authorization-mode=Node,RBAC", "--authorization-mode=RBAC").replace("DefaultStorageClass,ResourceQuota", "DefaultStorageClass,ResourceQuota,EventRateLimit"),
      "etcd.service": files["etcd.service"]!.replace("  --data-dir=/var/lib/etcd", "  --trusted-ca-file=/var/lib/kubernetes/ca.crt \\\n  --data-dir=/var/lib/etcd"),
    });
    const got = await findings(dir);
    expect(got["etcd.service"]!.filter((f) => f.startsWith("xf-"))).toEqual(["xf-etcd-ca-shared@16:21"]);
    expect(got["kube-apiserver.service"]!.filter((f) => f.startsWith("xf-"))).toEqual([
      "xf-etcd-ca-shared@14:20",
      "xf-eventratelimit-enabled-unconfigured@15:126",
      "xf-noderestriction-without-node-authz@15:49",
    ]);
  });

  it("--fix writes ExecStart continuation lines in the unit's style, and the units still parse", async () => {
    const files = units();
    const dir = project(files);
    const r = await run(dir, ["--preset", "all", "--fix", "--concurrency", "off", "."]);
    expect(r.stderr).toBe("");
    const api = read(dir, "kube-apiserver.service");
    expect(api).toContain("  --audit-log-maxbackup=10 \\\n");
    expect(api).toContain("  --v=2 \\\n  --profiling=false\n");
    const kcm = read(dir, "kube-controller-manager.service");
    expect(kcm).toBe(files["kube-controller-manager.service"]!.replace("  --v=2\n", "  --v=2 \\\n  --profiling=false\n"));
    for (const [name, text] of [["kube-apiserver.service", api], ["kube-controller-manager.service", kcm]] as const) {
      const sets = parseProgram(text, name).unit!.flagSets;
      expect(sets).toHaveLength(1);
      expect(sets[0]!.flags.filter((f) => f.name === "profiling").map((f) => f.value)).toEqual(["false"]);
    }
    // Suggest-only rows (etcd client cert auth, bind addresses) are not applied.
    expect(read(dir, "etcd.service")).toBe(files["etcd.service"]);
    expect(read(dir, "kube-scheduler.service")).toBe(files["kube-scheduler.service"]);
  });
});
