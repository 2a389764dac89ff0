import { describe, expect, it } from "vitest";
import type { FlagNode, FlagSetNode } from "../../src/language/ast.js";
import { parseProgram } from "../../src/language/language.js";
import { parseEnvironmentFile, parseUnitFile, unitFlagSetInfo } from "../../src/language/systemd.js";

/** kubernetes/release cmd/krel/templates/latest/kubeadm/10-kubeadm.conf (Debian variant). */
const KUBEADM_DROPIN = `# Note: This dropin only works with kubeadm and kubelet v1.11+
[Service]
Environment="KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf"
Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"
# This is a file that "kubeadm init" and "kubeadm join" generates at runtime, populating the KUBELET_KUBEADM_ARGS variable dynamically
EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env
# This is a file that the user can use for overrides of the kubelet args as a last resort.
EnvironmentFile=-/etc/default/kubelet
ExecStart=
ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS
`;

const KUBEADM_FLAGS_ENV = `KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:3.9"\n`;

/** kelseyhightower/kubernetes-the-hard-way units/kubelet.service, plus flags in both forms. */
const HARD_WAY = `[Unit]
Description=Kubernetes Kubelet
Documentation=https://github.com/kubernetes/kubernetes
After=containerd.service
Requires=containerd.service

[Service]
ExecStart=/usr/local/bin/kubelet \\
  --config=/var/lib/kubelet/kubelet-config.yaml \\
  # the kubeconfig is written by the bootstrap script
  --kubeconfig /var/lib/kubelet/kubeconfig \\
  --anonymous-auth \\
  --v=2
Restart=on-failure
RestartSec=5

[Install]
WantedBy=multi-user.target
`;

const names = (set: FlagSetNode): string[] => set.flags.map((f) => f.name);
const flag = (set: FlagSetNode, name: string): FlagNode => set.flags.find((f) => f.name === name)!;

/** Every editable flag's ranges point at exactly its name and value text. */
function expectExactRanges(text: string, set: FlagSetNode): void {
  for (const f of set.flags) {
    if (!f.editable) continue;
    expect(text.slice(f.nameRange[0], f.nameRange[1])).toBe(f.rawName);
    if (f.valueRange) expect(text.slice(f.valueRange[0], f.valueRange[1])).toBe(f.value);
  }
}

