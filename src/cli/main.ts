/**
 * @fileoverview The `kubeguard` command: a thin shell around ESLint's `ESLint` class. It parses the
 * command line, loads `.kubeguard.yaml`, collects the files (folders, globs, stdin; ignore files),
 * compiles a flat config (DESIGN §1, §6), lints, writes fixes atomically, formats and exits with
 * 0 (nothing at or above `--fail-on`), 1 (findings) or 2 (usage or internal error).
 */
import { parseArgs } from "node:util";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { closeSync, openSync, statSync, writeFileSync, writeSync } from "node:fs";
import type { ESLint as ESLintClass, Linter } from "eslint";
import { rules } from "../../rules/index.js";
import { PRESETS, SEVERITIES, type K8sRuleDefinition, type Preset, type Severity } from "../rule.js";
import { VERSION } from "../version.js";
import type { KubeguardMessage as ProcessedMessage } from "../eslint/processor.js";
import { fileKindOf } from "../language/language.js";
import {
  ConfigError,
  RULE_ALIASES,
  RULE_IDS,
  RULE_LEVELS,
  resolveRuleAlias,
  compileConfig,
  defaultConfig,
  didYouMean,
  findConfigFile,
  levelsFromConfig,
  loadConfigFile,
  ruleSeverity,
  type KubeguardConfig,
  type RuleLevel,
} from "../config/index.js";
import { formatters, type KubeguardMessage, type KubeguardResult } from "../formatters/index.js";
import { formatJsonPieces } from "../formatters/json.js";
import type { LspFormatContext } from "../formatters/lsp.js";
import { Ignorer, collectInputs, isLintTarget, nodeEnvironmentFiles, projectRoot } from "./files.js";
import { readText, refuseReason, withOriginalBom, writeFileAtomic } from "./write.js";
import { customRuleDefinitions } from "../custom/index.js";
import { BaselineError, runBaselineStep } from "../baseline/index.js";

/** Where the CLI reads and writes; tests pass their own. */
export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  stdin: AsyncIterable<string | Uint8Array>;
  cwd: string;
  env: Record<string, string | undefined>;
}

/** A usage error: message on stderr, exit code 2. */
class UsageError extends Error {
  override name = "UsageError";
}

export const HELP = `Usage: kubeguard [options] [paths...]
       kubeguard lsp [--stdio]   (the language server for editors, on stdin/stdout)

Lint Kubernetes manifests, Helm/kustomize output and cluster configuration (static pods,
kubelet/apiserver configuration, kubelet systemd units) for security problems.

Paths are files, folders (searched recursively for *.yaml, *.yml, *.json, *.service and
*.service.d/*.conf), globs, or - for stdin. Default: the current folder. .gitignore and
.kubeguardignore files and the configuration's \`ignore\` globs are honoured. A folder given by
name that holds a Chart.yaml is rendered with \`helm template\`, one with a kustomization.yaml with
\`kubectl kustomize\` (or \`kustomize build\`); findings point at the template, values, base or
patch file (\`source\` in --format json). \`helm template … | kubeguard -\` maps through the
\`# Source:\` comments, with the chart folder looked up from the current folder.

Options:
  -f, --format <name>           Output format: stylish (default; github when GITHUB_ACTIONS=true),
                                json, sarif, github, junit, compact or lsp. Repeatable: the Nth
                                --format goes to the Nth --output-file, the rest to stdout
                                (--format sarif -o out.sarif --format stylish)
  -o, --output-file <file>      Write the report to a file instead of stdout (repeatable)
      --fix                     Apply fixes, hardening included, and write the files
      --fix-dry-run             Print the fixes as a unified diff on stdout; write nothing
                                (the report then goes to --output-file, or to stderr)
  -c, --config <file>           Use this configuration instead of the nearest .kubeguard.yaml
      --preset <name>           Preset to enable (repeatable; replaces \`extends\`):
                                ${PRESETS.join(", ")}
      --rule <id>=<level>       Set a rule's level: off, warn or error (repeatable)
      --fail-on <severity>      Exit with 1 when a finding is at or above this severity:
                                critical, high, medium, low, info (default: info = any finding)
      --kubernetes-version <x.y>
                                Kubernetes version the manifests target (settings.kubernetesVersion)
      --stdin-filename <name>   File name for the text read from - (default: stdin.yaml)
      --list-rules              List the rules (with --format json: as JSON)
      --cache                   Reuse the results of unchanged files from the last --cache run
      --cache-location <path>   With --cache: the cache file, or a folder for it
                                (default: ./.kubeguardcache)
      --concurrency <n|auto|off>
                                Worker threads for linting many files (default: auto)
      --helm-bin <path>         The helm binary for chart folders (default: helm on PATH)
      --helm-values <file>      Values file for helm template (repeatable)
      --helm-set <key=value>    --set for helm template (repeatable)
      --helm-release <name>     Release name for helm template (default: release-name)
      --helm-namespace <ns>     Namespace for helm template
      --baseline <file>         Report only findings that are not in this baseline file
      --baseline-create[=<file>]
                                Write the current findings to a baseline (default: the
                                --baseline file, else .kubeguard-baseline.json) and report none

kubeguard migrate --from kube-linter|polaris|checkov <config> [-o <file>] [--force]
                                Write the equivalent .kubeguard.yaml (see docs/migration/)
  -h, --help                    Show this help
  -v, --version                 Show the version

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or internal error.
`;

