/**
 * @fileoverview `kubeguard lsp` over JSON-RPC (vscode-jsonrpc, stdio) against the real server
 * process: diagnostics on open and change, debouncing, configuration reload (watched files and
 * the re-stat fallback), configuration errors, quick fixes, "disable for this line", fix-all
 * (eager, lazy via codeAction/resolve, and as source.fixAll), skipped files.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { CodeAction, Diagnostic } from "vscode-languageserver";
import { LspClient, applyEdit, lspFixture, uriOf, workspace } from "./client.js";

/** Only the two rules these tests exercise, so rules added later do not change the expectations. */
const CONFIG = "extends: []\nrules:\n  privileged-container: error\n  apiserver-admission-plugin-removed: error\n";
const DOCS = "https://github.com/kubeguard/kubeguard/blob/main/rules/";

/**
 * Two servers for the whole file (starting one costs about a second): `main` (debounce 0, eager
 * code-action edits) and `lazy` (debounce 400 ms, codeAction/resolve support). Each test uses its
 * own documents and, where it changes configuration, its own folder with its own .kubeguard.yaml.
 */
let root: string;
let main: LspClient;
let lazy: LspClient;
beforeAll(async () => {
  root = workspace({
    ".kubeguard.yaml": `${CONFIG}ignore: ["generated/**"]\n`,
    "team/.kubeguard.yaml": "extends: []\nrules:\n  privileged-container: warn\n",
    "reload/.kubeguard.yaml": CONFIG,
    "restat/.kubeguard.yaml": CONFIG,
    "broken/.kubeguard.yaml": "rules:\n  privileged-containr: error\n",
  });
  [main, lazy] = await Promise.all([LspClient.start(root), LspClient.start(root, { debounceMs: 400, resolveSupport: true, watchedFiles: false })]);
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});
const doc = (...path: string[]): string => uriOf(join(root, ...path));

const codes = (ds: Diagnostic[]): unknown[] => ds.map((d) => d.code);
const titled = (actions: CodeAction[], title: string): CodeAction => {
  const a = actions.find((x) => x.title === title);
  if (!a) throw new Error(`no code action '${title}' among ${JSON.stringify(actions.map((x) => x.title))}`);
  return a;
};
const at = (line: number, character: number) => ({ start: { line, character }, end: { line, character } });

