/**
 * @fileoverview Neovim (headless) as the real LSP client of `kubeguard lsp`: test/lsp/nvim/quickfix.lua
 * starts the server, opens two manifests, waits for diagnostics, applies a quick-fix code action
 * and writes the buffer. Skipped, with a message, when `nvim` is not installed (.ci/run installs
 * Debian's `neovim`).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { BIN, lspFixture, workspace } from "./client.js";

const NVIM = spawnSync("nvim", ["--version"], { encoding: "utf8" });
const hasNvim = NVIM.status === 0;
if (!hasNvim) console.warn("test/lsp/nvim.test.ts: skipped — `nvim` is not on PATH (install Debian's neovim: apt-get install -y neovim; .ci/run does)");

const CONFIG = "extends: []\nrules:\n  privileged-container: error\n  apiserver-admission-plugin-removed: error\n";
const DOCS = "https://github.com/kubeguard/kubeguard/blob/main/rules/";

interface NvimDiagnostic {
  code: string;
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  source: string;
  href: string | null;
}
interface Report {
  error?: string;
  diagnostics: NvimDiagnostic[];
  diagnostics2: NvimDiagnostic[];
  offset_encoding: string;
  titles: string[];
  after: NvimDiagnostic[];
}

describe.skipIf(!hasNvim)(`Neovim as LSP client (${hasNvim ? NVIM.stdout.split("\n")[0] : "nvim not installed: skipped"})`, () => {
  test("diagnostics at the right places; the quick fix edits only the finding; the buffer is written", () => {
    const root = workspace({ ".kubeguard.yaml": CONFIG, "web.yaml": lspFixture("web.yaml"), "rocket.yaml": lspFixture("web-utf16.yaml") });
    try {
      const out = join(root, "report.json");
      const run = spawnSync("nvim", ["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", `luafile ${join(import.meta.dirname, "nvim", "quickfix.lua")}`], {
        cwd: root,
        encoding: "utf8",
        timeout: 90000,
        env: {
          ...process.env,
          KG_NODE: process.execPath,
          KG_BIN: BIN,
          KG_ROOT: root,
          KG_FILE: join(root, "web.yaml"),
          KG_FILE2: join(root, "rocket.yaml"),
          KG_ACTION: "Set privileged: false.",
          KG_OUT: out,
        },
      });
      let report: Report;
      try {
        report = JSON.parse(readFileSync(out, "utf8")) as Report;
      } catch {
        throw new Error(`nvim wrote no report (status ${run.status}, signal ${run.signal}): ${run.stdout}${run.stderr}`);
      }
      expect(report.error).toBeUndefined();
      expect(report.offset_encoding).toBe("utf-16");
      // Neovim severity 1 = ERROR; lnum/col 0-based (col in bytes: ASCII line, so = UTF-16 character).
      expect(report.diagnostics).toEqual([
        { code: "privileged-container", lnum: 20, col: 12, end_lnum: 20, end_col: 28, severity: 1, source: "kubeguard", href: `${DOCS}privileged-container.md` },
      ]);
      // `      securityContext: { "note": "🚀", privileged: true }`: the server sends UTF-16 character 39;
      // Neovim converts it to byte 41 (the emoji is 2 UTF-16 units, 4 UTF-8 bytes).
      expect(report.diagnostics2.map((d) => [d.code, d.lnum, d.col, d.end_lnum, d.end_col])).toEqual([["privileged-container", 9, 41, 9, 57]]);
      expect(report.titles).toEqual([
        "Set privileged: false.",
        "Disable privileged-container for this line",
        "Fix all kubeguard problems in this file, hardening included (as kubeguard --fix)",
      ]);
      expect(readFileSync(join(root, "web.yaml"), "utf8")).toBe(lspFixture("web.suggested.yaml"));
      expect(report.after).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
