/**
 * @fileoverview A minimal LSP client for the protocol tests: spawns the real `kubeguard lsp`
 * (bin/kubeguard.js → dist/, built by the global setup) and talks JSON-RPC to it over stdio with
 * `vscode-jsonrpc`, recording every `textDocument/publishDiagnostics` it receives.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";

export const ROOT = join(import.meta.dirname, "..", "..");
export const BIN = join(ROOT, "bin", "kubeguard.js");
export const LSP_FIXTURES = join(ROOT, "fixtures", "lsp");
export const lspFixture = (name: string): string => readFileSync(join(LSP_FIXTURES, name), "utf8");

export interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

/** A fresh temporary folder with the given files (path → content). */
export function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "kubeguard-lsp-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

export const uriOf = (path: string): string => pathToFileURL(path).href;

export interface ClientOptions {
  debounceMs?: number;
  /** Advertise `codeAction/resolve` support for `edit` (the fix-all edits then come lazily). */
  resolveSupport?: boolean;
  /** Advertise dynamic registration of `workspace/didChangeWatchedFiles`. */
  watchedFiles?: boolean;
}

export class LspClient {
  readonly published: Published[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly shownMessages: { type: number; message: string }[] = [];
  readonly stderr: string[] = [];
  #waiters: (() => void)[] = [];

  private constructor(
    readonly child: ChildProcess,
    readonly connection: MessageConnection,
  ) {}

  static async start(root: string, options: ClientOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [BIN, "lsp", "--stdio"], { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection);
    child.stderr!.on("data", (d: Buffer) => client.stderr.push(d.toString()));
    connection.onNotification("textDocument/publishDiagnostics", (p: Published) => {
      client.published.push(p);
      for (const w of client.#waiters.splice(0)) w();
    });
    connection.onNotification("window/showMessage", (p: { type: number; message: string }) => {
      client.shownMessages.push(p);
    });
    connection.onNotification("window/logMessage", () => {});
    connection.onRequest("client/registerCapability", (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      client.registrations.push(...p.registrations);
      return null;
    });
    connection.listen();
    await connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: uriOf(root),
      workspaceFolders: [{ uri: uriOf(root), name: "ws" }],
      initializationOptions: { debounceMs: options.debounceMs ?? 0 },
      capabilities: {
        workspace: {
          workspaceEdit: { documentChanges: true },
          didChangeWatchedFiles: { dynamicRegistration: options.watchedFiles ?? true },
        },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: {
            dataSupport: true,
            isPreferredSupport: true,
            ...(options.resolveSupport ? { resolveSupport: { properties: ["edit"] } } : {}),
            codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source", "source.fixAll"] } },
          },
        },
      },
    });
    await connection.sendNotification("initialized", {});
    return client;
  }

  /** Resolve with the first publication for `uri` (after `after` earlier ones) that satisfies `test`. */
  async waitFor(uri: string, test: (p: Published) => boolean = () => true, after = 0, timeoutMs = 20000): Promise<Published> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.published.slice(after).find((p) => p.uri === uri && test(p));
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; got ${JSON.stringify(this.published.filter((p) => p.uri === uri).map((p) => [p.version, p.diagnostics.map((d) => d.code)]))}; stderr: ${this.stderr.join("")}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  open(uri: string, text: string, version = 1, languageId = "yaml"): Promise<void> {
    return this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: ({ text: string } | { range: TextEdit["range"]; text: string })[]): Promise<void> {
    return this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges });
  }

  codeActions(uri: string, range: TextEdit["range"], only?: string[], diagnostics: Diagnostic[] = []): Promise<CodeAction[]> {
    return this.connection.sendRequest("textDocument/codeAction", { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  }

  resolve(action: CodeAction): Promise<CodeAction> {
    return this.connection.sendRequest("codeAction/resolve", action);
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once("exit", (code) => resolve(code)));
    try {
      await this.connection.sendRequest("shutdown");
      await this.connection.sendNotification("exit");
    } catch {
      this.child.kill();
    }
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

/** Apply a code action's edit to a text (as a client does): `changes` or `documentChanges` of one document. */
export function applyEdit(text: string, uri: string, edit: WorkspaceEdit | undefined, expectVersion?: number): string {
  if (!edit) throw new Error("the code action has no edit");
  let edits: TextEdit[] = [];
  if (edit.documentChanges) {
    for (const change of edit.documentChanges) {
      if (!("textDocument" in change)) throw new Error("unexpected resource operation");
      if (change.textDocument.uri !== uri) throw new Error(`edit for another document: ${change.textDocument.uri}`);
      if (expectVersion !== undefined && change.textDocument.version !== expectVersion) throw new Error(`edit for version ${change.textDocument.version}, document is at ${expectVersion}`);
      edits.push(...(change.edits as TextEdit[]));
    }
  } else {
    edits = edit.changes?.[uri] ?? [];
  }
  return TextDocument.applyEdits(TextDocument.create(uri, "yaml", 0, text), edits);
}