describe("diagnostics", () => {
  test("on open: LSP Diagnostic shape, 0-based range, severity, code, docs link, source, resource", async () => {
    const uri = doc("open.yaml");
    await main.open(uri, lspFixture("web.yaml"));
    const p = await main.waitFor(uri);
    expect(p.version).toBe(1);
    expect(p.diagnostics).toEqual([
      {
        range: { start: { line: 20, character: 12 }, end: { line: 20, character: 28 } },
        severity: 1,
        source: "kubeguard",
        code: "privileged-container",
        codeDescription: { href: `${DOCS}privileged-container.md` },
        message: "Container 'web' runs privileged: it gets every capability and access to all host devices.",
        data: { level: "critical", resource: { apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "web", docIndex: 0 } },
      },
    ]);
  });

  test("characters are UTF-16 code units (an emoji before the finding counts 2)", async () => {
    const uri = doc("utf16.yaml");
    await main.open(uri, lspFixture("web-utf16.yaml"));
    const p = await main.waitFor(uri);
    expect(codes(p.diagnostics)).toEqual(["privileged-container"]);
    // `      securityContext: { "note": "🚀", privileged: true }`: 'p' is UTF-16 unit 39 (code point 38, byte 41).
    expect(p.diagnostics[0]!.range).toEqual({ start: { line: 9, character: 39 }, end: { line: 9, character: 55 } });
  });

  test("on change: incremental edits re-lint; the publication carries the document version", async () => {
    const uri = doc("change.yaml");
    await main.open(uri, lspFixture("web.yaml"));
    await main.waitFor(uri, (p) => p.version === 1);
    // `true` → `false` on line 20 (characters 24..28).
    await main.change(uri, 2, [{ range: { start: { line: 20, character: 24 }, end: { line: 20, character: 28 } }, text: "false" }]);
    const fixed = await main.waitFor(uri, (p) => p.version === 2);
    expect(fixed.diagnostics).toEqual([]);
    await main.change(uri, 3, [{ text: lspFixture("web.yaml").replace("privileged: true", "privileged: yes") }]);
    const again = await main.waitFor(uri, (p) => p.version === 3);
    expect(codes(again.diagnostics)).toEqual(["privileged-container"]);
    expect(again.diagnostics[0]!.range).toEqual({ start: { line: 20, character: 12 }, end: { line: 20, character: 27 } });
  });

  test("changes are debounced: a burst of edits is linted once, at its last version", async () => {
    const uri = doc("debounce.yaml");
    const text = lspFixture("web.yaml");
    await lazy.open(uri, text);
    await lazy.waitFor(uri, (p) => p.version === 1);
    for (let v = 2; v <= 6; v++) await lazy.change(uri, v, [{ text: v % 2 ? text : text.replace("privileged: true", "privileged: false") }]);
    const last = await lazy.waitFor(uri, (p) => p.version === 6);
    expect(codes(last.diagnostics)).toEqual([]);
    await new Promise((r) => setTimeout(r, 700));
    expect(lazy.published.filter((p) => p.uri === uri).map((p) => p.version)).toEqual([1, 6]);
  });

  test("closing a document clears its diagnostics", async () => {
    const uri = doc("close.yaml");
    await main.open(uri, lspFixture("web.yaml"));
    await main.waitFor(uri, (p) => p.diagnostics.length === 1);
    const n = main.published.length;
    await main.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
    const cleared = await main.waitFor(uri, () => true, n);
    expect(cleared.diagnostics).toEqual([]);
  });

  test("skipped: JSON without apiVersion/kind, files matching the configuration's ignore, non-manifest names", async () => {
    const pkg = doc("package.json");
    await main.open(pkg, '{ "name": "x", // not YAML\n }', 1, "json");
    expect((await main.waitFor(pkg)).diagnostics).toEqual([]);
    const ignored = doc("generated", "web.yaml");
    await main.open(ignored, lspFixture("web.yaml"));
    expect((await main.waitFor(ignored)).diagnostics).toEqual([]);
    const notes = doc("notes.txt");
    await main.open(notes, lspFixture("web.yaml"), 1, "plaintext");
    expect((await main.waitFor(notes)).diagnostics).toEqual([]);
    // A JSON manifest is linted.
    const json = doc("pod.json");
    await main.open(json, JSON.stringify({ apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ name: "c", image: "i:1", securityContext: { privileged: true } }] } }, null, 2), 1, "json");
    expect(codes((await main.waitFor(json)).diagnostics)).toEqual(["privileged-container"]);
  });

  test("cluster configuration recognised by content: a KubeletConfiguration drop-in `*.conf` is linted, an nginx `*.conf` is not", async () => {
    mkdirSync(join(root, "node", "kubelet.conf.d"), { recursive: true });
    writeFileSync(join(root, "node", ".kubeguard.yaml"), "extends: []\nrules:\n  kubelet-read-only-port-open: error\n");
    const dropin = doc("node", "kubelet.conf.d", "20-port.conf");
    await main.open(dropin, "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nreadOnlyPort: 10255\n", 1, "conf");
    const p = await main.waitFor(dropin, (x) => x.diagnostics.length > 0);
    expect(p.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([["kubelet-read-only-port-open", 2]]);
    const nginx = doc("node", "nginx", "default.conf");
    await main.open(nginx, "server {\n  listen 80;\n  location / { proxy_pass http://app:8080; }\n}\n", 1, "conf");
    expect((await main.waitFor(nginx)).diagnostics).toEqual([]);
  });
});