describe("parseUnitFile: kubeadm 10-kubeadm.conf drop-in", () => {
  const unit = parseUnitFile(KUBEADM_DROPIN, { environmentFiles: { "/var/lib/kubelet/kubeadm-flags.env": KUBEADM_FLAGS_ENV } });

  it("reads sections and entries with exact ranges", () => {
    expect(unit.entries.map((e) => `${e.section}:${e.key}`)).toEqual([
      "Service:Environment",
      "Service:Environment",
      "Service:EnvironmentFile",
      "Service:EnvironmentFile",
      "Service:ExecStart",
      "Service:ExecStart",
    ]);
    for (const e of unit.entries) {
      expect(KUBEADM_DROPIN.slice(e.valueRange[0], e.valueRange[1])).toBe(e.value);
      expect(KUBEADM_DROPIN.slice(e.range[0], e.range[1])).toBe(`${e.key}=${e.value}`);
    }
    expect(unit.entries[4]!.value).toBe("");
  });

  it("builds one kubelet FlagSet from the ExecStart after the reset, expanding variables", () => {
    expect(unit.flagSets).toHaveLength(1);
    const set = unit.flagSets[0]!;
    expect(set).toMatchObject({ type: "FlagSet", component: "kubelet", carrier: "systemd", hasConfigFile: true });
    expect(names(set)).toEqual(["bootstrap-kubeconfig", "kubeconfig", "config", "container-runtime-endpoint", "pod-infra-container-image"]);
    expectExactRanges(KUBEADM_DROPIN, set);
  });

  it("points flags from Environment= into the Environment entry (editable)", () => {
    const cfg = flag(unit.flagSets[0]!, "config");
    expect(cfg).toMatchObject({ carrier: "systemd", editable: true, value: "/var/lib/kubelet/config.yaml" });
    const line = KUBEADM_DROPIN.indexOf('Environment="KUBELET_CONFIG_ARGS');
    expect(cfg.nameRange[0]).toBe(line + 'Environment="KUBELET_CONFIG_ARGS=--'.length);
  });

  it("reports flags from an environment file at the $VAR reference (not editable)", () => {
    const f = flag(unit.flagSets[0]!, "container-runtime-endpoint");
    expect(f).toMatchObject({ carrier: "environment", editable: false, value: "unix:///var/run/containerd/containerd.sock" });
    expect(KUBEADM_DROPIN.slice(f.nameRange[0], f.nameRange[1])).toBe("$KUBELET_KUBEADM_ARGS");
    expect(KUBEADM_DROPIN.slice(f.valueRange![0], f.valueRange![1])).toBe("$KUBELET_KUBEADM_ARGS");
  });

  it("records variables whose environment file is not in the run", () => {
    const info = unitFlagSetInfo(unit.flagSets[0]!)!;
    expect(info.unknownVariables).toEqual(["KUBELET_EXTRA_ARGS"]);
    expect(KUBEADM_DROPIN.slice(info.commandRange[0], info.commandRange[1])).toBe("/usr/bin/kubelet");
    expect(info.bare).toBe(false);
    expect(KUBEADM_DROPIN.slice(info.insertAt - "$KUBELET_EXTRA_ARGS".length, info.insertAt)).toBe("$KUBELET_EXTRA_ARGS");
  });

  it("without the environment file, the kubeadm flags are unknown", () => {
    const bare = parseUnitFile(KUBEADM_DROPIN);
    expect(names(bare.flagSets[0]!)).toEqual(["bootstrap-kubeconfig", "kubeconfig", "config"]);
    expect(unitFlagSetInfo(bare.flagSets[0]!)!.unknownVariables).toEqual(["KUBELET_KUBEADM_ARGS", "KUBELET_EXTRA_ARGS"]);
  });

  it("is dispatched by parseProgram for a *.service.d/*.conf path", () => {
    const program = parseProgram(KUBEADM_DROPIN, "etc/systemd/system/kubelet.service.d/10-kubeadm.conf");
    expect(program.fileKind).toBe("systemd");
    expect(program.unit?.flagSets).toHaveLength(1);
  });

  it("is a tree over enumerable keys (no cycles; clonable)", () => {
    expect(() => JSON.stringify(unit)).not.toThrow();
    expect(structuredClone(unit)).toEqual(JSON.parse(JSON.stringify(unit)));
  });
});

describe("parseUnitFile: hard-way kubelet.service with continuation lines", () => {
  for (const [label, text] of [
    ["LF", HARD_WAY],
    ["CRLF", HARD_WAY.replace(/\n/gu, "\r\n")],
  ] as const) {
    it(`joins continuations and keeps exact ranges (${label})`, () => {
      const unit = parseUnitFile(text);
      const exec = unit.entries.find((e) => e.key === "ExecStart")!;
      expect(exec.section).toBe("Service");
      expect(exec.value).toBe("/usr/local/bin/kubelet    --config=/var/lib/kubelet/kubelet-config.yaml    --kubeconfig /var/lib/kubelet/kubeconfig    --anonymous-auth    --v=2");
      expect(text.slice(exec.range[0], exec.range[1]).startsWith("ExecStart=/usr/local/bin/kubelet \\")).toBe(true);
      expect(text.slice(exec.range[1] - 5, exec.range[1])).toBe("--v=2");
      const set = unit.flagSets[0]!;
      expect(names(set)).toEqual(["config", "kubeconfig", "anonymous-auth", "v"]);
      expectExactRanges(text, set);
      // `--name value` form: the value is the next word, on the same physical line.
      expect(flag(set, "kubeconfig")).toMatchObject({ value: "/var/lib/kubelet/kubeconfig", editable: true });
      // A boolean flag never takes the next word as its value.
      expect(flag(set, "anonymous-auth")).toMatchObject({ value: null, valueRange: null, editable: true });
      expect(set.hasConfigFile).toBe(true);
      const info = unitFlagSetInfo(set)!;
      expect(text.slice(info.commandRange[0], info.commandRange[1])).toBe("/usr/local/bin/kubelet");
      expect(text.slice(info.insertAt - 5, info.insertAt)).toBe("--v=2");
      expect(unit.entries.map((e) => e.key)).toEqual(["Description", "Documentation", "After", "Requires", "ExecStart", "Restart", "RestartSec", "WantedBy"]);
    });
  }
});

