/**
 * @fileoverview Map a resource rendered by `kubectl kustomize` back to the files a person edits:
 * the base or overlay file that declares it, and for a patched field the patch file (strategic
 * merge or JSON 6902) that set it. Built from the kustomization files (resources, bases,
 * components, patches, patchesStrategicMerge, patchesJson6902), read with kubeguard's parser.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { KeySeg } from "../language/registry.js";
import type { YamlNode } from "../language/ast.js";
import { findPath, positionOf, yamlDocuments } from "./yaml-path.js";
import type { MessageSource } from "../eslint/processor.js";

export const KUSTOMIZATION_FILES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

/** The kustomization file of a folder, or null. */
export function kustomizationFile(dir: string): string | null {
  for (const name of KUSTOMIZATION_FILES) {
    const f = join(dir, name);
    try {
      if (statSync(f).isFile()) return f;
    } catch {
      // next
    }
  }
  return null;
}

function plain(node: YamlNode | null): unknown {
  if (!node) return null;
  if (node.type === "Scalar") return node.value;
  if (node.type === "Seq") return node.items.map(plain);
  if (node.type === "Map") return Object.fromEntries(node.pairs.map((p) => [p.key?.type === "Scalar" ? String(p.key.value) : "", plain(p.value)]));
  return null;
}

interface ResourceDoc {
  file: string;
  text: string;
  root: YamlNode;
  kind: string;
  name: string;
  line: number;
}

interface Patch {
  file: string;
  text: string;
  /** Strategic-merge documents, or JSON 6902 operations. */
  docs: ResourceDoc[];
  ops: { path: KeySeg[]; line: number; column: number }[];
  target: { kind?: string; name?: string } | null;
}

export interface KustomizeIndex {
  resources: ResourceDoc[];
  /** In application order (bases first). */
  patches: Patch[];
  kustomizations: string[];
}

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

function readDocs(file: string): { text: string; docs: { root: YamlNode; kind: string | null; name: string | null; line: number }[] } | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return null;
  }
  const docs = yamlDocuments(text).flatMap((d) => {
    if (!d.content) return [];
    const v = plain(d.content) as Record<string, unknown> | null;
    const meta = v && typeof v === "object" && !Array.isArray(v) ? (v.metadata as Record<string, unknown> | undefined) : undefined;
    return [{ root: d.content, kind: str(v && !Array.isArray(v) ? v.kind : undefined) ?? null, name: str(meta?.name) ?? null, line: positionOf(text, d.content.range[0]).line }];
  });
  return { text, docs };
}

/** `/spec/containers/0/image` → key path segments. */
function jsonPointer(p: string): KeySeg[] {
  return p
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/gu, "/").replace(/~0/gu, "~"))
    .map((s) => (/^\d+$/u.test(s) ? { index: Number(s) } : { key: s }));
}

/** Index a kustomization folder (recursively through its bases and components). */
export function indexKustomization(dir: string): KustomizeIndex {
  const index: KustomizeIndex = { resources: [], patches: [], kustomizations: [] };
  const seen = new Set<string>();
  const visit = (d: string): void => {
    const kfile = kustomizationFile(d);
    if (!kfile || seen.has(kfile)) return;
    seen.add(kfile);
    index.kustomizations.push(kfile);
    const read = readDocs(kfile);
    const k = (read?.docs[0] ? plain(read.docs[0].root) : {}) as Record<string, unknown>;
    const list = (key: string): unknown[] => (Array.isArray(k[key]) ? (k[key] as unknown[]) : []);
    for (const entry of [...list("resources"), ...list("bases"), ...list("components")]) {
      const rel = str(entry);
      if (!rel || /^[a-z]+:\/\//iu.test(rel) || rel.startsWith("git@")) continue;
      const p = resolve(d, rel);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) visit(p);
      else {
        const r = readDocs(p);
        for (const doc of r?.docs ?? []) {
          if (doc.kind && doc.name) index.resources.push({ file: p, text: r!.text, root: doc.root, kind: doc.kind, name: doc.name, line: doc.line });
        }
      }
    }
    const addPatch = (rel: string, target: { kind?: string; name?: string } | null): void => {
      const p = resolve(d, rel);
      if (!existsSync(p)) return;
      const r = readDocs(p);
      if (!r) return;
      const patch: Patch = { file: p, text: r.text, docs: [], ops: [], target };
      for (const doc of r.docs) {
        if (doc.root.type === "Seq") {
          for (const item of doc.root.items) {
            const op = plain(item) as Record<string, unknown> | null;
            const path = str(op?.path);
            if (path && item) patch.ops.push({ path: jsonPointer(path), ...positionOf(r.text, item.range[0]) });
          }
        } else if (doc.kind) patch.docs.push({ file: p, text: r.text, root: doc.root, kind: doc.kind, name: doc.name ?? target?.name ?? "", line: doc.line });
      }
      index.patches.push(patch);
    };
    for (const e of list("patchesStrategicMerge")) if (str(e) && !str(e)!.includes("\n")) addPatch(str(e)!, null);
    for (const e of [...list("patches"), ...list("patchesJson6902")]) {
      const o = e as Record<string, unknown> | null;
      const path = str(o?.path);
      const t = (o?.target ?? null) as Record<string, unknown> | null;
      if (path) addPatch(path, t ? { kind: str(t.kind), name: str(t.name) } : null);
    }
  };
  visit(dir);
  return index;
}

