/**
 * @fileoverview `--format lsp`: one JSON object per line and per linted file,
 *
 *   {"uri":"file:///…/web.yaml","diagnostics":[LSP Diagnostic…],"codeActions":[LSP CodeAction…]}
 *
 * with the same shapes `kubeguard lsp` sends (0-based lines, 0-based UTF-16 characters, `code` =
 * rule id, `codeDescription.href` = rule docs, `source: "kubeguard"`), for editors and tools that
 * run a command instead of a language server. Code actions are each message's fix, its
 * suggestions and "disable <rule> for this line" (YAML files); "fix all" is the server's
 * (it runs ESLint's fix loop) — `kubeguard --fix` is its command-line equivalent.
 *
 * Fix offsets need the text they refer to: the CLI hands it over in the context (`sources`:
 * ESLint's `output ?? source` of each result); otherwise the file is read from disk.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { fileKindOf } from "../language/language.js";
import { LineIndex, messageCodeActions, toDiagnostic } from "../lsp/convert.js";
import type { FormatContext, Formatter } from "./types.js";

/** The context `--format lsp` understands: the linted texts by file path (BOM included or not). */
export interface LspFormatContext extends FormatContext {
  sources?: ReadonlyMap<string, string | undefined>;
}

function sourceOf(filePath: string, context: LspFormatContext): string | null {
  let text = context.sources?.get(filePath);
  if (text === undefined) {
    try {
      text = readFileSync(filePath, "utf8");
    } catch {
      return null;
    }
  }
  return text.replace(/^\uFEFF/u, "");
}

export const formatLsp: Formatter = (results, context) => {
  let out = "";
  for (const result of results) {
    const uri = pathToFileURL(result.filePath).href;
    const text = result.messages.some((m) => m.fix || m.suggestions?.length || m.ruleId) ? sourceOf(result.filePath, context as LspFormatContext) : null;
    const index = text === null ? null : new LineIndex(text);
    const comments = fileKindOf(result.filePath) === "yaml";
    const diagnostics = [];
    const codeActions = [];
    for (const m of result.messages) {
      const diagnostic = toDiagnostic(m);
      diagnostics.push(diagnostic);
      if (index) codeActions.push(...messageCodeActions(m, diagnostic, { uri }, index, { comments }));
    }
    out += `${JSON.stringify({ uri, diagnostics, codeActions })}\n`;
  }
  return out;
};
