/**
 * @fileoverview Helpers for the CLI tests: run `main()` in-process with captured streams, and make
 * throw-away project folders.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { main } from "../../src/cli/main.js";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in `cwd` with the given arguments (and stdin text). */
export async function run(cwd: string, args: string[], stdin = "", env: Record<string, string | undefined> = {}): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    cwd,
    env,
    stdin: Readable.from([stdin]),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

/** A fresh temporary folder with the given files (path → content). */
export function project(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "kubeguard-cli-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

export const read = (dir: string, path: string): string => readFileSync(join(dir, path), "utf8");

export const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures", "cli");
export const fixture = (name: string): string => readFileSync(join(FIXTURES, name), "utf8");