/** Where a rendered resource's field comes from. */
export function mapKustomize(index: KustomizeIndex, kind: string | null, name: string | null, path: KeySeg[]): MessageSource | null {
  if (!kind || !name) return null;
  const sameKind = index.resources.filter((r) => r.kind === kind);
  let bases = sameKind.filter((r) => r.name === name);
  if (!bases.length) {
    const containing = sameKind.filter((r) => name.includes(r.name));
    const longest = Math.max(0, ...containing.map((r) => r.name.length));
    bases = containing.filter((r) => r.name.length === longest);
  }
  const baseName = bases.length === 1 ? bases[0]!.name : null;
  const base = bases.length === 1 ? bases[0]! : null;
  const baseHit = base && path.length ? findPath(base.text, base.root, path) : null;
  // A patch that sets the field (the last one applied wins). A patch that only passes through a
  // mapping the base already has (`spec.template.spec` on the way to a container) did not set it.
  const targets = (t: { kind?: string; name?: string } | null, docKind: string | null, docName: string | null): boolean => {
    const k = t?.kind ?? docKind;
    const n = t?.name ?? docName;
    return k === kind && (n === name || (baseName !== null && n === baseName));
  };
  for (let i = index.patches.length - 1; i >= 0 && path.length; i--) {
    const patch = index.patches[i]!;
    for (const doc of patch.docs) {
      if (!targets(patch.target, doc.kind, doc.name)) continue;
      const hit = findPath(doc.text, doc.root, path);
      // Same value as the base (e.g. the `name` that identifies a container): the base set it.
      const passesThrough = baseHit?.exact === true && (hit?.container === true || (hit?.value !== undefined && hit.value === baseHit.value));
      if (hit?.exact && !passesThrough) return { file: patch.file, line: hit.line, column: hit.column, exact: true };
    }
    if (patch.ops.length && targets(patch.target, null, null)) {
      for (let j = patch.ops.length - 1; j >= 0; j--) {
        const op = patch.ops[j]!;
        const isPrefix = op.path.length <= path.length && op.path.every((s, n) => {
          const p = path[n]!;
          return "key" in s ? "key" in p && p.key === s.key : "index" in p && p.index === s.index;
        });
        if (isPrefix) return { file: patch.file, line: op.line, column: op.column, exact: true };
      }
    }
  }
  if (bases.length !== 1) {
    const kfile = index.kustomizations[0]!;
    return {
      file: kfile,
      line: 1,
      column: 1,
      exact: false,
      note: bases.length ? `${bases.length} files declare a ${kind} that could be ${name}` : `${kind} ${name} is not declared in a resource file (generated by kustomize?)`,
    };
  }
  if (!base || !path.length) return { file: bases[0]!.file, line: bases[0]!.line, column: 1, exact: true };
  const hit = baseHit;
  if (hit?.exact) return { file: base.file, line: hit.line, column: hit.column, exact: true };
  return {
    file: base.file,
    line: hit?.line ?? base.line,
    column: hit?.column ?? 1,
    exact: false,
    note: "the field is not in this file (set by a kustomize transformer or an inline patch); this is the nearest line that is",
  };
}

