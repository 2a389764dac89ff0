/**
 * @fileoverview `kubeguard lsp`: a language server on stdin/stdout (`vscode-languageserver`).
 *
 * - Diagnostics (pushed with `textDocument/publishDiagnostics`) for open YAML/JSON Kubernetes files
 *   and kubelet units: on open at once, on change after a debounce (`initializationOptions.debounceMs`,
 *   default 200 ms). 0-based UTF-16 ranges, severity, `code` = rule id, `codeDescription.href` = rule
 *   docs, `source: "kubeguard"`.
 * - Code actions: each finding's fix and suggestions, "Disable <rule> for this line" (inserts
 *   `# kubeguard-disable-next-line <rule>` above the line, at its indentation), "Fix all kubeguard
 *   problems in this file" (ESLint's fix loop with the safe fixes; also offered as
 *   `source.fixAll.kubeguard` for fix-on-save: never changes how a workload runs) and "Fix all …,
 *   hardening included" (what `kubeguard --fix` applies). The two fix-all edits are computed on
 *   `codeAction/resolve` when the client supports it.
 * - Configuration: `.kubeguard.yaml` is found upward from each document, as by the CLI, and re-read
 *   when it changes (`workspace/didChangeWatchedFiles`, its save in the editor, or, as a fallback,
 *   a re-stat on every lint). ESLint's cwd is the workspace folder that holds the document.
 */
import { fileURLToPath } from "node:url";
import { basename, isAbsolute, relative, resolve } from "node:path";
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { CONFIG_FILE_NAMES } from "../config/index.js";
import { IGNORE_FILE_NAMES } from "../cli/files.js";
import { fileKindOf } from "../language/language.js";
import { rules } from "../../rules/index.js";
import type { K8sRuleDefinition } from "../rule.js";
import type { KubeguardMessage } from "../formatters/types.js";
import { VERSION } from "../version.js";
import { LintEngine } from "./engine.js";
import {
  KIND_FIX_ALL,
  KIND_QUICKFIX,
  LSP_SOURCE,
  LineIndex,
  SEVERITY,
  kindAllowed,
  messageCodeActions,
  minimalEdit,
  rangesTouch,
  toDiagnostic,
  workspaceEdit,
} from "./convert.js";

/** What the server knows about an open document after its last lint. */
interface DocState {
  version: number;
  filePath: string;
  /** The linted text, BOM removed (the offsets of fixes refer to it). */
  text: string;
  index: LineIndex;
  messages: KubeguardMessage[];
  diagnostics: Diagnostic[];
  /** Fix-all results for this version, computed on demand: null = nothing to fix. */
  fixed: { safe?: Promise<string | null>; hardening?: Promise<string | null> };
}

interface FixAllData {
  kubeguardFixAll: "safe" | "hardening";
  uri: string;
  version: number;
}

const fixableRules = new Set((Object.values(rules) as K8sRuleDefinition[]).filter((r) => r.meta.fixable).map((r) => r.name));

export interface ServerOptions {
  /** Debounce of re-lints after a change, in ms. */
  debounceMs?: number;
}

