/**
 * @fileoverview The language server's linting: the CLI's pipeline for one in-memory document.
 *
 * For a document at `filePath` it finds `.kubeguard.yaml` upward (as the CLI does), compiles the
 * same flat config (`compileConfig`), honours the same ignore rules (`.gitignore`,
 * `.kubeguardignore`, the configuration's `ignore`) and lints the text with ESLint's `ESLint`
 * class (`lintText`), converting the result with the CLI's `convertResult`. ESLint instances are
 * kept per configuration file; the file is re-stat'ed on every lint (size, mtime, ctime, inode),
 * so an edited configuration takes effect even when the client sends no file-change notification.
 *
 * Cross-document rules (src/crossdoc) see the open documents plus the workspace files: on the first
 * lint the workspace folder is linted once in collect mode (facts only, bounded by
 * `WORKSPACE_LIMITS`), every lint then puts the document's own facts over the disk facts and runs
 * the cross-document checks over both. `lint` says when a document's facts changed, so the server
 * can re-check the other open documents.
 */
import { statSync } from "node:fs";
import { dirname, isAbsolute, relative } from "node:path";
import { ESLint, type Linter } from "eslint";
import { compileConfig, defaultConfig, findConfigFile, levelsFromConfig, loadConfigFile, type KubeguardConfig } from "../config/index.js";
import { convertResult, type RawResult } from "../cli/main.js";
import { CONTENT_CANDIDATE_PATTERNS, Ignorer, SNIFF_BYTES, isLintTarget, projectRoot, sniffsAsClusterConfig } from "../cli/files.js";
import { refuseReason } from "../cli/write.js";
import { fileKindOf } from "../language/language.js";
import type { KubeguardResult } from "../formatters/types.js";
import { FactCollector, setCollector } from "../crossdoc/runtime.js";
import type { CrossFile } from "../crossdoc/run.js";
import { addCrossFindings } from "../cli/cross.js";
import { createChunkLinter, crossRuleSettings } from "../cli/engine.js";
import { collectInputs } from "../cli/files.js";
import { rules as allRules } from "../../rules/index.js";
import type { K8sRuleDefinition } from "../rule.js";

/** How much of the workspace is read for the cross-document index (files, bytes). */
export const WORKSPACE_LIMITS = { files: 5000, bytes: 64 * 1024 * 1024 };

export type LintOutcome =
  | { kind: "linted"; result: KubeguardResult; configPath: string | null; crossChanged: boolean }
  | { kind: "skipped"; reason: string }
  | { kind: "config-error"; message: string; configPath: string };

const isInside = (child: string, parent: string): boolean => {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
};

/** JSON files are linted only when they look like Kubernetes objects (package.json is not one). */
const K8S_JSON = /"(?:apiVersion|kind)"\s*:/u;

interface Entry {
  config: KubeguardConfig;
  ignorer: Ignorer;
  eslintCwd: string;
  lint: ESLint;
  fixSafe?: ESLint;
  fixHardening?: ESLint;
}

/** Identity of a configuration file's current content on disk (changes when it is edited). */
function stamp(path: string | null): string {
  if (!path) return "-";
  try {
    const s = statSync(path);
    return `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`;
  } catch {
    return "missing";
  }
}

export class LintEngine {
  readonly #entries = new Map<string, Entry>();
  /** Facts of the workspace files on disk (null: not read yet). */
  #disk: Promise<Map<string, CrossFile>> | null = null;
  /** Facts and text of the open documents, over the disk facts. */
  readonly #open = new Map<string, { cross: CrossFile; text: string; key: string }>();
  /** One collector for every lint of this engine (lints interleave at their awaits), installed while any runs. */
  readonly #collector = new FactCollector();
  #active = 0;
  #previousCollector: ReturnType<typeof setCollector> = null;

  /** `root`: the workspace folder. ESLint's cwd is the root when it contains the file and its configuration. */
  constructor(readonly root: string) {}

