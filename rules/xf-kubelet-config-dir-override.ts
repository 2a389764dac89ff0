/**
 * @fileoverview xf-kubelet-config-dir-override: a kubelet configuration drop-in (`--config-dir`,
 * GA in 1.35) weakens a security setting that the base `--config` file sets or defaults
 * (catalog-config.md §1.12, §3.5). Drop-ins are merged over the base in lexical order of file
 * name, so the weaker value is what runs, while the reviewed base file looks hardened.
 *
 * What is compared: the kubelet flag sets of the run with both `--config` and `--config-dir`; the
 * base is the KubeletConfiguration the `--config` path names; the drop-ins are the run's
 * KubeletConfiguration files named `*.conf` (kubelet reads no other) whose folder ends with the
 * `--config-dir` path (same trailing folder segments), applied in file-name order. A folder run
 * collects such `.conf` files by content (src/cli/files.ts). In a single file (the
 * ESLint plugin), its first KubeletConfiguration document stands for the base and the later ones for
 * the drop-ins.
 */
import { basename, dirname } from "node:path";
import { at, crossRule, type Obj, type Snap } from "../src/crossdoc/index.js";
import { effective, isConcretePath, isKubeletConfig, kindAnchor, kubeletConfigPath, resolvePath, trailingMatch } from "./shared/_xf.js";

interface Setting {
  path: string[];
  /** The default with --config. */
  def: string | number | boolean;
  /** Whether `next` is weaker than `cur`. */
  weaker(next: unknown, cur: unknown): boolean;
}

const TLS = ["VersionTLS10", "VersionTLS11", "VersionTLS12", "VersionTLS13"];
const SETTINGS: Setting[] = [
  { path: ["authentication", "anonymous", "enabled"], def: false, weaker: (n, c) => n === true && c !== true },
  { path: ["authentication", "webhook", "enabled"], def: true, weaker: (n, c) => n === false && c !== false },
  { path: ["authorization", "mode"], def: "Webhook", weaker: (n, c) => n === "AlwaysAllow" && c !== "AlwaysAllow" },
  { path: ["readOnlyPort"], def: 0, weaker: (n, c) => Number(n) !== 0 && Number(c) === 0 },
  { path: ["protectKernelDefaults"], def: false, weaker: (n, c) => n === false && c === true },
  { path: ["makeIPTablesUtilChains"], def: true, weaker: (n, c) => n === false && c !== false },
  { path: ["rotateCertificates"], def: false, weaker: (n, c) => n === false && c === true },
  { path: ["serverTLSBootstrap"], def: false, weaker: (n, c) => n === false && c === true },
  { path: ["authentication", "x509", "clientCAFile"], def: "", weaker: (n, c) => n === "" && c !== "" },
  { path: ["tlsMinVersion"], def: "", weaker: (n, c) => typeof n === "string" && TLS.includes(n) && (c === "" ? TLS.indexOf(n) < 2 : TLS.includes(String(c)) && TLS.indexOf(n) < TLS.indexOf(String(c))) },
];

export default crossRule({
  name: "xf-kubelet-config-dir-override",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow kubelet --config-dir drop-ins that weaken a setting of the base --config file",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      weakens:
        "This drop-in sets {{field}}: {{value}}, weakening {{was}} from {{from}}: drop-ins in --config-dir are merged over --config in file-name order, so the kubelet runs with {{value}}. Remove the override from the drop-in (or make it at least as strict).",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report, where }) {
    const seen = new Set<string>();
    for (const e of index.flagSets) {
      if (e.set.component !== "kubelet") continue;
      const cfg = kubeletConfigPath(e);
      const dir = effective(e.set, "config-dir").value;
      if (!isConcretePath(cfg) || !isConcretePath(dir)) continue;
      const bases = resolvePath(index, e.file, cfg, isKubeletConfig, e.obj ?? undefined);
      let base: Obj | null = bases.length ? bases[0]! : null;
      let dropins = index.objects.filter((o) => isKubeletConfig(o) && o.file.endsWith(".conf") && trailingMatch(dirname(o.file), dir) >= Math.min(2, dir.split("/").filter(Boolean).length));
      dropins.sort((a, b) => (basename(a.file) < basename(b.file) ? -1 : basename(a.file) > basename(b.file) ? 1 : 0));
      if (!dropins.length) {
        // One file: its first KubeletConfiguration is the base, the later ones the drop-ins.
        const local = index.objects.filter((o) => o.file === e.file && isKubeletConfig(o));
        if (local.length < 2) continue;
        base = local[0]!;
        dropins = local.slice(1);
      }
      if (!base) continue;
      for (const s of SETTINGS) {
        const b = at(base.snap, ...s.path);
        let cur: unknown = b?.v ?? s.def;
        let from: { obj: Obj; node: Snap | null } = { obj: base, node: b ?? kindAnchor(base) };
        let wasText = b ? `${s.path.join(".")}: ${String(b.v)}` : `the default ${s.path.join(".")}: ${String(s.def) || '""'}`;
        for (const d of dropins) {
          const n = at(d.snap, ...s.path);
          if (!n || n.v === undefined) continue;
          if (s.weaker(n.v, cur)) {
            const key = `${d.file}\u0000${n.r[0]}`;
            if (!seen.has(key)) {
              seen.add(key);
              report({
                obj: d,
                node: n,
                messageId: "weakens",
                data: { field: s.path.join("."), value: String(n.v) || '""', was: wasText, from: where(from.obj, from.node) },
                related: [{ obj: from.obj, node: from.node, message: `The setting this drop-in weakens (${wasText})` }],
              });
            }
          }
          cur = n.v;
          from = { obj: d, node: n };
          wasText = `${s.path.join(".")}: ${String(n.v)}`;
        }
      }
    }
  },
});