/** `process.env` copied to a plain object once: the \`yaml\` parser reads it per token (DESIGN §9). */
let envCopied = false;
function copyProcessEnv(): void {
  if (envCopied) return;
  envCopied = true;
  process.env = { ...process.env };
}

interface CliOptions {
  paths: string[];
  format: string;
  outputFile?: string;
  /** Every report of the run: format and file (stdout when absent), paired by position. */
  outputs: { format: string; file?: string }[];
  /** Whether --format was given (else GITHUB_ACTIONS=true picks github). */
  formatGiven: boolean;
  fix: boolean;
  fixDryRun: boolean;
  config?: string;
  presets: Preset[];
  ruleLevels: Record<string, RuleLevel>;
  failOn: Severity;
  listRules: boolean;
  kubernetesVersion?: string;
  stdinFilename: string;
  cache: boolean;
  cacheLocation?: string;
  concurrency: number | "auto" | "off";
  baseline?: string;
  baselineCreate?: string | true;
  helm: { bin?: string; values: string[]; set: string[]; release?: string; namespace?: string };
  help: boolean;
  version: boolean;
}

/** Parse and validate the command line. Throws UsageError. */
export function parseCommandLine(argvIn: string[]): CliOptions {
  // `--baseline-create` takes an optional `=<file>`, which parseArgs cannot express.
  let baselineCreate: string | true | undefined;
  const argv = argvIn.filter((a) => {
    if (a === "--baseline-create") baselineCreate = true;
    else if (a.startsWith("--baseline-create=")) baselineCreate = a.slice("--baseline-create=".length) || true;
    else return true;
    return false;
  });
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: "string", short: "f", multiple: true },
        "output-file": { type: "string", short: "o", multiple: true },
        fix: { type: "boolean" },
        "fix-dry-run": { type: "boolean" },
        config: { type: "string", short: "c" },
        preset: { type: "string", multiple: true },
        rule: { type: "string", multiple: true },
        "fail-on": { type: "string" },
        "list-rules": { type: "boolean" },
        "kubernetes-version": { type: "string" },
        "stdin-filename": { type: "string" },
        cache: { type: "boolean" },
        "cache-location": { type: "string" },
        concurrency: { type: "string" },
        baseline: { type: "string" },
        "helm-bin": { type: "string" },
        "helm-values": { type: "string", multiple: true },
        "helm-set": { type: "string", multiple: true },
        "helm-release": { type: "string" },
        "helm-namespace": { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional argument.*$/su, ""));
  }
  const v = parsed.values;
  const oneOf = <T extends string>(option: string, value: string, allowed: readonly T[]): T => {
    if (!(allowed as readonly string[]).includes(value)) {
      const guess = didYouMean(value, allowed);
      throw new UsageError(`--${option}: unknown value '${value}'${guess ? ` (did you mean ${guess}?)` : ""}; expected one of ${allowed.join(", ")}`);
    }
    return value as T;
  };
  const formatNames = (v.format ?? []).map((f) => oneOf("format", f, Object.keys(formatters)));
  const outputFiles = v["output-file"] ?? [];
  if (outputFiles.length > Math.max(formatNames.length, 1)) throw new UsageError("more --output-file than --format options");
  const outputs = (formatNames.length ? formatNames : ["stylish"]).map((f, i) => ({ format: f, file: outputFiles[i] }));
  if (outputs.filter((o) => o.file === undefined).length > 1) throw new UsageError("only one --format can go to stdout; give the others an --output-file");
  const format = outputs[0]!.format;
  const ruleLevels: Record<string, RuleLevel> = {};
  for (const spec of v.rule ?? []) {
    const eq = spec.lastIndexOf("=");
    if (eq <= 0) throw new UsageError(`--rule: expected <id>=off|warn|error, got '${spec}'`);
    const rawId = spec.slice(0, eq).trim();
    const id = resolveRuleAlias(rawId.startsWith("kubeguard/") ? rawId.slice("kubeguard/".length) : rawId);
    if (!RULE_IDS.includes(id)) {
      const guess = didYouMean(id, RULE_IDS);
      throw new UsageError(`--rule: unknown rule '${id}'${guess ? ` (did you mean ${guess}?)` : ""}`);
    }
    ruleLevels[id] = oneOf("rule", spec.slice(eq + 1).trim(), RULE_LEVELS);
  }
  const kubernetesVersion = v["kubernetes-version"];
  if (kubernetesVersion !== undefined && !/^\d+\.\d+$/u.test(kubernetesVersion)) {
    throw new UsageError(`--kubernetes-version: expected major.minor such as 1.31, got '${kubernetesVersion}'`);
  }
  if (v.fix && v["fix-dry-run"]) throw new UsageError("--fix and --fix-dry-run cannot be used together");
  const stdinFilename = v["stdin-filename"] ?? "stdin.yaml";
  const concurrencyText = v.concurrency ?? "auto";
  if (!/^(auto|off|[1-9]\d*)$/u.test(concurrencyText)) throw new UsageError(`--concurrency: expected a number of threads, auto or off, got '${concurrencyText}'`);
  const concurrency = concurrencyText === "auto" || concurrencyText === "off" ? concurrencyText : Number(concurrencyText);
  const paths = parsed.positionals.length ? parsed.positionals : ["."];
  if (v["stdin-filename"] !== undefined && !paths.includes("-")) throw new UsageError("--stdin-filename needs - among the paths");
  return {
    paths,
    format,
    outputFile: outputFiles[0],
    outputs,
    formatGiven: formatNames.length > 0,
    fix: v.fix ?? false,
    fixDryRun: v["fix-dry-run"] ?? false,
    config: v.config,
    presets: (v.preset ?? []).map((p) => oneOf("preset", p, PRESETS)),
    ruleLevels,
    failOn: oneOf("fail-on", v["fail-on"] ?? "info", SEVERITIES),
    listRules: v["list-rules"] ?? false,
    kubernetesVersion,
    stdinFilename,
    cache: v.cache ?? false,
    cacheLocation: v["cache-location"],
    concurrency,
    help: v.help ?? false,
    version: v.version ?? false,
    baseline: v.baseline,
    baselineCreate,
    helm: {
      bin: v["helm-bin"],
      values: v["helm-values"] ?? [],
      set: (v["helm-set"] ?? []).map((kv) => {
        if (!/^[^=]+=/u.test(kv)) throw new UsageError(`--helm-set: expected <key>=<value>, got '${kv}'`);
        return kv;
      }),
      release: v["helm-release"],
      namespace: v["helm-namespace"],
    },
  };
}

