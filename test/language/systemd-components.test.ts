/**
 * systemd units of the control-plane components (kube-apiserver, kube-controller-manager,
 * kube-scheduler, etcd, kube-proxy) as FlagSets, and the systemd edit helpers the flag rules use
 * (src/fix/systemd.ts through src/fix/flags.ts).
 */
import { describe, expect, it } from "vitest";
import type { FlagNode, FlagSetNode } from "../../src/language/ast.js";
import { parseProgram } from "../../src/language/language.js";
import { K8sSourceCode } from "../../src/language/source-code.js";
import { isUnitEtcdEnvFlag, parseUnitFile, unitFlagSetInfo } from "../../src/language/systemd.js";
import { removeFlag, removeFromListFlag, setFlag } from "../../src/fix/flags.js";
import type { RuleTextEdit } from "../../src/rule.js";

/** kelseyhightower/kubernetes-the-hard-way units/kube-apiserver.service (abridged). */
const APISERVER = `[Unit]
Description=Kubernetes API Server
Documentation=https://github.com/kubernetes/kubernetes

[Service]
ExecStart=/usr/local/bin/kube-apiserver \\
  --allow-privileged=true \\
  --audit-log-maxbackup=3 \\
  --authorization-mode=Node,RBAC \\
  --enable-admission-plugins=NamespaceLifecycle,NodeRestriction,LimitRanger \\
  --etcd-servers=http://127.0.0.1:2379 \\
  --runtime-config='api/all=true' \\
  --service-account-key-file=/var/lib/kubernetes/service-accounts.crt \\
  --v=2
Restart=on-failure
RestartSec=5

[Install]
WantedBy=multi-user.target
`;

/** kelseyhightower/kubernetes-the-hard-way units/etcd.service. */
const ETCD = `[Unit]
Description=etcd
Documentation=https://github.com/etcd-io/etcd

[Service]
Type=notify
ExecStart=/usr/local/bin/etcd \\
  --name controller \\
  --initial-advertise-peer-urls http://127.0.0.1:2380 \\
  --listen-peer-urls http://127.0.0.1:2380 \\
  --listen-client-urls http://127.0.0.1:2379 \\
  --advertise-client-urls http://127.0.0.1:2379 \\
  --initial-cluster-token etcd-cluster-0 \\
  --initial-cluster controller=http://127.0.0.1:2380 \\
  --initial-cluster-state new \\
  --data-dir=/var/lib/etcd
Restart=on-failure
RestartSec=5

[Install]
WantedBy=multi-user.target
`;

const names = (set: FlagSetNode): string[] => set.flags.map((f) => f.name);
const flag = (set: FlagSetNode, name: string): FlagNode => set.flags.find((f) => f.name === name)!;

function sourceCodeOf(text: string, filename: string, environmentFiles: Record<string, string> = {}): K8sSourceCode {
  return new K8sSourceCode({ text, ast: parseProgram(text, filename, { environmentFiles }) });
}

function apply(text: string, edits: RuleTextEdit[] | null): string {
  expect(edits).not.toBeNull();
  let out = text;
  for (const e of [...edits!].sort((a, b) => b.range[0] - a.range[0])) out = out.slice(0, e.range[0]) + e.text + out.slice(e.range[1]);
  return out;
}

/** The set a unit file yields, re-parsed from the edited text (edits must keep the unit readable). */
function reparse(text: string, filename = "kube-apiserver.service"): FlagSetNode {
  const program = parseProgram(text, filename);
  expect(program.unit!.flagSets).toHaveLength(1);
  return program.unit!.flagSets[0]!;
}

