/**
 * @fileoverview `kubeguard migrate --from kube-linter|polaris|checkov <config> [-o <file>] [--force]`:
 * writes the equivalent `.kubeguard.yaml` (default: in the current folder; `-o -` prints it). The
 * result is validated with kubeguard's own configuration loader before anything is written.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { parseConfigYaml } from "../language/config-yaml.js";
import { ConfigError, validateConfig } from "../config/load.js";
import { MIGRATE_TOOLS, MigrateError, migrateConfig, type MigrateTool } from "./index.js";

export const MIGRATE_HELP = `Usage: kubeguard migrate --from <tool> <config> [-o <file>] [--force]

Write the .kubeguard.yaml equivalent to another linter's configuration, through each rule's
equivalents (docs/migration/<tool>.md). Checks without a kubeguard equivalent are listed as comments.

  --from <tool>          ${MIGRATE_TOOLS.join(", ")}
  -o, --output <file>    Where to write (default: .kubeguard.yaml; - for stdout)
  --force                Overwrite an existing file
`;

interface IO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
}

/** Run the subcommand. Resolves to the exit code: 0 written, 2 usage or input error. */
export function runMigrate(argv: string[], io: IO): number {
  const fail = (message: string): number => {
    io.stderr.write(`kubeguard migrate: ${message}\n`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { from: { type: "string" }, output: { type: "string", short: "o" }, force: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
  } catch (err) {
    return fail(`${(err as Error).message}\n${MIGRATE_HELP}`);
  }
  const v = parsed.values;
  if (v.help) {
    io.stdout.write(MIGRATE_HELP);
    return 0;
  }
  const tool = v.from;
  if (!tool) return fail(`--from is required (${MIGRATE_TOOLS.join(", ")})`);
  if (!(MIGRATE_TOOLS as readonly string[]).includes(tool)) return fail(`--from: unknown tool '${tool}'; expected one of ${MIGRATE_TOOLS.join(", ")}`);
  if (parsed.positionals.length !== 1) return fail(`expected one configuration file, got ${parsed.positionals.length}\n${MIGRATE_HELP}`);
  const input = resolve(io.cwd, parsed.positionals[0]!);
  const display = relative(io.cwd, input) || input;
  let text: string;
  try {
    text = readFileSync(input, "utf8");
  } catch (err) {
    return fail(`cannot read ${display} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const { value, errors } = parseConfigYaml(text);
  if (errors.length) return fail(`${display}:${errors[0]!.line}:${errors[0]!.column}: invalid YAML: ${errors[0]!.message}`);
  let result;
  try {
    result = migrateConfig(tool as MigrateTool, value, parsed.positionals[0]!);
  } catch (err) {
    if (err instanceof MigrateError) return fail(`${display}: ${err.message}`);
    throw err;
  }
  const outArg = v.output ?? ".kubeguard.yaml";
  const outPath = outArg === "-" ? null : resolve(io.cwd, outArg);
  // The output must load as a kubeguard configuration (a bug here must never write a broken file).
  const check = parseConfigYaml(result.text);
  try {
    if (check.errors.length) throw new ConfigError(check.errors[0]!.message);
    validateConfig(check.value, outArg, outPath, outPath ? dirname(outPath) : io.cwd);
  } catch (err) {
    return fail(`internal error: the generated configuration does not load (${(err as Error).message})`);
  }
  if (outPath === null) {
    io.stdout.write(result.text);
  } else {
    if (existsSync(outPath) && !v.force) return fail(`${relative(io.cwd, outPath) || outPath} exists; use --force to overwrite it or -o to write elsewhere`);
    writeFileSync(outPath, result.text);
  }
  const where = outPath ? relative(io.cwd, outPath) || outPath : "stdout";
  io.stderr.write(
    `kubeguard migrate: wrote ${where}: ${result.rules} rule setting${result.rules === 1 ? "" : "s"}` +
      `${result.unknown.length ? `, ${result.unknown.length} check${result.unknown.length === 1 ? "" : "s"} without an equivalent (listed as comments)` : ""}\n`,
  );
  return 0;
}
