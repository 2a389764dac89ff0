/**
 * @fileoverview Find a key path in a plain YAML file (values.yaml, a kustomize base or patch) with
 * kubeguard's own parser (src/language is the only importer of `yaml`): the line of the deepest
 * existing key, and whether the whole path exists.
 */
import { parseYaml } from "../language/parse.js";
import type { DocumentNode, YamlNode } from "../language/ast.js";
import type { KeySeg } from "../language/registry.js";

export interface PathHit {
  line: number;
  column: number;
  /** The whole path exists (else the hit is its deepest existing ancestor). */
  exact: boolean;
  /** Number of path segments found. */
  depth: number;
  /** Whether the node found at the end of the path is a mapping or a sequence (not a value). */
  container?: boolean;
  /** The scalar found at the end of the path, as text. */
  value?: string;
}

/** 1-based line/column of an offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** `a.b[0].c` → segments. */
export function parseDotted(path: string): KeySeg[] {
  const out: KeySeg[] = [];
  for (const part of path.split(".")) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/u.exec(part);
    if (!m) return [{ key: part }];
    if (m[1]) out.push({ key: m[1] });
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/gu)) out.push({ index: Number(idx[1]) });
  }
  return out;
}

/** Walk `path` from `root`; sequence items are matched by `name` when the segment has one, else by index. */
export function findPath(text: string, root: YamlNode | null, path: KeySeg[]): PathHit | null {
  let node = root;
  let hit: PathHit | null = null;
  let depth = 0;
  for (const seg of path) {
    if (!node) break;
    if ("key" in seg) {
      if (node.type !== "Map") break;
      const pair = node.pairs.find((p) => p.key?.type === "Scalar" && String(p.key.value) === seg.key);
      if (!pair) break;
      const pos = positionOf(text, pair.range[0]);
      depth++;
      hit = { ...pos, exact: false, depth };
      node = pair.value;
    } else {
      if (node.type !== "Seq") break;
      let item: YamlNode | null = null;
      if (seg.name !== undefined) {
        item =
          node.items.find(
            (i) => i?.type === "Map" && i.pairs.some((p) => p.key?.type === "Scalar" && p.key.value === "name" && p.value?.type === "Scalar" && String(p.value.value) === seg.name),
          ) ?? null;
      } else item = node.items[seg.index] ?? null;
      if (!item) break;
      depth++;
      hit = { ...positionOf(text, item.range[0]), exact: false, depth };
      node = item;
    }
  }
  if (hit && depth === path.length) {
    hit.exact = true;
    if (node && (node.type === "Map" || node.type === "Seq")) hit.container = true;
    if (node?.type === "Scalar") hit.value = String(node.value);
  }
  return hit;
}

/** Parse a YAML file's documents (never throws). */
export function yamlDocuments(text: string): DocumentNode[] {
  return parseYaml(text).documents;
}