describe("parseUnitFile: syntax details", () => {
  it("expands ${VAR} to one argument and $VAR split at whitespace; $$ is a literal dollar", () => {
    const text = '[Service]\nEnvironment="A=--v=2 --node-ip=10.0.0.1" B=--read-only-port=0\nExecStart=/usr/bin/kubelet $A ${B} --node-labels=cost$$center\n';
    const set = parseUnitFile(text).flagSets[0]!;
    expect(set.flags.map((f) => [f.name, f.value])).toEqual([
      ["v", "2"],
      ["node-ip", "10.0.0.1"],
      ["read-only-port", "0"],
      ["node-labels", "cost$center"],
    ]);
    expectExactRanges(text, { ...set, flags: set.flags.slice(0, 3) });
    expect(flag(set, "node-labels").editable).toBe(false);
  });

  it("environment files override Environment= whatever the order; later files win", () => {
    const text = "[Service]\nEnvironmentFile=/etc/a.env\nEnvironmentFile=/etc/b.env\nEnvironment=X=--read-only-port=10255\nExecStart=/usr/bin/kubelet $X\n";
    const set = parseUnitFile(text, { environmentFiles: { "/etc/a.env": "X=--read-only-port=1\n", "/etc/b.env": "# comment\nX='--read-only-port=0'\n" } }).flagSets[0]!;
    expect(set.flags.map((f) => [f.name, f.value, f.carrier])).toEqual([["read-only-port", "0", "environment"]]);
  });

  it("an empty Environment= resets earlier assignments", () => {
    const text = "[Service]\nEnvironment=X=--anonymous-auth=true\nEnvironment=\nExecStart=/usr/bin/kubelet $X --config=/etc/k.yaml\n";
    const set = parseUnitFile(text).flagSets[0]!;
    expect(names(set)).toEqual(["config"]);
    expect(unitFlagSetInfo(set)!.unknownVariables).toEqual([]);
  });

  it("ignores non-kubelet ExecStart, comments with ';', whitespace around '=' and other sections", () => {
    const text = "; comment\n[Unit]\nExecStart=/usr/bin/kubelet --not-a-service-entry\n[Service]\nExecStartPre = /bin/mkdir -p /etc/kubernetes/manifests\nExecStart = /usr/bin/containerd\n";
    const unit = parseUnitFile(text);
    expect(unit.flagSets).toEqual([]);
    const pre = unit.entries.find((e) => e.key === "ExecStartPre")!;
    expect(text.slice(pre.valueRange[0], pre.valueRange[1])).toBe("/bin/mkdir -p /etc/kubernetes/manifests");
  });

  it("marks a bare ExecStart (the packaged base unit) and handles prefixes and quotes", () => {
    expect(unitFlagSetInfo(parseUnitFile("[Service]\nExecStart=/usr/bin/kubelet\n").flagSets[0]!)!.bare).toBe(true);
    const text = '[Service]\nExecStart=-/usr/local/bin/kubelet "--node-labels=a=b" --authorization-mode Webhook\n';
    const set = parseUnitFile(text).flagSets[0]!;
    expect(set.flags.map((f) => [f.name, f.value])).toEqual([
      ["node-labels", "a=b"],
      ["authorization-mode", "Webhook"],
    ]);
    expectExactRanges(text, set);
    const info = unitFlagSetInfo(set)!;
    expect(text.slice(info.commandRange[0], info.commandRange[1])).toBe("/usr/local/bin/kubelet");
  });

  it("parses environment files", () => {
    expect([...parseEnvironmentFile('# kubeadm\nKUBELET_KUBEADM_ARGS="--a=1 --b=2"\nexport OTHER=x\n')]).toEqual([
      ["KUBELET_KUBEADM_ARGS", "--a=1 --b=2"],
      ["OTHER", "x"],
    ]);
  });
});