const ruleList = (Object.values(rules) as K8sRuleDefinition[]).slice().sort((a, b) => (a.name < b.name ? -1 : 1));
const ruleByName = new Map(ruleList.map((r) => [r.name, r]));
/** The configuration's custom rules (src/custom) for the current run: url and fixability like built-ins. */
let customRuleByName = new Map<string, K8sRuleDefinition>();

/** `--list-rules`: JSON entries built from each rule's meta. */
export function listRulesJson(): object[] {
  return ruleList.map((r) => ({
    id: r.name,
    description: r.meta.docs.description,
    severity: r.meta.docs.severity,
    presets: r.meta.docs.presets,
    fixable: Boolean(r.meta.fixable),
    hasSuggestions: Boolean(r.meta.hasSuggestions),
    standards: r.meta.docs.standards ?? {},
    equivalents: r.meta.docs.equivalents ?? {},
    url: r.meta.docs.url,
  }));
}

/** `--list-rules` entries for catalog ids that another rule implements (`meta.docs.aliases`). */
function aliasEntries(): { id: string; aliasOf: string }[] {
  return Object.entries(RULE_ALIASES)
    .map(([id, aliasOf]) => ({ id, aliasOf }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

function listRulesTable(): string {
  const rows = ruleList.map((r) => [
    r.name,
    r.meta.docs.severity,
    r.meta.docs.presets.join(","),
    r.meta.fixable ? (r.meta.hasSuggestions ? "fix*" : "fix") : r.meta.hasSuggestions ? "suggest" : "",
    r.meta.docs.description,
  ]);
  const header = ["RULE", "SEVERITY", "PRESETS", "FIX", "DESCRIPTION"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join("  ");
  const aliases = aliasEntries().map((a) => `${a.id}  alias of ${a.aliasOf}`);
  return `${[line(header), ...rows.map(line)].join("\n")}\n\n${rows.length} rules. fix* = hardening fix: a suggestion in editors, applied by kubeguard --fix.\n${aliases.length ? `\nAliases (catalog ids implemented by another rule; accepted in config and --rule):\n${aliases.join("\n")}\n` : ""}`;
}

/** Bare ids of the kubeguard rules some config object turns on (SARIF's `tool.driver.rules`). */
function enabledRules(configs: Linter.Config[]): string[] {
  const on = new Set<string>();
  for (const c of configs) {
    for (const [id, entry] of Object.entries(c.rules ?? {})) {
      if (!id.startsWith("kubeguard/")) continue;
      const level = Array.isArray(entry) ? entry[0] : entry;
      // An override (basePath + files) turning a rule off leaves it on for the other files.
      if (level === "off" || level === 0) {
        if (!(c as { basePath?: string }).basePath) on.delete(id.slice("kubeguard/".length));
      }
      else on.add(id.slice("kubeguard/".length));
    }
  }
  return [...on].filter((id) => ruleByName.has(id)).sort();
}

/** Rank for --fail-on comparisons: critical 4 … info 0. */
const rank = (s: Severity): number => SEVERITIES.length - 1 - SEVERITIES.indexOf(s);

const isInside = (child: string, parent: string): boolean => {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
};

/** Where to start looking for `.kubeguard.yaml`: the first path's folder, else the cwd. */
function configSearchStart(paths: string[], cwd: string): string {
  const first = paths.find((p) => p !== "-");
  if (!first) return cwd;
  const abs = resolve(cwd, first.split(/[*?[{]/u)[0] || ".");
  try {
    return statSync(abs).isDirectory() ? abs : dirname(abs);
  } catch {
    return cwd;
  }
}

async function readAll(stream: AsyncIterable<string | Uint8Array>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

export type RawResult = ESLintClass.LintResult & { messages: ProcessedMessage[]; suppressedMessages: (ProcessedMessage & { suppressions?: { kind: string; justification: string }[] })[] };

/** Replace a result's `usedDeprecatedRules` getter (it keeps ESLint's instance alive) by its value. */
function releaseLinter(r: ESLintClass.LintResult): void {
  const d = Object.getOwnPropertyDescriptor(r, "usedDeprecatedRules");
  if (d?.get) Object.defineProperty(r, "usedDeprecatedRules", { value: r.usedDeprecatedRules, enumerable: true, configurable: true, writable: true });
}

/** Convert one ESLint message to kubeguard's shape (bare id, level, url, resource). */
function convertMessage(m: ProcessedMessage & { suppressions?: { kind: string; justification: string }[] }, levels: Record<string, Severity>): KubeguardMessage {
  const ruleId = m.ruleId?.startsWith("kubeguard/") ? m.ruleId.slice("kubeguard/".length) : m.ruleId;
  const rule = ruleId ? (ruleByName.get(ruleId) ?? customRuleByName.get(ruleId)) : undefined;
  const level: Severity = ruleId ? (levels[ruleId] ?? ruleSeverity(ruleId)) : m.severity === 2 ? "high" : "info";
  const out: KubeguardMessage = {
    ruleId,
    severity: m.severity === 2 ? 2 : 1,
    level,
    message: m.message,
    line: m.line,
    column: m.column,
    resource: m.resource ?? null,
  };
  if (m.messageId) out.messageId = m.messageId;
  if (m.endLine !== undefined) out.endLine = m.endLine;
  if (m.endColumn !== undefined) out.endColumn = m.endColumn;
  if (rule) out.url = rule.meta.docs.url;
  if (m.helmSource) out.helmSource = m.helmSource;
  if (m.source) out.source = m.source;
  const sourceFix = (m as { sourceFix?: KubeguardMessage["sourceFix"] }).sourceFix;
  if (sourceFix) out.sourceFix = sourceFix;
  if (m.fatal) out.fatal = true;
  if (m.fix) out.fix = { range: [m.fix.range[0], m.fix.range[1]], text: m.fix.text };
  if (m.suggestions?.length) {
    out.suggestions = m.suggestions.map((s) => ({
      desc: s.desc,
      ...(s.messageId ? { messageId: s.messageId } : {}),
      fix: { range: [s.fix.range[0], s.fix.range[1]], text: s.fix.text },
    }));
  }
  if (m.suppressions) out.suppressions = m.suppressions;
  if (m.related?.length) out.related = m.related;
  return out;
}

/** The edit `kubeguard --fix` applies for a message: its fix, or the hardening suggestion of a fixable rule. */
function cliEdit(m: ProcessedMessage): { range: [number, number]; text: string } | null {
  if (m.ruleId === null) return null;
  if (m.fix) return { range: [m.fix.range[0], m.fix.range[1]], text: m.fix.text };
  const id = m.ruleId.startsWith("kubeguard/") ? m.ruleId.slice("kubeguard/".length) : m.ruleId;
  const rule = ruleByName.get(id) ?? customRuleByName.get(id);
  const s = rule?.meta.fixable ? m.suggestions?.[0] : undefined;
  return s ? { range: [s.fix.range[0], s.fix.range[1]], text: s.fix.text } : null;
}

/** Whether `kubeguard --fix` can fix a message: a fix, or a hardening suggestion of a fixable rule. */
function fixableByCli(m: KubeguardMessage): boolean {
  if (m.fix) return true;
  const rule = m.ruleId ? (ruleByName.get(m.ruleId) ?? customRuleByName.get(m.ruleId)) : undefined;
  return Boolean(rule?.meta.fixable && m.suggestions?.length);
}

export function convertResult(r: RawResult, levels: Record<string, Severity>): KubeguardResult {
  const messages = r.messages.map((m) => convertMessage(m, levels));
  const count = (severity: 1 | 2, fixable: boolean): number => messages.filter((m) => m.severity === severity && (!fixable || fixableByCli(m))).length;
  return {
    filePath: r.filePath,
    messages,
    suppressedMessages: r.suppressedMessages.map((m) => convertMessage(m, levels)),
    errorCount: count(2, false),
    fatalErrorCount: messages.filter((m) => m.fatal).length,
    warningCount: count(1, false),
    fixableErrorCount: count(2, true),
    fixableWarningCount: count(1, true),
  };
}

/** Write a report given in pieces to a file or a stream, in batches of about 1 MB. */
function writeReportPieces(pieces: Iterable<string>, to: string | { write(text: string): unknown }): void {
  const fd = typeof to === "string" ? openSync(to, "w") : null;
  try {
    let batch = "";
    const flush = (): void => {
      if (!batch) return;
      if (fd !== null) writeSync(fd, batch);
      else (to as { write(text: string): unknown }).write(batch);
      batch = "";
    };
    for (const piece of pieces) {
      batch += piece;
      if (batch.length >= 1 << 20) flush();
    }
    flush();
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** Run kubeguard. Resolves to the exit code; never throws. */
export async function main(argv: string[], ioIn: Partial<CliIO> = {}): Promise<number> {
  copyProcessEnv();
  const io: CliIO = {
    stdout: ioIn.stdout ?? process.stdout,
    stderr: ioIn.stderr ?? process.stderr,
    stdin: ioIn.stdin ?? process.stdin,
    cwd: ioIn.cwd ?? process.cwd(),
    env: ioIn.env ?? process.env,
  };
  try {
    return await run(argv, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`kubeguard: ${err.message}\nRun 'kubeguard --help' for usage.\n`);
      return 2;
    }
    if (err instanceof ConfigError || err instanceof BaselineError) {
      io.stderr.write(`kubeguard: ${err.message}\n`);
      return 2;
    }
    const e = err as Error & { messageTemplate?: string };
    // ESLint's own configuration validation (e.g. invalid rule options) is a configuration error.
    if (e && typeof e.message === "string" && /^(Key "|Could not find "|Error while loading rule|Configuration for rule)/u.test(e.message)) {
      io.stderr.write(`kubeguard: configuration error: ${e.message.replace(/kubeguard\//gu, "")}\n`);
      return 2;
    }
    io.stderr.write(`kubeguard: internal error: ${e?.stack ?? String(err)}\n`);
    return 2;
  }
}

async function run(argv: string[], io: CliIO): Promise<number> {
  if (argv[0] === "migrate") return (await import("../migrate/cli.js")).runMigrate(argv.slice(1), { ...io, cwd: resolve(io.cwd) });
  if (argv[0] === "lsp") {
    // `kubeguard lsp`: the language server, loaded only for this subcommand.
    const { runLanguageServer } = await import("../lsp/server.js");
    return runLanguageServer(argv.slice(1), io);
  }
  const options = parseCommandLine(argv);
  if (options.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (options.version) {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (options.listRules) {
    io.stdout.write(options.format === "json" ? `${JSON.stringify([...listRulesJson(), ...aliasEntries()], null, 2)}\n` : listRulesTable());
    return 0;
  }

  const cwd = resolve(io.cwd);
  const configPath = options.config ?? findConfigFile(configSearchStart(options.paths, cwd));
  const config: KubeguardConfig = configPath ? loadConfigFile(configPath, cwd) : defaultConfig(cwd);
  customRuleByName = new Map(Object.entries(customRuleDefinitions(config.customRules ?? [])));

  const ignorer = new Ignorer(projectRoot(cwd));
  ignorer.addPatterns(config.dir, config.ignore);
  const inputs = collectInputs(options.paths, cwd, ignorer, { render: true });
  if (inputs.missing.length) throw new UsageError(`no such file or directory: ${inputs.missing.join(", ")}`);
  if (inputs.unmatched.length) throw new UsageError(`no files match: ${inputs.unmatched.join(", ")}`);
  for (const f of inputs.ignoredExplicit) io.stderr.write(`kubeguard: skipping ${relative(cwd, f) || f}: it matches an ignore rule\n`);
  // Inputs that cannot be read are named; the rest is linted; the exit code is 2 (docs/robustness.md).
  for (const u of inputs.unreadable) io.stderr.write(`kubeguard: cannot lint ${relative(cwd, u.path) || u.path}: ${u.reason}\n`);
  const stdinPath = inputs.stdin ? resolve(cwd, options.stdinFilename) : null;

  // Helm charts and kustomizations given by name: rendered with the real tools (src/inputs). A
  // failure (tool missing, template error) is reported and the rest of the run goes on.
  const { renderInputs } = inputs.charts.length || inputs.kustomizations.length ? await import("../inputs/index.js") : { renderInputs: null };
  const renders = renderInputs ? await renderInputs(inputs.charts, inputs.kustomizations, options.helm, cwd, io.env) : { rendered: [], errors: [] };
  for (const e of renders.errors) io.stderr.write(`kubeguard: ${e}\n`);
  const renderedText = new Map(renders.rendered.map((r) => [r.path, r.text]));

  // ESLint's cwd must contain every linted file (it ignores files outside its base path).
  let eslintCwd = cwd;
  for (const p of [...inputs.files, ...renderedText.keys(), ...(stdinPath ? [stdinPath] : []), ...(config.path ? [config.dir] : [])]) {
    while (!isInside(p, eslintCwd)) eslintCwd = dirname(eslintCwd);
  }
  const posixRel = (p: string): string => relative(eslintCwd, p).split(sep).join("/");
  const extraFiles = inputs.explicitNonTargets.map(posixRel);
  if (stdinPath && !isLintTarget(stdinPath)) extraFiles.push(posixRel(stdinPath));

  const fixing = options.fix || options.fixDryRun;
  // Environment files of the run, for the systemd units that name them (EnvironmentFile=).
  const environmentFiles = nodeEnvironmentFiles(inputs.files, fileKindOf);
  const compileOptions = {
    presets: options.presets,
    ruleLevels: options.ruleLevels,
    kubernetesVersion: options.kubernetesVersion,
    applyHardening: fixing,
    extraFiles,
    ...(Object.keys(environmentFiles).length ? { environmentFiles } : {}),
  };
  const overrideConfig = compileConfig(config, compileOptions);

  // Lint: serial or in worker threads, through the cache or not (src/cli/engine.ts). The spec is
  // what compileConfig above was given: each thread compiles the same ESLint configuration.
  const { lintRun } = await import("./engine.js");
  const progress = io.stderr.isTTY === true && inputs.files.length > 200;
  const lintOut = await lintRun({
    spec: {
      eslintCwd,
      config,
      compile: compileOptions,
      fixing,
    },
    files: inputs.files,
    concurrency: options.concurrency,
    cacheLocation: options.cache ? resolve(cwd, options.cacheLocation ?? ".kubeguardcache") : null,
    stdinPath,
    readStdin: () => readAll(io.stdin),
    onProgress: progress ? (done, total) => io.stderr.write(`\rkubeguard: ${done}/${total} files`) : undefined,
  });
  if (progress) io.stderr.write("\r\u001b[K");
  // Documents/resources per file (the last lint pass of a file wins).
  const { raw, objectCounts, stdinText } = lintOut;
  // ESLint gives each result a `usedDeprecatedRules` getter that holds its ESLint instance, which
  // holds the last linted file's SourceCode: the whole AST of a big stream stayed alive through
  // the report (~28 MB per MB of YAML). Its value (cached per config by ESLint) replaces it.
  for (const r of raw) releaseLinter(r);
  // Rendered charts/kustomizations: linted as text under a virtual path inside their folder; fixes
  // are never written into rendered output. Helm: `--fix` edits a template where the fixed text is
  // literal template text (verified by rendering again), else the finding gets a suggestion naming
  // the values.yaml key (src/inputs/template-fix.ts). Kustomize: report only.
  let renderingLinter: import("./engine.js").ChunkLinter | null = null;
  const renderLinter = async (): Promise<import("./engine.js").ChunkLinter> =>
    (renderingLinter ??= await (await import("./engine.js")).createChunkLinter({
      eslintCwd,
      config,
      compile: { presets: options.presets, ruleLevels: options.ruleLevels, kubernetesVersion: options.kubernetesVersion, applyHardening: fixing, extraFiles },
      fixing: false,
    }));
  const templateFixOptions = {
    cwd,
    env: io.env,
    helm: options.helm,
    editOf: cliEdit,
    mode: options.fixDryRun ? ("dry-run" as const) : options.fix ? ("fix" as const) : ("report" as const),
  };
  let templateDiff = "";
  if (renders.rendered.length) {
    const linter = await renderLinter();
    if (fixing) {
      for (const r of renders.rendered) {
        if (r.origin.kind !== "helm") io.stderr.write(`kubeguard: fixes for ${relative(cwd, dirname(r.path)) || "."} are not applied: it is rendered (helm/kustomize) output; edit the file named in each finding's source\n`);
      }
    }
    for (const r of renders.rendered) {
      let outcomes: import("./engine.js").FileOutcome[];
      if (r.origin.kind === "helm") {
        const { fixRenderedHelm } = await import("../inputs/template-fix.js");
        const fixed = await fixRenderedHelm(r.text, { ...templateFixOptions, chartDir: r.origin.chartDir, lint: (text) => linter.lintText(text, r.path) });
        outcomes = fixed.outcomes;
        renderedText.set(r.path, fixed.text);
        templateDiff += fixed.diff;
      } else outcomes = await linter.lintText(r.text, r.path);
      for (const o of outcomes) {
        raw.push(o.result);
        if (o.objects !== null) objectCounts.set(o.result.filePath, o.objects);
        lintOut.levels.set(o.result.filePath, o.levels);
        if (o.cross) lintOut.cross.set(o.result.filePath, o.cross);
      }
    }
  }
  // `helm template` output read from a file or stdin (`# Source:` comments): the same, with the
  // chart looked up from the current folder; its own text is never fixed.
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i]!;
    if (renderedText.has(r.filePath) || (r.output === undefined && !(r.messages as ProcessedMessage[]).some((m) => m.helmSource))) continue;
    const original = r.filePath === stdinPath ? stdinText : readText(r.filePath);
    const { fixRenderedHelm, HELM_OUTPUT } = await import("../inputs/template-fix.js");
    if (!HELM_OUTPUT.test(original)) continue;
    const linter = fixing ? await renderLinter() : null;
    const levels = lintOut.levels.get(r.filePath) ?? {};
    const fixed = await fixRenderedHelm(original, {
      ...templateFixOptions,
      chartDir: null,
      lint: async (text) => (linter ? linter.lintText(text, r.filePath) : [{ result: r, objects: null, levels }]),
    });
    templateDiff += fixed.diff;
    const o = fixed.outcomes[0];
    if (o && o.result !== r) {
      raw[i] = o.result;
      if (o.objects !== null) objectCounts.set(o.result.filePath, o.objects);
      lintOut.levels.set(o.result.filePath, o.levels);
      if (o.cross) lintOut.cross.set(o.result.filePath, o.cross);
    }
  }

  // Cross-document rules (src/crossdoc): one index over the facts of every file, each rule once.
  if (lintOut.cross.size) {
    const { addCrossFindings } = await import("./cross.js");
    const texts = new Map(renderedText);
    if (stdinPath) texts.set(stdinPath, stdinText);
    addCrossFindings(raw, lintOut.cross, ruleList, { cwd, texts, releaseNamespace: options.helm.namespace ?? null });
    // The facts of every file are not read again: let them go before the results are converted.
    lintOut.cross.clear();
  }

  // Fixes: write (atomically) or print as a diff.
  let diffText = templateDiff;
  for (const r of raw) {
    if (r.output === undefined) continue;
    if (renderedText.has(r.filePath)) continue; // never write into rendered output
    const isStdin = r.filePath === stdinPath;
    const rel = relative(cwd, r.filePath).split(sep).join("/") || r.filePath;
    const original = isStdin ? stdinText : readText(r.filePath);
    const output = withOriginalBom(original, r.output);
    if (output === original) continue;
    const brokenByValidYaml = r.messages.some((m) => m.ruleId === "kubeguard/valid-yaml" && m.messageId !== "warning");
    const refusal = brokenByValidYaml ? "it has YAML errors (see valid-yaml)" : refuseReason(original, output, r.filePath);
    if (refusal) {
      io.stderr.write(`kubeguard: not writing fixes to ${rel}: ${refusal}\n`);
      continue;
    }
    if (options.fixDryRun) {
      const { createTwoFilesPatch, FILE_HEADERS_ONLY } = await import("diff");
      diffText += createTwoFilesPatch(`a/${rel}`, `b/${rel}`, original, output, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
    } else if (isStdin) {
      io.stderr.write(`kubeguard: fixes for ${rel} (stdin) are not written; use --fix-dry-run to see them\n`);
    } else {
      writeFileAtomic(r.filePath, output);
    }
  }

  // Baseline (src/baseline): record the findings, or keep only those that are new.
  runBaselineStep(
    raw,
    { baseline: options.baseline, create: options.baselineCreate },
    cwd,
    (f) => raw.find((r) => r.filePath === f)?.output ?? (f === stdinPath ? stdinText : (renderedText.get(f) ?? readText(f))),
    (f, text) => writeFileAtomic(f, text),
    io.stderr,
  );

  // Where a person edits each finding: the file itself, or the template/values/overlay file (src/sourcemap).
  const { SourceMapper } = await import("../sourcemap/index.js");
  new SourceMapper({ cwd, rendered: new Map(renders.rendered.map((r) => [r.path, r.origin])) }).attach(raw);

  // kubeguard's result shape, with the severity level that applies to each file.
  const results: KubeguardResult[] = [];
  for (const r of raw) {
    const levels = lintOut.levels.get(r.filePath) ?? {};
    results.push(convertResult(r, levels));
    // Nothing below reads ESLint's messages again (only filePath, output, source): let them go
    // instead of keeping both shapes of every message alive through formatting (peak memory).
    r.messages = [];
    r.suppressedMessages = [];
  }
  results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));

  // Reports: each --format to its --output-file, or to stdout (stderr under --fix-dry-run, whose
  // diff takes stdout). In GitHub Actions with no --format, the stdout report is `github`.
  const outputs = options.outputs.map((o) => (!options.formatGiven && o.file === undefined && io.env.GITHUB_ACTIONS === "true" ? { ...o, format: "github" } : o));
  const enabled = enabledRules(overrideConfig as Linter.Config[]);
  // The text each result's fix offsets refer to (`--format lsp` turns them into positions).
  const sources = new Map(raw.map((r) => [r.filePath, r.output ?? r.source]));
  for (const output of outputs) {
    const color = output.file === undefined && !options.fixDryRun && io.stdout.isTTY === true && io.env.NO_COLOR === undefined;
    const context: LspFormatContext = { cwd, color, rules: enabled, sources };
    if (output.format === "json") {
      // Written in pieces: a big stream's report can exceed V8's longest string (formatJsonPieces).
      writeReportPieces(formatJsonPieces(results), output.file !== undefined ? resolve(cwd, output.file) : options.fixDryRun ? io.stderr : io.stdout);
      continue;
    }
    const report = formatters[output.format]!(results, context);
    if (output.file !== undefined) writeFileSync(resolve(cwd, output.file), report);
    else if (options.fixDryRun) io.stderr.write(report);
    else io.stdout.write(report);
  }
  if (options.fixDryRun) io.stdout.write(diffText);

  // "No objects" is reported, not silent success (DESIGN §7).
  const objects =
    [...objectCounts.values()].reduce((a, b) => a + b, 0) +
    raw.filter((r) => fileKindOf(r.filePath) !== "yaml").length +
    results.reduce((n, r) => n + r.messages.filter((m) => m.resource?.kind).length, 0);
  if (objects === 0) io.stderr.write(`kubeguard: no Kubernetes objects found in ${options.paths.join(", ")}\n`);

  const failing = results.some((r) => r.messages.some((m) => rank(m.level) >= rank(options.failOn)));
  if (renders.errors.length) return 2;
  if (inputs.unreadable.length) return 2;
  return failing ? 1 : 0;
}