describe("control-plane units as FlagSets", () => {
  it("kube-apiserver: one FlagSet, exact ranges, list flags kept per occurrence, quotes removed", () => {
    const unit = parseUnitFile(APISERVER);
    expect(unit.flagSets).toHaveLength(1);
    const set = unit.flagSets[0]!;
    expect(set).toMatchObject({ component: "kube-apiserver", carrier: "systemd", hasConfigFile: false });
    expect(names(set)).toEqual(["allow-privileged", "audit-log-maxbackup", "authorization-mode", "enable-admission-plugins", "etcd-servers", "runtime-config", "service-account-key-file", "v"]);
    for (const f of set.flags) {
      expect(f.component).toBe("kube-apiserver");
      expect(APISERVER.slice(f.nameRange[0], f.nameRange[1])).toBe(f.rawName);
    }
    expect(flag(set, "etcd-servers")).toMatchObject({ value: "http://127.0.0.1:2379", editable: true });
    expect(APISERVER.slice(...flag(set, "audit-log-maxbackup").valueRange!)).toBe("3");
    // `'api/all=true'`: the value is read without the quotes and is not editable in place.
    expect(flag(set, "runtime-config")).toMatchObject({ value: "api/all=true", editable: false });
    const info = unitFlagSetInfo(set)!;
    expect(APISERVER.slice(...info.commandRange)).toBe("/usr/local/bin/kube-apiserver");
    expect(info).toMatchObject({ unknownVariables: [], unknownEnvironment: false, endOfOptions: false, bare: false });
  });

  it("kube-apiserver: a bool flag does not take the next word (--profiling false is true plus a stray word)", () => {
    const set = parseUnitFile("[Service]\nExecStart=/usr/local/bin/kube-apiserver --profiling false --secure-port 6443\n").flagSets[0]!;
    expect(flag(set, "profiling").value).toBeNull();
    expect(flag(set, "secure-port").value).toBe("6443");
  });

  it("etcd: `--name value` (Go flag) space forms, ranges over both words", () => {
    const set = parseUnitFile(ETCD).flagSets[0]!;
    expect(set.component).toBe("etcd");
    expect(names(set)).toEqual(["name", "initial-advertise-peer-urls", "listen-peer-urls", "listen-client-urls", "advertise-client-urls", "initial-cluster-token", "initial-cluster", "initial-cluster-state", "data-dir"]);
    const f = flag(set, "listen-client-urls");
    expect(f).toMatchObject({ value: "http://127.0.0.1:2379", editable: true });
    expect(ETCD.slice(...f.range)).toBe("--listen-client-urls http://127.0.0.1:2379");
    expect(ETCD.slice(...f.valueRange!)).toBe("http://127.0.0.1:2379");
  });

  it("kube-controller-manager, kube-scheduler, kube-proxy and hyperkube units are recognised; containerd is not", () => {
    expect(parseUnitFile("[Service]\nExecStart=/usr/local/bin/kube-controller-manager --bind-address=0.0.0.0\n").flagSets[0]!.component).toBe("kube-controller-manager");
    const sched = parseUnitFile("[Service]\nExecStart=/usr/local/bin/kube-scheduler \\\n  --config=/etc/kubernetes/config/kube-scheduler.yaml \\\n  --v=2\n").flagSets[0]!;
    expect(sched).toMatchObject({ component: "kube-scheduler", hasConfigFile: true });
    expect(parseUnitFile("[Service]\nExecStart=/usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/kube-proxy-config.yaml\n").flagSets[0]!.component).toBe("kube-proxy");
    const hk = parseUnitFile("[Service]\nExecStart=/opt/bin/hyperkube kube-apiserver --profiling=true\n").flagSets[0]!;
    expect(hk.component).toBe("kube-apiserver");
    expect(names(hk)).toEqual(["profiling"]);
    expect(parseUnitFile("[Service]\nExecStartPre=/sbin/modprobe overlay\nExecStart=/bin/containerd\n").flagSets).toHaveLength(0);
  });

  it("expands $VAR and ${VAR} from Environment= (editable there); EnvironmentFile variables are reported at the reference", () => {
    const text =
      '[Service]\nEnvironmentFile=-/etc/kubernetes/apiserver\nEnvironment="KUBE_PROFILING=--profiling=true" KUBE_ETCD=--etcd-servers=https://10.0.0.1:2379\nExecStart=/usr/bin/kube-apiserver $KUBE_PROFILING ${KUBE_ETCD} $KUBE_API_ARGS\n';
    const without = parseUnitFile(text).flagSets[0]!;
    expect(names(without)).toEqual(["profiling", "etcd-servers"]);
    expect(flag(without, "profiling")).toMatchObject({ carrier: "systemd", editable: true, value: "true" });
    expect(text.slice(...flag(without, "profiling").valueRange!)).toBe("true");
    expect(unitFlagSetInfo(without)!.unknownVariables).toEqual(["KUBE_API_ARGS"]);
    const withFile = parseUnitFile(text, { environmentFiles: { "/etc/kubernetes/apiserver": 'KUBE_API_ARGS="--anonymous-auth=false --profiling=false"\n' } }).flagSets[0]!;
    expect(names(withFile)).toEqual(["profiling", "etcd-servers", "anonymous-auth", "profiling"]);
    const fromFile = withFile.flags[3]!;
    expect(fromFile).toMatchObject({ carrier: "environment", editable: false, value: "false" });
    expect(text.slice(...fromFile.range)).toBe("$KUBE_API_ARGS");
    expect(unitFlagSetInfo(withFile)!.unknownVariables).toEqual([]);
  });

  it("etcd: ETCD_* variables become flags (flags beat them; files beat Environment=; empty ones are ignored)", () => {
    const text =
      '[Service]\nEnvironment="ETCD_CLIENT_CERT_AUTH=false" ETCD_NAME=ignored ETCD_ENABLE_PPROF= ETCD_AUTO_TLS=true\nEnvironmentFile=/etc/etcd.env\nExecStart=/usr/local/bin/etcd --name controller\n';
    const missing = parseUnitFile(text).flagSets[0]!;
    expect(names(missing)).toEqual(["client-cert-auth", "auto-tls", "name"]);
    const cca = flag(missing, "client-cert-auth");
    expect(cca).toMatchObject({ carrier: "environment", editable: false, value: "false", component: "etcd" });
    expect(isUnitEtcdEnvFlag(cca)).toBe(true);
    expect(isUnitEtcdEnvFlag(flag(missing, "name"))).toBe(false);
    expect(text.slice(...cca.range)).toBe("ETCD_CLIENT_CERT_AUTH=false");
    expect(text.slice(...cca.nameRange)).toBe("ETCD_CLIENT_CERT_AUTH");
    expect(text.slice(...cca.valueRange!)).toBe("false");
    expect(unitFlagSetInfo(missing)!.unknownEnvironment).toBe(true);
    const present = parseUnitFile(text, { environmentFiles: { "/etc/etcd.env": "ETCD_AUTO_TLS=false\nETCD_TRUSTED_CA_FILE=/etc/ssl/etcd/ca.pem\n" } }).flagSets[0]!;
    expect(unitFlagSetInfo(present)!.unknownEnvironment).toBe(false);
    expect(flag(present, "auto-tls").value).toBe("false");
    expect(text.slice(...flag(present, "auto-tls").range)).toBe("/etc/etcd.env");
    expect(flag(present, "trusted-ca-file").value).toBe("/etc/ssl/etcd/ca.pem");
  });

  it("etcd: --config-file (flag or ETCD_CONFIG_FILE) marks the set as reading a config file", () => {
    expect(parseUnitFile("[Service]\nExecStart=/usr/local/bin/etcd --config-file=/etc/etcd/etcd.conf.yml\n").flagSets[0]!.hasConfigFile).toBe(true);
    expect(parseUnitFile("[Service]\nEnvironment=ETCD_CONFIG_FILE=/etc/etcd/etcd.conf.yml\nExecStart=/usr/local/bin/etcd\n").flagSets[0]!.hasConfigFile).toBe(true);
  });
});

