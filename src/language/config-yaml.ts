/**
 * @fileoverview Parses kubeguard's own configuration file (`.kubeguard.yaml`). Lives in
 * src/language because this directory is the only importer of `yaml` (DESIGN §2). Unlike manifests,
 * the configuration is read with the YAML 1.2 core schema (`on`/`yes` stay strings) and as one
 * document; errors carry 1-based positions and never throw.
 */
import { LineCounter, parseAllDocuments } from "yaml";

export interface ConfigYamlError {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface ConfigYamlResult {
  /** The plain JS value of the (single) document; null for an empty file or on errors. */
  value: unknown;
  errors: ConfigYamlError[];
}

/** Parse the text of a configuration file into a plain value. */
export function parseConfigYaml(text: string): ConfigYamlResult {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text.replace(/^\uFEFF/u, ""), { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors: ConfigYamlError[] = [];
  const at = (offset: number): { line: number; column: number } => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const list = Array.isArray(docs) ? docs : [];
  for (const doc of list) {
    for (const e of doc.errors) {
      errors.push({ message: (e.message.split("\n")[0] ?? e.message).replace(/ at line \d+, column \d+:?$/u, ""), ...at(e.pos[0]) });
    }
  }
  if (list.length > 1) {
    const second = list[1]!;
    errors.push({ message: "expected a single YAML document", ...at(second.range[0]) });
  }
  if (errors.length || list.length === 0) return { value: null, errors };
  return { value: list[0]!.toJS({ maxAliasCount: 100 }) as unknown, errors };
}
