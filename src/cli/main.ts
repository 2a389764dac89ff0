/**
 * @fileoverview The `kubeguard` command: a thin shell around ESLint's `ESLint` class. It parses the
 * command line, loads `.kubeguard.yaml`, collects the files (folders, globs, stdin; ignore files),
 * compiles a flat config (DESIGN §1, §6), lints, writes fixes atomically, formats and exits with
 * 0 (nothing at or above `--fail-on`), 1 (findings) or 2 (usage or internal error).
 */
import { parseArgs } from "node:util";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { statSync, writeFileSync } from "node:fs";
import type { ESLint as ESLintClass, Linter } from "eslint";
import { rules } from "../../rules/index.js";
import { PRESETS, SEVERITIES, type K8sRuleDefinition, type Preset, type Severity } from "../rule.js";
import { VERSION } from "../version.js";
import { setSpanListener, type KubeguardMessage as ProcessedMessage } from "../eslint/processor.js";
import { fileKindOf } from "../language/language.js";
import {
  ConfigError,
  RULE_IDS,
  RULE_LEVELS,
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
import { Ignorer, collectInputs, isLintTarget, projectRoot } from "./files.js";
import { readText, refuseReason, withOriginalBom, writeFileAtomic } from "./write.js";

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

Lint Kubernetes manifests, Helm/kustomize output and cluster configuration (static pods,
kubelet/apiserver configuration, kubelet systemd units) for security problems.

Paths are files, folders (searched recursively for *.yaml, *.yml, *.json, *.service and
*.service.d/*.conf), globs, or - for stdin. Default: the current folder. .gitignore and
.kubeguardignore files and the configuration's \`ignore\` globs are honoured.

Options:
  -f, --format <name>           Output format: stylish (default) or json
  -o, --output-file <file>      Write the report to a file instead of stdout
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
  fix: boolean;
  fixDryRun: boolean;
  config?: string;
  presets: Preset[];
  ruleLevels: Record<string, RuleLevel>;
  failOn: Severity;
  listRules: boolean;
  kubernetesVersion?: string;
  stdinFilename: string;
  help: boolean;
  version: boolean;
}

/** Parse and validate the command line. Throws UsageError. */
export function parseCommandLine(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: "string", short: "f" },
        "output-file": { type: "string", short: "o" },
        fix: { type: "boolean" },
        "fix-dry-run": { type: "boolean" },
        config: { type: "string", short: "c" },
        preset: { type: "string", multiple: true },
        rule: { type: "string", multiple: true },
        "fail-on": { type: "string" },
        "list-rules": { type: "boolean" },
        "kubernetes-version": { type: "string" },
        "stdin-filename": { type: "string" },
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
  const format = oneOf("format", v.format ?? "stylish", Object.keys(formatters));
  const ruleLevels: Record<string, RuleLevel> = {};
  for (const spec of v.rule ?? []) {
    const eq = spec.lastIndexOf("=");
    if (eq <= 0) throw new UsageError(`--rule: expected <id>=off|warn|error, got '${spec}'`);
    const rawId = spec.slice(0, eq).trim();
    const id = rawId.startsWith("kubeguard/") ? rawId.slice("kubeguard/".length) : rawId;
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
  const paths = parsed.positionals.length ? parsed.positionals : ["."];
  if (v["stdin-filename"] !== undefined && !paths.includes("-")) throw new UsageError("--stdin-filename needs - among the paths");
  return {
    paths,
    format,
    outputFile: v["output-file"],
    fix: v.fix ?? false,
    fixDryRun: v["fix-dry-run"] ?? false,
    config: v.config,
    presets: (v.preset ?? []).map((p) => oneOf("preset", p, PRESETS)),
    ruleLevels,
    failOn: oneOf("fail-on", v["fail-on"] ?? "info", SEVERITIES),
    listRules: v["list-rules"] ?? false,
    kubernetesVersion,
    stdinFilename,
    help: v.help ?? false,
    version: v.version ?? false,
  };
}

const ruleList = (Object.values(rules) as K8sRuleDefinition[]).slice().sort((a, b) => (a.name < b.name ? -1 : 1));
const ruleByName = new Map(ruleList.map((r) => [r.name, r]));

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
  return `${[line(header), ...rows.map(line)].join("\n")}\n\n${rows.length} rules. fix* = hardening fix: a suggestion in editors, applied by kubeguard --fix.\n`;
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

type RawResult = ESLintClass.LintResult & { messages: ProcessedMessage[]; suppressedMessages: (ProcessedMessage & { suppressions?: { kind: string; justification: string }[] })[] };

/** Convert one ESLint message to kubeguard's shape (bare id, level, url, resource). */
function convertMessage(m: ProcessedMessage & { suppressions?: { kind: string; justification: string }[] }, levels: Record<string, Severity>): KubeguardMessage {
  const ruleId = m.ruleId?.startsWith("kubeguard/") ? m.ruleId.slice("kubeguard/".length) : m.ruleId;
  const rule = ruleId ? ruleByName.get(ruleId) : undefined;
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
  return out;
}

/** Whether `kubeguard --fix` can fix a message: a fix, or a hardening suggestion of a fixable rule. */
function fixableByCli(m: KubeguardMessage): boolean {
  if (m.fix) return true;
  const rule = m.ruleId ? ruleByName.get(m.ruleId) : undefined;
  return Boolean(rule?.meta.fixable && m.suggestions?.length);
}

function convertResult(r: RawResult, levels: Record<string, Severity>): KubeguardResult {
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
    if (err instanceof ConfigError) {
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
    io.stdout.write(options.format === "json" ? `${JSON.stringify(listRulesJson(), null, 2)}\n` : listRulesTable());
    return 0;
  }

  const cwd = resolve(io.cwd);
  const configPath = options.config ?? findConfigFile(configSearchStart(options.paths, cwd));
  const config: KubeguardConfig = configPath ? loadConfigFile(configPath, cwd) : defaultConfig(cwd);

  const ignorer = new Ignorer(projectRoot(cwd));
  ignorer.addPatterns(config.dir, config.ignore);
  const inputs = collectInputs(options.paths, cwd, ignorer);
  if (inputs.missing.length) throw new UsageError(`no such file or directory: ${inputs.missing.join(", ")}`);
  if (inputs.unmatched.length) throw new UsageError(`no files match: ${inputs.unmatched.join(", ")}`);
  for (const f of inputs.ignoredExplicit) io.stderr.write(`kubeguard: skipping ${relative(cwd, f) || f}: it matches an ignore rule\n`);
  const stdinPath = inputs.stdin ? resolve(cwd, options.stdinFilename) : null;

  // ESLint's cwd must contain every linted file (it ignores files outside its base path).
  let eslintCwd = cwd;
  for (const p of [...inputs.files, ...(stdinPath ? [stdinPath] : []), ...(config.path ? [config.dir] : [])]) {
    while (!isInside(p, eslintCwd)) eslintCwd = dirname(eslintCwd);
  }
  const posixRel = (p: string): string => relative(eslintCwd, p).split(sep).join("/");
  const extraFiles = inputs.explicitNonTargets.map(posixRel);
  if (stdinPath && !isLintTarget(stdinPath)) extraFiles.push(posixRel(stdinPath));

  const fixing = options.fix || options.fixDryRun;
  const overrideConfig = compileConfig(config, {
    presets: options.presets,
    ruleLevels: options.ruleLevels,
    kubernetesVersion: options.kubernetesVersion,
    applyHardening: fixing,
    extraFiles,
  });

  const { ESLint } = await import("eslint");
  const eslint = new ESLint({
    cwd: eslintCwd,
    overrideConfigFile: true,
    overrideConfig: overrideConfig as Linter.Config[],
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
    // Never apply the removal of unused suppressions (ruleId null), only rules' fixes.
    fix: fixing ? (m: Linter.LintMessage) => m.ruleId !== null : false,
  });

  // Count documents/resources per file (the last lint pass of a file wins).
  const objectCounts = new Map<string, number>();
  const previousListener = setSpanListener((filename, spans) => {
    objectCounts.set(filename, spans.reduce((n, d) => n + d.resources.length, 0));
  });
  const raw: RawResult[] = [];
  let stdinText = "";
  try {
    const progress = io.stderr.isTTY === true && inputs.files.length > 200;
    const BATCH = 100;
    for (let i = 0; i < inputs.files.length; i += BATCH) {
      raw.push(...((await eslint.lintFiles(inputs.files.slice(i, i + BATCH))) as RawResult[]));
      if (progress) io.stderr.write(`\rkubeguard: ${Math.min(i + BATCH, inputs.files.length)}/${inputs.files.length} files`);
    }
    if (progress) io.stderr.write("\r\u001b[K");
    if (stdinPath) {
      stdinText = await readAll(io.stdin);
      raw.push(...((await eslint.lintText(stdinText, { filePath: stdinPath, warnIgnored: false })) as RawResult[]));
    }
  } finally {
    setSpanListener(previousListener);
  }

  // Fixes: write (atomically) or print as a diff.
  let diffText = "";
  for (const r of raw) {
    if (r.output === undefined) continue;
    const isStdin = r.filePath === stdinPath;
    const rel = relative(cwd, r.filePath).split(sep).join("/") || r.filePath;
    const original = isStdin ? stdinText : readText(r.filePath);
    const output = withOriginalBom(original, r.output);
    if (output === original) continue;
    const brokenByValidYaml = r.messages.some((m) => m.ruleId === "kubeguard/valid-yaml" && m.messageId !== "warning");
    const refusal = brokenByValidYaml ? "it has YAML errors (see valid-yaml)" : fileKindOf(r.filePath) === "yaml" ? refuseReason(original, output, r.filePath) : null;
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

  // kubeguard's result shape, with the severity level that applies to each file.
  const results: KubeguardResult[] = [];
  for (const r of raw) {
    const levels = r.messages.length || r.suppressedMessages.length ? levelsFromConfig(await eslint.calculateConfigForFile(r.filePath)) : {};
    results.push(convertResult(r, levels));
  }
  results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));

  const color = !options.outputFile && io.stdout.isTTY === true && io.env.NO_COLOR === undefined;
  const report = formatters[options.format]!(results, { cwd, color: options.fixDryRun ? false : color });
  if (options.outputFile) writeFileSync(resolve(cwd, options.outputFile), report);
  else if (options.fixDryRun) {
    io.stdout.write(diffText);
    io.stderr.write(report);
  } else io.stdout.write(report);
  if (options.fixDryRun && options.outputFile) io.stdout.write(diffText);

  // "No objects" is reported, not silent success (DESIGN §7).
  const objects =
    [...objectCounts.values()].reduce((a, b) => a + b, 0) +
    raw.filter((r) => fileKindOf(r.filePath) !== "yaml").length +
    results.reduce((n, r) => n + r.messages.filter((m) => m.resource?.kind).length, 0);
  if (objects === 0) io.stderr.write(`kubeguard: no Kubernetes objects found in ${options.paths.join(", ")}\n`);

  const failing = results.some((r) => r.messages.some((m) => rank(m.level) >= rank(options.failOn)));
  return failing ? 1 : 0;
}