  /** Forget every loaded configuration and ignore file (they are read again on the next lint). */
  invalidate(): void {
    this.#entries.clear();
    this.#disk = null;
  }

  /** A document was closed: its disk version counts again. */
  close(filePath: string): void {
    this.#open.delete(filePath);
  }

  /** Lint the workspace folder once in collect mode: the cross-document facts of its files. */
  #workspaceFacts(entry: Entry): Promise<Map<string, CrossFile>> {
    this.#disk ??= (async () => {
      const facts = new Map<string, CrossFile>();
      const inputs = collectInputs([this.root], this.root, entry.ignorer, { render: false });
      const files: string[] = [];
      let bytes = 0;
      for (const f of inputs.files) {
        if (files.length >= WORKSPACE_LIMITS.files) break;
        let size = 0;
        try {
          size = statSync(f).size;
        } catch {
          continue;
        }
        if (bytes + size > WORKSPACE_LIMITS.bytes) continue;
        bytes += size;
        files.push(f);
      }
      if (!files.length) return facts;
      const linter = await createChunkLinter({ eslintCwd: entry.eslintCwd, config: entry.config, compile: { extraPatterns: CONTENT_CANDIDATE_PATTERNS }, fixing: false });
      for (let i = 0; i < files.length; i += 100) {
        for (const o of await linter.lintChunk(files.slice(i, i + 100))) if (o.cross) facts.set(o.result.filePath, o.cross);
      }
      return facts;
    })();
    return this.#disk;
  }

  #entry(filePath: string): { entry: Entry; configPath: string | null } {
    const configPath = findConfigFile(dirname(filePath));
    let eslintCwd = this.root;
    for (const p of [filePath, ...(configPath ? [dirname(configPath)] : [])]) {
      while (!isInside(p, eslintCwd)) eslintCwd = dirname(eslintCwd);
    }
    const key = `${configPath ?? ""}\0${stamp(configPath)}\0${eslintCwd}`;
    let entry = this.#entries.get(key);
    if (!entry) {
      // Drop stale entries of the same configuration file (it was edited).
      for (const k of this.#entries.keys()) if (k.startsWith(`${configPath ?? ""}\0`) && k.endsWith(`\0${eslintCwd}`)) this.#entries.delete(k);
      const config = configPath ? loadConfigFile(configPath, this.root) : defaultConfig(this.root);
      const ignorer = new Ignorer(projectRoot(this.root));
      ignorer.addPatterns(config.dir, config.ignore);
      entry = { config, ignorer, eslintCwd, lint: this.#eslint(config, eslintCwd, false) };
      this.#entries.set(key, entry);
    }
    return { entry, configPath };
  }

  #eslint(config: KubeguardConfig, cwd: string, fix: false | "safe" | "hardening"): ESLint {
    return new ESLint({
      cwd,
      overrideConfigFile: true,
      overrideConfig: compileConfig(config, { applyHardening: fix === "hardening", extraPatterns: CONTENT_CANDIDATE_PATTERNS }) as Linter.Config[],
      errorOnUnmatchedPattern: false,
      warnIgnored: false,
      // As the CLI: apply rules' fixes, never the removal of unused suppressions (ruleId null).
      fix: fix ? (m: Linter.LintMessage) => m.ruleId !== null : false,
    });
  }

  /** Why a file is not linted, or null. */
  #skipReason(filePath: string, text: string, entry: Entry): string | null {
    // As a folder run collects them: kubeconfig / KubeletConfiguration `*.conf` and kubelet
    // environment files, recognised by their first bytes (here: the editor's text).
    if (!isLintTarget(filePath) && !sniffsAsClusterConfig(filePath, text.slice(0, SNIFF_BYTES))) return "not a YAML, JSON, kubelet unit or cluster configuration file";
    if (/\.json$/iu.test(filePath) && !K8S_JSON.test(text)) return "a JSON file without apiVersion/kind";
    if (entry.ignorer.ignores(filePath, false, dirname(filePath))) return "it matches an ignore rule";
    return null;
  }

  /** Lint a document's text (BOM or not) as the file at `filePath`. */
  async lint(filePath: string, text: string): Promise<LintOutcome> {
    let found;
    try {
      found = this.#entry(filePath);
    } catch (err) {
      const configPath = findConfigFile(dirname(filePath)) ?? "";
      return { kind: "config-error", message: (err as Error).message, configPath };
    }
    const { entry, configPath } = found;
    const skip = this.#skipReason(filePath, text, entry);
    if (skip) return { kind: "skipped", reason: skip };
    let raw: RawResult[];
    // Read the workspace's facts first: its own lint pass installs a collector of its own.
    const disk = await this.#workspaceFacts(entry);
    const collector = this.#collector;
    const body = text.replace(/^\uFEFF/u, "");
    if (this.#active++ === 0) this.#previousCollector = setCollector(collector);
    try {
      raw = (await entry.lint.lintText(body, { filePath, warnIgnored: false })) as RawResult[];
    } catch (err) {
      const e = err as Error;
      // ESLint's validation of rule options from the configuration file.
      if (configPath && /^(Key "|Could not find "|Error while loading rule|Configuration for rule)/u.test(e.message)) {
        return { kind: "config-error", message: `${relative(this.root, configPath) || configPath}: ${e.message.replace(/kubeguard\//gu, "")}`, configPath };
      }
      throw err;
    } finally {
      if (--this.#active === 0) setCollector(this.#previousCollector);
    }
    const r = raw[0];
    if (!r) return { kind: "skipped", reason: "no configuration applies to it" };
    const collected = collector.take(filePath);
    const config = r.messages.length || r.suppressedMessages.length || collected ? ((await entry.lint.calculateConfigForFile(filePath)) as { rules?: Record<string, unknown>; settings?: Record<string, unknown> }) : undefined;
    let crossChanged = false;
    if (collected) {
      const cross: CrossFile = { facts: collected.facts, rules: crossRuleSettings(config?.rules ?? {}, collected.rules), settings: collected.settings };
      const key = JSON.stringify(cross.facts.objects);
      crossChanged = this.#open.get(filePath)?.key !== key;
      this.#open.set(filePath, { cross, text: body, key });
      const merged = new Map(disk);
      const texts = new Map<string, string>();
      for (const [file, o] of this.#open) {
        merged.set(file, o.cross);
        texts.set(file, o.text);
      }
      addCrossFindings([r], merged, Object.values(allRules) as K8sRuleDefinition[], { cwd: this.root, texts });
    } else if (this.#open.delete(filePath)) crossChanged = true;
    const levels = config ? levelsFromConfig(config) : {};
    return { kind: "linted", result: convertResult(r, levels), configPath, crossChanged };
  }

  /**
   * The document with every fix applied by ESLint's fix loop — rules' safe fixes, plus hardening
   * with `hardening` (what `kubeguard --fix` applies). Null when nothing changes or the CLI would
   * refuse to write the result (YAML errors before or after).
   */
  async fix(filePath: string, text: string, hardening: boolean): Promise<string | null> {
    const { entry } = this.#entry(filePath);
    if (this.#skipReason(filePath, text, entry)) return null;
    const eslint = hardening ? (entry.fixHardening ??= this.#eslint(entry.config, entry.eslintCwd, "hardening")) : (entry.fixSafe ??= this.#eslint(entry.config, entry.eslintCwd, "safe"));
    const original = text.replace(/^\uFEFF/u, "");
    const [r] = (await eslint.lintText(original, { filePath, warnIgnored: false })) as RawResult[];
    if (!r || r.output === undefined || r.output === original) return null;
    const output = r.output.replace(/^\uFEFF/u, "");
    if (fileKindOf(filePath) === "yaml" && refuseReason(original, output, filePath)) return null;
    return output;
  }
}