describe("systemd fixes through setFlag / removeFlag / removeFromListFlag", () => {
  const sc = (text: string, filename = "kube-apiserver.service"): { sc: K8sSourceCode; set: FlagSetNode } => {
    const s = sourceCodeOf(text, filename);
    return { sc: s, set: s.ast.unit!.flagSets[0]! };
  };

  it("adds a missing flag as a new continuation line in the unit's own style", () => {
    const { sc: s, set } = sc(APISERVER);
    const out = apply(APISERVER, setFlag(s, set, "profiling", "false"));
    expect(out).toBe(APISERVER.replace("  --v=2\n", "  --v=2 \\\n  --profiling=false\n"));
    expect(flag(reparse(out), "profiling").value).toBe("false");
  });

  it("keeps tab indentation, the blanks before `\\`, CRLF line ends, and looks past comment lines", () => {
    const text = "[Service]\r\nExecStart=/usr/bin/kube-apiserver\t\\\r\n\t--secure-port=6443\t\\\r\n# comment\r\n\t--v=2\r\nRestart=always\r\n";
    const { sc: s, set } = sc(text);
    const out = apply(text, setFlag(s, set, "profiling", "false"));
    expect(out).toBe("[Service]\r\nExecStart=/usr/bin/kube-apiserver\t\\\r\n\t--secure-port=6443\t\\\r\n# comment\r\n\t--v=2\t\\\r\n\t--profiling=false\r\nRestart=always\r\n");
    expect(names(reparse(out))).toEqual(["secure-port", "v", "profiling"]);
  });

  it("appends to a one-line ExecStart on its line; refuses after `--`", () => {
    const one = "[Service]\nExecStart=/usr/local/bin/etcd --name controller\n";
    const a = sc(one, "etcd.service");
    expect(apply(one, setFlag(a.sc, a.set, "client-cert-auth", "true"))).toBe("[Service]\nExecStart=/usr/local/bin/etcd --name controller --client-cert-auth=true\n");
    const dd = "[Service]\nExecStart=/usr/local/bin/kube-apiserver --v=2 -- extra\n";
    const b = sc(dd);
    expect(setFlag(b.sc, b.set, "profiling", "false")).toBeNull();
  });

  it("changes a value in place (`=value` and `--name value` forms); not a value from an environment file", () => {
    const { sc: s, set } = sc(APISERVER);
    expect(apply(APISERVER, setFlag(s, set, "audit-log-maxbackup", "10"))).toBe(APISERVER.replace("--audit-log-maxbackup=3", "--audit-log-maxbackup=10"));
    const e = sc(ETCD, "etcd.service");
    expect(apply(ETCD, setFlag(e.sc, e.set, "listen-client-urls", "https://127.0.0.1:2379"))).toBe(ETCD.replace("--listen-client-urls http://127.0.0.1:2379", "--listen-client-urls https://127.0.0.1:2379"));
    const env = "[Service]\nEnvironmentFile=/etc/kubernetes/apiserver\nExecStart=/usr/bin/kube-apiserver $KUBE_API_ARGS\n";
    const f = sourceCodeOf(env, "kube-apiserver.service", { "/etc/kubernetes/apiserver": "KUBE_API_ARGS=--profiling=true\n" });
    expect(setFlag(f, f.ast.unit!.flagSets[0]!, "profiling", "false")).toBeNull();
    // An ETCD_* variable is reported, not rewritten.
    const v = sc("[Service]\nEnvironment=ETCD_CLIENT_CERT_AUTH=false\nExecStart=/usr/local/bin/etcd --name x\n", "etcd.service");
    expect(setFlag(v.sc, v.set, "client-cert-auth", "true")).toBeNull();
  });

  it("deletes a continuation line, the last line with the `\\` before it, or a word on a shared line", () => {
    const mid = APISERVER.replace("  --v=2\n", "  --profiling=true \\\n  --v=2\n");
    const a = sc(mid);
    const outMid = apply(mid, removeFlag(a.sc, a.set, flag(a.set, "profiling")));
    expect(outMid).toBe(APISERVER);
    const last = APISERVER.replace("  --v=2\n", "  --v=2 \\\n  --profiling=true\n");
    const b = sc(last);
    expect(apply(last, removeFlag(b.sc, b.set, flag(b.set, "profiling")))).toBe(APISERVER);
    const e = sc(ETCD, "etcd.service");
    // `--name controller` (two words) on its own line.
    expect(apply(ETCD, removeFlag(e.sc, e.set, flag(e.set, "name")))).toBe(ETCD.replace("  --name controller \\\n", ""));
    const one = "[Service]\nExecStart=/usr/local/bin/etcd --name controller --enable-pprof=true --data-dir=/var/lib/etcd\n";
    const o = sc(one, "etcd.service");
    expect(apply(one, removeFlag(o.sc, o.set, flag(o.set, "enable-pprof")))).toBe("[Service]\nExecStart=/usr/local/bin/etcd --name controller --data-dir=/var/lib/etcd\n");
    const shared = "[Service]\nExecStart=/usr/bin/kube-apiserver \\\n  --profiling=true --v=2\n";
    const sh = sc(shared);
    expect(apply(shared, removeFlag(sh.sc, sh.set, flag(sh.set, "profiling")))).toBe("[Service]\nExecStart=/usr/bin/kube-apiserver \\\n  --v=2\n");
  });

  it("deletes with CRLF line ends, and refuses when a comment line sits before the last line", () => {
    const crlf = "[Service]\r\nExecStart=/usr/bin/kube-apiserver \\\r\n  --insecure-port=0 \\\r\n  --v=2\r\n";
    const c = sc(crlf);
    expect(apply(crlf, removeFlag(c.sc, c.set, flag(c.set, "insecure-port")))).toBe("[Service]\r\nExecStart=/usr/bin/kube-apiserver \\\r\n  --v=2\r\n");
    const commented = "[Service]\nExecStart=/usr/bin/kube-apiserver \\\n  --v=2 \\\n# why\n  --insecure-port=0\n";
    const k = sc(commented);
    expect(removeFlag(k.sc, k.set, flag(k.set, "insecure-port"))).toBeNull();
  });

  it("removes a flag word from an Environment= assignment, and never an environment-file flag", () => {
    const text = '[Service]\nEnvironment="KUBE_API_ARGS=--profiling=true --v=2"\nExecStart=/usr/bin/kube-apiserver $KUBE_API_ARGS\n';
    const a = sc(text);
    expect(apply(text, removeFlag(a.sc, a.set, flag(a.set, "profiling")))).toBe('[Service]\nEnvironment="KUBE_API_ARGS=--v=2"\nExecStart=/usr/bin/kube-apiserver $KUBE_API_ARGS\n');
    const env = "[Service]\nEnvironmentFile=/etc/kubernetes/apiserver\nExecStart=/usr/bin/kube-apiserver $KUBE_API_ARGS --v=2\n";
    const f = sourceCodeOf(env, "kube-apiserver.service", { "/etc/kubernetes/apiserver": "KUBE_API_ARGS=--insecure-port=0\n" });
    const set = f.ast.unit!.flagSets[0]!;
    expect(removeFlag(f, set, flag(set, "insecure-port"))).toBeNull();
  });

  it("removes one item of a list flag, or the whole flag when it is the only item", () => {
    const text = APISERVER.replace("NodeRestriction,LimitRanger", "NodeRestriction,AlwaysAdmit,LimitRanger");
    const a = sc(text);
    const plugins = flag(a.set, "enable-admission-plugins");
    expect(apply(text, removeFromListFlag(a.sc, a.set, plugins, "AlwaysAdmit"))).toBe(APISERVER);
    const only = APISERVER.replace("  --v=2\n", "  --v=2 \\\n  --disable-admission-plugins=ServiceAccount\n");
    const b = sc(only);
    expect(apply(only, removeFromListFlag(b.sc, b.set, flag(b.set, "disable-admission-plugins"), "ServiceAccount"))).toBe(APISERVER);
  });
});
