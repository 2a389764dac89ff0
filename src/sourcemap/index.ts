/**
 * @fileoverview Give every message a `source: {file, line, column}`: the line a person edits.
 * Plain files: the message's own position. Rendered Helm output (chart folders, or `helm template`
 * text with `# Source:` comments): the template line that produced the reported key (template.ts),
 * plus the `values.yaml` key when the value comes from `.Values`. Rendered kustomizations: the
 * base, overlay or patch file (kustomize.ts). No good line: the file's first line, `exact: false`
 * and a `note` that says why; never a wrong line.
 */
import { readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { KubeguardMessage, MessageSource } from "../eslint/processor.js";
import { resolveHelmSource } from "../inputs/helm.js";
import { indexKustomization, mapKustomize, type KustomizeIndex } from "./kustomize.js";
import { matchTemplate, outlineTemplate, type TemplateOutline } from "./template.js";
import { findPath, parseDotted, yamlDocuments } from "./yaml-path.js";

/** What produced a rendered result (keyed by the result's virtual file path). */
export type RenderOrigin = { kind: "helm"; chartDir: string } | { kind: "kustomize"; dir: string };

export interface SourceMapContext {
  cwd: string;
  /** Rendered inputs by their (virtual) file path. */
  rendered: Map<string, RenderOrigin>;
}

interface RawLike {
  filePath: string;
  messages: KubeguardMessage[];
  suppressedMessages: KubeguardMessage[];
}

export class SourceMapper {
  readonly #outlines = new Map<string, TemplateOutline | null>();
  readonly #values = new Map<string, { text: string; root: import("../language/ast.js").YamlNode | null } | null>();
  readonly #kustomize = new Map<string, KustomizeIndex>();
  readonly #resolved = new Map<string, { file: string; chartDir: string } | null>();
  constructor(readonly context: SourceMapContext) {}

  #outline(file: string): TemplateOutline | null {
    if (!this.#outlines.has(file)) {
      let o: TemplateOutline | null = null;
      try {
        o = outlineTemplate(readFileSync(file, "utf8"));
      } catch {
        o = null;
      }
      this.#outlines.set(file, o);
    }
    return this.#outlines.get(file)!;
  }

  #valuesFile(file: string): { text: string; root: import("../language/ast.js").YamlNode | null } | null {
    if (!this.#values.has(file)) {
      try {
        const text = readFileSync(file, "utf8");
        this.#values.set(file, { text, root: yamlDocuments(text)[0]?.content ?? null });
      } catch {
        this.#values.set(file, null);
      }
    }
    return this.#values.get(file)!;
  }

  /** The source of one message of the result at `filePath`. */
  sourceOf(filePath: string, m: KubeguardMessage): MessageSource {
    const origin = this.context.rendered.get(filePath);
    if (m.helmSource) return this.#helm(m, origin?.kind === "helm" ? [origin.chartDir] : []);
    if (origin?.kind === "kustomize") {
      let index = this.#kustomize.get(origin.dir);
      if (!index) this.#kustomize.set(origin.dir, (index = indexKustomization(origin.dir)));
      const s = mapKustomize(index, m.resource?.kind ?? null, m.resource?.name ?? null, m.keyPath ?? []);
      if (s) return s;
      return { file: index.kustomizations[0] ?? origin.dir, line: 1, column: 1, exact: false, note: "not inside a Kubernetes object of the kustomization" };
    }
    if (origin?.kind === "helm") {
      return { file: join(origin.chartDir, "Chart.yaml"), line: 1, column: 1, exact: false, note: "the rendered document has no # Source: comment" };
    }
    return { file: filePath, line: m.line, column: m.column };
  }

  #helm(m: KubeguardMessage, chartDirs: string[]): MessageSource {
    const source = m.helmSource!;
    const cacheKey = `${chartDirs.join("\0")}\0${source}`;
    if (!this.#resolved.has(cacheKey)) this.#resolved.set(cacheKey, resolveHelmSource(source, chartDirs, this.context.cwd));
    const resolved = this.#resolved.get(cacheKey)!;
    if (!resolved) {
      return { file: source, line: 1, column: 1, exact: false, note: `template ${source} not found (run kubeguard from the chart's parent folder, or lint the chart folder itself)` };
    }
    const outline = this.#outline(resolved.file);
    const match = outline ? matchTemplate(outline, m.keyPath ?? [], m.resource?.kind ?? null, m.keyScalar ?? null) : { kind: "none" as const, reason: "the template could not be read" };
    if (match.kind === "none") return { file: resolved.file, line: 1, column: 1, exact: false, note: `no good line: ${match.reason}` };
    const out: MessageSource = { file: resolved.file, line: match.entry.line, column: match.entry.column, exact: true };
    if (match.kind === "block") out.note = "the value is inserted by this template line (toYaml/include)";
    if (match.valuesPath !== null && match.valuesPath !== "") {
      const valuesFile = join(resolved.chartDir, "values.yaml");
      const values = this.#valuesFile(valuesFile);
      const hit = values ? findPath(values.text, values.root, parseDotted(match.valuesPath)) : null;
      out.values = hit
        ? { file: valuesFile, key: match.valuesPath, line: hit.line, column: hit.column, exact: hit.exact }
        : { file: valuesFile, key: match.valuesPath, line: 1, column: 1, exact: false };
    }
    return out;
  }

  /** Set `source` on every message (and suppressed message) of the results. */
  attach(results: RawLike[]): void {
    for (const r of results) {
      for (const m of [...r.messages, ...r.suppressedMessages]) m.source = this.sourceOf(r.filePath, m);
    }
  }
}

/** `file:line` for people (relative to the cwd when inside it). */
export function describeSource(s: MessageSource, cwd: string): string {
  const rel = relative(cwd, s.file);
  const file = rel && !rel.startsWith("..") ? rel.split(sep).join("/") : s.file;
  return s.exact === false ? file : `${file}:${s.line}:${s.column}`;
}
