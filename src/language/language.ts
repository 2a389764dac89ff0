/**
 * @fileoverview K8sLanguage: the ESLint language object (`kubeguard/k8s`). Parses YAML/JSON
 * manifests and systemd units into the kubeguard AST. Never fails a parse: YAML errors stay on
 * their document and surface through the `valid-yaml` rule.
 */
import type { File, Language, OkParseResult } from "@eslint/core";
import type { ProgramNode } from "./ast.js";
import { visitorKeys } from "./ast.js";
import { parseYaml } from "./parse.js";
import { buildResources } from "./k8s.js";
import { buildFlagSets } from "./flags.js";
import { parseEnvironmentUnit, parseUnitFile } from "./systemd.js";
import { readFileSync } from "node:fs";
import { K8sSourceCode, type K8sLanguageOptions } from "./source-code.js";
import { recordFile } from "./registry.js";

/** Which parser a file name calls for. */
export function fileKindOf(filePath: string): ProgramNode["fileKind"] {
  const p = filePath.replace(/\\/gu, "/");
  const base = p.split("/").pop() ?? "";
  if (/\.service$/u.test(base) || (/\.conf$/u.test(base) && /\.service\.d\/[^/]+$/u.test(p))) return "systemd";
  if (/\.env$/u.test(base) || /(^|\/)(default|sysconfig)\/kubelet$/u.test(p)) return "env";
  return "yaml";
}

export function parseProgram(text: string, filePath: string, languageOptions: K8sLanguageOptions = {}, bytes?: Uint8Array): ProgramNode {
  const eol: ProgramNode["eol"] = /\r\n/u.exec(text.slice(0, text.indexOf("\n") + 1)) ? "\r\n" : "\n";
  const kind = fileKindOf(filePath);
  if (kind !== "yaml") {
    const unit =
      kind === "systemd"
        ? parseUnitFile(text, { environmentFiles: (languageOptions.environmentFiles as Record<string, string> | undefined) ?? {} })
        : parseEnvironmentUnit(text);
    return { type: "Program", fileKind: kind, body: [], unit, comments: [], eol, range: [0, text.length] };
  }
  const { documents, comments } = parseYaml(text, bytes ? { bytes } : {});
  for (const doc of documents) {
    if (doc.errors.length) continue;
    buildResources(doc);
    for (const r of doc.resources) buildFlagSets(text, r);
  }
  return { type: "Program", fileKind: "yaml", body: documents, unit: null, comments, eol, range: [0, text.length] };
}

/**
 * The bytes of a file whose decoded text contains U+FFFD (invalid UTF-8 decodes to it; a literal
 * U+FFFD is valid), read again so the parser can tell the two apart (parse.ts `invalidUtf8Offset`).
 */
function fileBytes(text: string, file: File): Uint8Array | undefined {
  if (typeof file.body !== "string") return file.body;
  if (!text.includes("\uFFFD")) return undefined;
  try {
    // A processor's block has a virtual `path`; the bytes are those of the physical file.
    const bytes = readFileSync((file as { physicalPath?: string }).physicalPath ?? file.path);
    // The text may be a later --fix pass over these bytes: invalidUtf8Offset maps by U+FFFD count.
    return bytes;
  } catch {
    return undefined;
  }
}

export class K8sLanguage implements Language<{ LangOptions: K8sLanguageOptions; Code: K8sSourceCode; RootNode: ProgramNode; Node: unknown }> {
  readonly fileType = "text" as const;
  readonly lineStart = 1 as const;
  readonly columnStart = 1 as const;
  readonly nodeTypeKey = "type";
  readonly visitorKeys = visitorKeys;
  readonly defaultLanguageOptions: K8sLanguageOptions = { annotationSuppressions: true };

  validateLanguageOptions(options: K8sLanguageOptions): void {
    if (options.annotationSuppressions !== undefined && typeof options.annotationSuppressions !== "boolean") {
      throw new TypeError("Expected a boolean for languageOptions.annotationSuppressions.");
    }
    if (options.environmentFiles !== undefined && (typeof options.environmentFiles !== "object" || options.environmentFiles === null)) {
      throw new TypeError("Expected an object (path → text) for languageOptions.environmentFiles.");
    }
    if (options.collectResources !== undefined && typeof options.collectResources !== "boolean") {
      throw new TypeError("Expected a boolean for languageOptions.collectResources.");
    }
  }

  parse(file: File, context: { languageOptions: K8sLanguageOptions }): OkParseResult<ProgramNode> {
    const text = typeof file.body === "string" ? file.body : new TextDecoder().decode(file.body);
    return { ok: true, ast: parseProgram(text, file.path, context.languageOptions, fileBytes(text, file)) };
  }

  createSourceCode(file: File, input: OkParseResult<ProgramNode>, context: { languageOptions: K8sLanguageOptions }): K8sSourceCode {
    const text = typeof file.body === "string" ? file.body : new TextDecoder().decode(file.body);
    const sourceCode = new K8sSourceCode({ text, ast: input.ast, languageOptions: context.languageOptions });
    if (context.languageOptions.collectResources) recordFile(file.path, sourceCode);
    return sourceCode;
  }
}
