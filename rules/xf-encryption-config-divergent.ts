/**
 * @fileoverview xf-encryption-config-divergent: the API servers of a run read the same
 * `--encryption-provider-config` path, and the files of the run that path names differ
 * (catalog-config.md §1.12; EDOC: the file "must be the same" on every control-plane node). A
 * Secret written through one API server with a key the others lack cannot be read through them.
 *
 * Compared: resources, provider order and types, key names, KMS names and endpoints, and each key
 * `secret` by a digest (the index never holds the value: src/crossdoc/facts.ts keeps the first 16
 * hex digits of its SHA-256).
 */
import { at, crossRule, entries, keyOf, type Obj, type Snap } from "../src/crossdoc/index.js";
import { effective, isConcretePath, isEncryptionConfig, resolvePath, setsOf } from "./shared/_xf.js";

/** A canonical text of a snapshot: values, withheld values by digest, ranges dropped. */
function canon(s: Snap | null | undefined): string {
  if (!s) return "~";
  if (s.m) return `{${entries(s)
    .filter(([k]) => k !== "metadata")
    .map(([k, v]) => `${JSON.stringify(k)}:${canon(v)}`)
    .join(",")}}`;
  if (s.s) return `[${s.s.map((x) => canon(x)).join(",")}]`;
  if (s.x) return s.h ? `#${s.h}` : "?";
  return JSON.stringify(s.v ?? null);
}

/** The first node of `a` whose content differs from `b` (descending into mappings and lists). */
function firstDifference(a: Snap | null, b: Snap | null): Snap | null {
  if (!a) return null;
  if (canon(a) === canon(b)) return null;
  if (a.m && b?.m) {
    for (const [k, v] of entries(a)) {
      const d = firstDifference(v, at(b, k));
      if (d) return d.m || d.s ? keyOf(d) : d;
    }
    return a;
  }
  if (a.s && b?.s) {
    for (let i = 0; i < a.s.length; i++) {
      const d = firstDifference(a.s[i] ?? null, b.s[i] ?? null);
      if (d) return d;
    }
  }
  return a;
}

export default crossRule({
  name: "xf-encryption-config-divergent",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow different EncryptionConfiguration files behind the same --encryption-provider-config path",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      divergent:
        "This EncryptionConfiguration differs from {{other}}, and kube-apiservers read both as {{path}}: every control-plane node needs the same file, or Secrets written through one API server cannot be decrypted by the others. Make the files identical (keys, providers and their order).",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report, where }) {
    const byPath = new Map<string, Set<Obj>>();
    for (const e of setsOf(index, "kube-apiserver")) {
      const eff = effective(e.set, "encryption-provider-config");
      if (!eff.flag || !isConcretePath(eff.value)) continue;
      const path = eff.value.replace(/\/+/gu, "/");
      const set = byPath.get(path) ?? new Set<Obj>();
      for (const t of resolvePath(index, e.file, path, isEncryptionConfig, e.obj ?? undefined)) set.add(t);
      byPath.set(path, set);
    }
    for (const [path, set] of byPath) {
      const configs = [...set].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.fact.r[0] - b.fact.r[0]));
      if (configs.length < 2) continue;
      const texts = configs.map((c) => canon(c.snap));
      const counts = new Map<string, number>();
      for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
      if (counts.size < 2) continue;
      // A strict majority is taken as the intended file: only the others are reported.
      const majority = [...counts].find(([, n]) => n * 2 > texts.length)?.[0] ?? null;
      configs.forEach((c, i) => {
        if (majority !== null && texts[i] === majority) return;
        const j = majority !== null ? texts.indexOf(majority) : texts.findIndex((t) => t !== texts[i]);
        if (j === -1) return;
        const other = configs[j]!;
        const node = firstDifference(c.snap, other.snap) ?? keyOf(at(c.snap, "resources"));
        report({
          obj: c,
          node,
          messageId: "divergent",
          data: { other: where(other, firstDifference(other.snap, c.snap)), path },
          related: [{ obj: other, node: firstDifference(other.snap, c.snap), message: `The EncryptionConfiguration that is also read as ${path}` }],
        });
      });
    }
  },
});