describe("configuration", () => {
  test("asks the client to watch .kubeguard.yaml and ignore files, and re-lints open documents when they change", async () => {
    const watchers = main.registrations.find((r) => r.method === "workspace/didChangeWatchedFiles")?.registerOptions as { watchers: { globPattern: string }[] };
    expect(watchers.watchers.map((w) => w.globPattern)).toEqual(["**/.kubeguard.yaml", "**/.kubeguard.yml", "**/.gitignore", "**/.kubeguardignore"]);
    expect(lazy.registrations).toEqual([]); // that client does not support it

    const uri = doc("reload", "web.yaml");
    await main.open(uri, lspFixture("web.yaml"));
    await main.waitFor(uri, (p) => p.diagnostics.length === 1);
    const n = main.published.length;
    writeFileSync(join(root, "reload", ".kubeguard.yaml"), CONFIG.replace("privileged-container: error", "privileged-container: off"));
    await main.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: doc("reload", ".kubeguard.yaml"), type: 2 }] });
    const after = await main.waitFor(uri, () => true, n);
    expect(after.diagnostics).toEqual([]);
  });

  test("without a notification, the next lint re-reads an edited configuration (re-stat fallback)", async () => {
    const uri = doc("restat", "web.yaml");
    const text = lspFixture("web.yaml");
    await lazy.open(uri, text);
    expect((await lazy.waitFor(uri)).diagnostics.map((d) => d.severity)).toEqual([1]);
    writeFileSync(join(root, "restat", ".kubeguard.yaml"), `${CONFIG.replace("privileged-container: error", "privileged-container: warn")}# edited\n`);
    await lazy.change(uri, 2, [{ text: `${text}# touched\n` }]);
    const after = await lazy.waitFor(uri, (p) => p.version === 2);
    expect(after.diagnostics.map((d) => [d.code, d.severity])).toEqual([["privileged-container", 2]]);
  });

  test("a broken configuration is reported on the document and shown once", async () => {
    const first = doc("broken", "a.yaml");
    const second = doc("broken", "b.yaml");
    await main.open(first, lspFixture("web.yaml"));
    await main.open(second, lspFixture("web.yaml"));
    for (const uri of [first, second]) {
      const p = await main.waitFor(uri);
      expect(p.diagnostics).toHaveLength(1);
      expect(p.diagnostics[0]!.range).toEqual(at(0, 0));
      expect(p.diagnostics[0]!.severity).toBe(1);
      expect(p.diagnostics[0]!.message).toContain("rules.privileged-containr: unknown rule (did you mean privileged-container?)");
    }
    expect(main.shownMessages.filter((m) => m.message.includes("privileged-containr")).map((m) => m.type)).toEqual([1]);
  });

  test("the configuration found upward from the document applies (workspace root honoured)", async () => {
    const top = doc("upward.yaml");
    const team = doc("team", "web.yaml");
    await main.open(top, lspFixture("web.yaml"));
    await main.open(team, lspFixture("web.yaml"));
    expect((await main.waitFor(top)).diagnostics.map((d) => d.severity)).toEqual([1]);
    expect((await main.waitFor(team)).diagnostics.map((d) => d.severity)).toEqual([2]);
  });
});

