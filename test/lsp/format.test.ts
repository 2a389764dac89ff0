/**
 * @fileoverview `kubeguard --format lsp`: one JSON object per linted file, `{uri, diagnostics,
 * codeActions}`, with the server's shapes — checked against the running server's own publication.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { CodeAction, Diagnostic } from "vscode-languageserver";
import { run } from "../cli/helpers.js";
import { LspClient, applyEdit, lspFixture, uriOf, workspace } from "./client.js";

const CONFIG = "extends: []\nrules:\n  privileged-container: error\n  apiserver-admission-plugin-removed: error\n";

interface LspFileReport {
  uri: string;
  diagnostics: Diagnostic[];
  codeActions: CodeAction[];
}
const parse = (stdout: string): LspFileReport[] =>
  stdout
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line) as LspFileReport);

let root: string;
beforeAll(() => {
  root = workspace({
    ".kubeguard.yaml": CONFIG,
    "web.yaml": lspFixture("web.yaml"),
    "apiserver.yaml": lspFixture("apiserver.yaml"),
    "clean.yaml": lspFixture("web.suggested.yaml"),
    "crlf.yaml": lspFixture("web.yaml").replace(/\n/gu, "\r\n"),
  });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("--format lsp", () => {
  test("one line per file, diagnostics identical to the server's, code actions with their edits", async () => {
    const r = await run(root, ["--format", "lsp", "web.yaml", "apiserver.yaml", "clean.yaml"]);
    expect(r.code).toBe(1);
    const reports = parse(r.stdout);
    expect(reports.map((x) => x.uri)).toEqual(["apiserver.yaml", "clean.yaml", "web.yaml"].map((f) => pathToFileURL(join(root, f)).href));
    const [apiserver, clean, web] = reports as [LspFileReport, LspFileReport, LspFileReport];
    expect(clean).toEqual({ uri: clean.uri, diagnostics: [], codeActions: [] });

    // The same Diagnostic objects the language server publishes for the same text.
    const client = await LspClient.start(root);
    try {
      await client.open(web.uri, lspFixture("web.yaml"));
      await client.open(apiserver.uri, lspFixture("apiserver.yaml"));
      expect((await client.waitFor(web.uri)).diagnostics).toEqual(web.diagnostics);
      expect((await client.waitFor(apiserver.uri)).diagnostics).toEqual(apiserver.diagnostics);
    } finally {
      await client.stop();
    }
    expect(web.diagnostics.map((d) => [d.code, d.range])).toEqual([["privileged-container", { start: { line: 20, character: 12 }, end: { line: 20, character: 28 } }]]);

    expect(web.codeActions.map((a) => [a.title, a.kind, a.diagnostics])).toEqual([
      ["Set privileged: false.", "quickfix", web.diagnostics],
      ["Disable privileged-container for this line", "quickfix", web.diagnostics],
    ]);
    expect(applyEdit(lspFixture("web.yaml"), web.uri, web.codeActions[0]!.edit)).toBe(lspFixture("web.suggested.yaml"));
    expect(applyEdit(lspFixture("web.yaml"), web.uri, web.codeActions[1]!.edit)).toBe(lspFixture("web.disabled.yaml"));
    expect(apiserver.codeActions.map((a) => a.title)).toEqual(["Fix this apiserver-admission-plugin-removed problem", "Disable apiserver-admission-plugin-removed for this line"]);
    expect(applyEdit(lspFixture("apiserver.yaml"), apiserver.uri, apiserver.codeActions[0]!.edit)).toBe(lspFixture("apiserver.fixed.yaml"));
  });

  test("stdin: edits refer to the text read from stdin (not the file on disk)", async () => {
    const text = `# one more line on top\n${lspFixture("web.yaml")}`;
    const r = await run(root, ["--format", "lsp", "--stdin-filename", "web.yaml", "-"], text);
    const [report] = parse(r.stdout);
    expect(report!.uri).toBe(uriOf(join(root, "web.yaml")));
    expect(report!.diagnostics.map((d) => d.range.start)).toEqual([{ line: 21, character: 12 }]);
    expect(applyEdit(text, report!.uri, report!.codeActions[0]!.edit)).toBe(`# one more line on top\n${lspFixture("web.suggested.yaml")}`);
  });

  test("CRLF files: the disable comment ends with CRLF", async () => {
    const r = await run(root, ["--format", "lsp", "crlf.yaml"]);
    const [report] = parse(r.stdout);
    const disable = report!.codeActions.find((a) => a.title.startsWith("Disable"))!;
    expect(applyEdit(lspFixture("web.yaml").replace(/\n/gu, "\r\n"), report!.uri, disable.edit)).toBe(lspFixture("web.disabled.yaml").replace(/\n/gu, "\r\n"));
  });
});
