/**
 * @fileoverview The language server's linting: the CLI's pipeline for one in-memory document.
 *
 * For a document at `filePath` it finds `.kubeguard.yaml` upward (as the CLI does), compiles the
 * same flat config (`compileConfig`), honours the same ignore rules (`.gitignore`,
 * `.kubeguardignore`, the configuration's `ignore`) and lints the text with ESLint's `ESLint`
 * class (`lintText`), converting the result with the CLI's `convertResult`. ESLint instances are
 * kept per configuration file; the file is re-stat'ed on every lint (size, mtime, ctime, inode),
 * so an edited configuration takes effect even when the client sends no file-change notification.
 */
import { statSync } from "node:fs";
import { dirname, isAbsolute, relative } from "node:path";
import { ESLint, type Linter } from "eslint";
import { compileConfig, defaultConfig, findConfigFile, levelsFromConfig, loadConfigFile, type KubeguardConfig } from "../config/index.js";
import { convertResult, type RawResult } from "../cli/main.js";
import { Ignorer, isLintTarget, projectRoot } from "../cli/files.js";
import { refuseReason } from "../cli/write.js";
import { fileKindOf } from "../language/language.js";
import type { KubeguardResult } from "../formatters/types.js";

export type LintOutcome =
  | { kind: "linted"; result: KubeguardResult; configPath: string | null }
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

  /** `root`: the workspace folder. ESLint's cwd is the root when it contains the file and its configuration. */
  constructor(readonly root: string) {}

  /** Forget every loaded configuration and ignore file (they are read again on the next lint). */
  invalidate(): void {
    this.#entries.clear();
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
      overrideConfig: compileConfig(config, { applyHardening: fix === "hardening" }) as Linter.Config[],
      errorOnUnmatchedPattern: false,
      warnIgnored: false,
      // As the CLI: apply rules' fixes, never the removal of unused suppressions (ruleId null).
      fix: fix ? (m: Linter.LintMessage) => m.ruleId !== null : false,
    });
  }

  /** Why a file is not linted, or null. */
  #skipReason(filePath: string, text: string, entry: Entry): string | null {
    if (!isLintTarget(filePath)) return "not a YAML, JSON or kubelet unit file";
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
    try {
      raw = (await entry.lint.lintText(text.replace(/^\uFEFF/u, ""), { filePath, warnIgnored: false })) as RawResult[];
    } catch (err) {
      const e = err as Error;
      // ESLint's validation of rule options from the configuration file.
      if (configPath && /^(Key "|Could not find "|Error while loading rule|Configuration for rule)/u.test(e.message)) {
        return { kind: "config-error", message: `${relative(this.root, configPath) || configPath}: ${e.message.replace(/kubeguard\//gu, "")}`, configPath };
      }
      throw err;
    }
    const r = raw[0];
    if (!r) return { kind: "skipped", reason: "no configuration applies to it" };
    const levels = r.messages.length || r.suppressedMessages.length ? levelsFromConfig(await entry.lint.calculateConfigForFile(filePath)) : {};
    return { kind: "linted", result: convertResult(r, levels), configPath };
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