/** Start the server on the given streams; resolves when the client closes the connection. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const states = new Map<string, DocState>();
  const timers = new Map<string, NodeJS.Timeout>();
  /** Lint generation per document: a lint publishes only if no newer one started. */
  const generations = new Map<string, number>();
  const engines = new Map<string, LintEngine>();
  let roots: string[] = [process.cwd()];
  let debounceMs = 200;
  let versionedEdits = false;
  let resolveEdits = false;
  const shownConfigErrors = new Set<string>();

  const engineFor = (filePath: string): LintEngine => {
    let best: string | null = null;
    for (const r of roots) {
      const rel = relative(r, filePath);
      if ((rel === "" || (!rel.startsWith("..") && !isAbsolute(rel))) && (best === null || r.length > best.length)) best = r;
    }
    const root = best ?? roots[0]!;
    let engine = engines.get(root);
    if (!engine) engines.set(root, (engine = new LintEngine(root)));
    return engine;
  };

  const pathOf = (uri: string): string | null => {
    if (!uri.startsWith("file:")) return null;
    try {
      return fileURLToPath(uri);
    } catch {
      return null;
    }
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const folders = (params.workspaceFolders ?? []).map((f) => pathOf(f.uri)).filter((p): p is string => p !== null);
    const rootUri = params.rootUri ? pathOf(params.rootUri) : null;
    const rootPath = params.rootPath ? resolve(params.rootPath) : null;
    roots = folders.length ? folders : rootUri ? [rootUri] : rootPath ? [rootPath] : [process.cwd()];
    const init = (params.initializationOptions ?? {}) as ServerOptions;
    if (typeof init.debounceMs === "number" && init.debounceMs >= 0) debounceMs = init.debounceMs;
    const caps = params.capabilities;
    versionedEdits = caps.workspace?.workspaceEdit?.documentChanges === true;
    resolveEdits = caps.textDocument?.codeAction?.resolveSupport?.properties.includes("edit") === true && caps.textDocument.codeAction.dataSupport === true;
    watchFiles = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, KIND_FIX_ALL], resolveProvider: true },
      },
      serverInfo: { name: "kubeguard", version: VERSION },
    };
  });

  let watchFiles = false;
  connection.onInitialized(() => {
    if (!watchFiles) return;
    const globs = [...CONFIG_FILE_NAMES, ...IGNORE_FILE_NAMES].map((n) => ({ globPattern: `**/${n}` }));
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: globs });
  });

  const publish = (uri: string, version: number | undefined, diagnostics: Diagnostic[]): void => {
    void connection.sendDiagnostics({ uri, version, diagnostics });
  };

  async function lint(uri: string): Promise<void> {
    const doc = documents.get(uri);
    const filePath = pathOf(uri);
    if (!doc || !filePath) return;
    const generation = (generations.get(uri) ?? 0) + 1;
    generations.set(uri, generation);
    const version = doc.version;
    const text = doc.getText();
    let outcome;
    try {
      outcome = await engineFor(filePath).lint(filePath, text);
    } catch (err) {
      connection.console.error(`kubeguard: internal error linting ${filePath}: ${(err as Error)?.stack ?? String(err)}`);
      return;
    }
    if (generations.get(uri) !== generation || !documents.get(uri)) return; // superseded or closed
    if (outcome.kind === "skipped") {
      states.delete(uri);
      publish(uri, version, []);
      return;
    }
    if (outcome.kind === "config-error") {
      states.delete(uri);
      if (!shownConfigErrors.has(outcome.message)) {
        shownConfigErrors.add(outcome.message);
        void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `kubeguard: ${outcome.message}` });
      }
      const at = { line: 0, character: 0 };
      publish(uri, version, [{ range: { start: at, end: at }, severity: SEVERITY.Error, source: LSP_SOURCE, message: `kubeguard configuration error: ${outcome.message}` }]);
      return;
    }
    const body = text.replace(/^\uFEFF/u, "");
    const messages = outcome.result.messages;
    const diagnostics = messages.map(toDiagnostic);
    states.set(uri, { version, filePath, text: body, index: new LineIndex(body), messages, diagnostics, fixed: {} });
    publish(uri, version, diagnostics);
    // Its objects changed: cross-document findings of the other open documents may change too.
    if (outcome.crossChanged) for (const other of documents.all()) if (other.uri !== uri) schedule(other.uri, debounceMs);
  }

  const schedule = (uri: string, delay: number): void => {
    clearTimeout(timers.get(uri));
    // Mark any running lint of this document as superseded right away.
    generations.set(uri, (generations.get(uri) ?? 0) + 1);
    if (delay <= 0) {
      timers.delete(uri);
      void lint(uri);
      return;
    }
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void lint(uri);
      }, delay),
    );
  };

  const relintAll = (): void => {
    for (const e of engines.values()) e.invalidate();
    shownConfigErrors.clear();
    for (const doc of documents.all()) schedule(doc.uri, 0);
  };

  // didOpen fires onDidOpen and then onDidChangeContent: lint once, at once, for the open.
  const justOpened = new Set<string>();
  documents.onDidOpen((e) => {
    justOpened.add(e.document.uri);
    schedule(e.document.uri, 0);
  });
  documents.onDidChangeContent((e) => {
    if (justOpened.delete(e.document.uri)) return;
    schedule(e.document.uri, debounceMs);
  });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    generations.set(e.document.uri, (generations.get(e.document.uri) ?? 0) + 1);
    states.delete(e.document.uri);
    publish(e.document.uri, undefined, []);
    const closedPath = pathOf(e.document.uri);
    if (closedPath) engineFor(closedPath).close(closedPath);
  });
  documents.onDidSave((e) => {
    const name = basename(pathOf(e.document.uri) ?? "");
    if (CONFIG_FILE_NAMES.includes(name) || IGNORE_FILE_NAMES.includes(name)) relintAll();
  });
  connection.onDidChangeWatchedFiles(() => relintAll());

  const fixedText = (state: DocState, mode: "safe" | "hardening"): Promise<string | null> => {
    const engine = engineFor(state.filePath);
    return (state.fixed[mode] ??= engine.fix(state.filePath, state.text, mode === "hardening").catch(() => null));
  };

  const fixAllEdit = async (uri: string, state: DocState, mode: "safe" | "hardening"): Promise<CodeAction["edit"] | null> => {
    const output = await fixedText(state, mode);
    if (output === null) return null;
    const edit = minimalEdit(state.text, output, state.index);
    return edit ? workspaceEdit({ uri, ...(versionedEdits ? { version: state.version } : {}) }, [edit]) : null;
  };

  const FIX_ALL_TITLE = { safe: "Fix all kubeguard problems in this file", hardening: "Fix all kubeguard problems in this file, hardening included (as kubeguard --fix)" };

  connection.onCodeAction(async (params: CodeActionParams): Promise<CodeAction[]> => {
    const uri = params.textDocument.uri;
    const state = states.get(uri);
    const doc = documents.get(uri);
    if (!state || !doc || doc.version !== state.version) return [];
    const only = params.context.only;
    const target = { uri, ...(versionedEdits ? { version: state.version } : {}) };
    const comments = fileKindOf(state.filePath) === "yaml";
    const actions: CodeAction[] = [];
    const touched: Diagnostic[] = [];
    if (kindAllowed(KIND_QUICKFIX, only)) {
      state.messages.forEach((m, i) => {
        const d = state.diagnostics[i]!;
        if (!rangesTouch(d.range, params.range)) return;
        touched.push(d);
        actions.push(...messageCodeActions(m, d, target, state.index, { comments }));
      });
    }
    const hasSafe = state.messages.some((m) => m.fix && m.ruleId !== null);
    const hasHardening = state.messages.some((m) => m.ruleId !== null && fixableRules.has(m.ruleId) && m.suggestions?.length);
    const fixAll = async (mode: "safe" | "hardening", kind: string, diagnostics: Diagnostic[]): Promise<void> => {
      const action: CodeAction = { title: FIX_ALL_TITLE[mode], kind, diagnostics };
      if (resolveEdits) {
        action.data = { kubeguardFixAll: mode, uri, version: state.version } satisfies FixAllData;
      } else {
        const edit = await fixAllEdit(uri, state, mode);
        if (!edit) return;
        action.edit = edit;
      }
      actions.push(action);
    };
    if (touched.length) {
      if (hasSafe) await fixAll("safe", KIND_QUICKFIX, touched);
      if (hasHardening) await fixAll("hardening", KIND_QUICKFIX, touched);
    }
    // Fix-on-save (`source.fixAll`) only when asked for: safe fixes only.
    if (only?.length && kindAllowed(KIND_FIX_ALL, only) && hasSafe) await fixAll("safe", KIND_FIX_ALL, state.diagnostics);
    return actions;
  });

  connection.onCodeActionResolve(async (action: CodeAction): Promise<CodeAction> => {
    const data = action.data as Partial<FixAllData> | undefined;
    if (!data?.kubeguardFixAll || !data.uri) return action;
    const state = states.get(data.uri);
    if (!state || state.version !== data.version) return action;
    const edit = await fixAllEdit(data.uri, state, data.kubeguardFixAll);
    return edit ? { ...action, edit } : action;
  });

  connection.onShutdown(() => {
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  });

  documents.listen(connection);
  connection.listen();
}

/** `kubeguard lsp [--stdio]`: serve on stdin/stdout until the client exits. */
export async function runLanguageServer(argv: string[], io: { stderr: { write(text: string): unknown } }): Promise<number> {
  const unknown = argv.filter((a) => a !== "--stdio");
  if (unknown.length) {
    io.stderr.write(`kubeguard lsp: unknown argument ${unknown[0]} (the server speaks LSP on stdin/stdout; --stdio is accepted)\n`);
    return 2;
  }
  const connection = createConnection(process.stdin, process.stdout);
  // stdout carries the protocol: route console output to the client's log.
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(" "));
  console.info = (...args: unknown[]) => connection.console.info(args.map(String).join(" "));
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(" "));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(" "));
  startServer(connection);
  // The connection ends the process (exit notification, or stdin closing).
  return new Promise<number>(() => {});
}