describe("code actions", () => {
  test("a hardening suggestion as a quick fix edits exactly the finding", async () => {
    const uri = doc("suggest.yaml");
    const text = lspFixture("web.yaml");
    await main.open(uri, text);
    const d = (await main.waitFor(uri)).diagnostics[0]!;
    const actions = await main.codeActions(uri, at(20, 15), undefined, [d]);
    expect(actions.map((a) => [a.title, a.kind])).toEqual([
      ["Set privileged: false.", "quickfix"],
      ["Disable privileged-container for this line", "quickfix"],
      ["Fix all kubeguard problems in this file, hardening included (as kubeguard --fix)", "quickfix"],
    ]);
    const suggestion = actions[0]!;
    expect(suggestion.isPreferred).toBe(true);
    expect(suggestion.diagnostics).toEqual([d]);
    expect(applyEdit(text, uri, suggestion.edit, 1)).toBe(lspFixture("web.suggested.yaml"));
    // The hardening fix-all does what kubeguard --fix does: here, the same edit.
    expect(applyEdit(text, uri, actions[2]!.edit, 1)).toBe(lspFixture("web.suggested.yaml"));
    // Away from any finding: no quick fixes.
    expect(await main.codeActions(uri, at(4, 0))).toEqual([]);
  });

  test("'Disable <rule> for this line' inserts the suppression comment at the line's indentation, and it suppresses", async () => {
    const uri = doc("disable.yaml");
    const text = lspFixture("web.yaml");
    await main.open(uri, text);
    const d = (await main.waitFor(uri)).diagnostics[0]!;
    const disable = titled(await main.codeActions(uri, d.range, ["quickfix"], [d]), "Disable privileged-container for this line");
    const edited = applyEdit(text, uri, disable.edit, 1);
    expect(edited).toBe(lspFixture("web.disabled.yaml"));
    await main.change(uri, 2, [{ text: edited }]);
    expect((await main.waitFor(uri, (p) => p.version === 2)).diagnostics).toEqual([]);
  });

  test("fix all (safe fixes, ESLint's fix loop): eager, lazily resolved, and as source.fixAll.kubeguard", async () => {
    const text = lspFixture("apiserver.yaml");
    const expected = lspFixture("apiserver.fixed.yaml");
    for (const client of [main, lazy]) {
      const uri = doc(`kube-apiserver-${client === main ? "eager" : "lazy"}.yaml`);
      await client.open(uri, text, 7);
      const d = (await client.waitFor(uri)).diagnostics[0]!;
      expect(d.code).toBe("apiserver-admission-plugin-removed");
      const actions = await client.codeActions(uri, d.range, undefined, [d]);
      expect(actions.map((a) => a.title)).toEqual([
        "Fix this apiserver-admission-plugin-removed problem",
        "Disable apiserver-admission-plugin-removed for this line",
        "Fix all kubeguard problems in this file",
      ]);
      expect(applyEdit(text, uri, actions[0]!.edit, 7)).toBe(expected);
      let fixAll = actions[2]!;
      if (client === lazy) {
        expect(fixAll.edit).toBeUndefined();
        fixAll = await client.resolve(fixAll);
      }
      expect(applyEdit(text, uri, fixAll.edit, 7)).toBe(expected);

      const onSave = await client.codeActions(uri, at(0, 0), ["source.fixAll"]);
      expect(onSave.map((a) => [a.title, a.kind])).toEqual([["Fix all kubeguard problems in this file", "source.fixAll.kubeguard"]]);
      const resolved = client === lazy ? await client.resolve(onSave[0]!) : onSave[0]!;
      expect(applyEdit(text, uri, resolved.edit, 7)).toBe(expected);
    }
  });

  test("fix-on-save (source.fixAll) never applies hardening", async () => {
    const uri = doc("on-save.yaml");
    await main.open(uri, lspFixture("web.yaml"));
    expect(codes((await main.waitFor(uri)).diagnostics)).toEqual(["privileged-container"]);
    expect(await main.codeActions(uri, at(0, 0), ["source.fixAll"])).toEqual([]);
  });

  test("code actions of an outdated lint are not offered (the edit would not match the text)", async () => {
    const uri = doc("outdated.yaml");
    const text = lspFixture("web.yaml");
    await lazy.open(uri, text);
    const d = (await lazy.waitFor(uri)).diagnostics[0]!;
    await lazy.change(uri, 2, [{ text: `# new first line\n${text}` }]);
    expect(await lazy.codeActions(uri, d.range, undefined, [d])).toEqual([]);
  });
});

test("shutdown and exit end the server processes with code 0", async () => {
  expect(await Promise.all([main.stop(), lazy.stop()])).toEqual([0, 0]);
});
