/**
 * @fileoverview Writing fixed files for `kubeguard --fix`: atomically (temporary file in the same
 * folder, then rename, with the original's mode), never over a file that does not parse, and
 * keeping a byte-order mark the original had.
 */
import { chmodSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import { parseProgram } from "../language/language.js";
import { invalidUtf8Offset } from "../language/parse.js";

const BOM = "\uFEFF";

/** Whether a text has YAML errors in any document (systemd units never do). */
export function hasYamlErrors(text: string, filePath: string): boolean {
  return parseProgram(text.startsWith(BOM) ? text.slice(1) : text, filePath).body.some((d) => d.errors.length > 0);
}

/** The text to write: ESLint's output, with the original's BOM put back if ESLint dropped it. */
export function withOriginalBom(original: string, output: string): string {
  return original.startsWith(BOM) && !output.startsWith(BOM) ? BOM + output : output;
}

/**
 * Whether the file on disk is not valid UTF-8. Its text was decoded with U+FFFD in place of the bad
 * bytes, so writing any fix would replace them for good. False when the file cannot be read
 * (stdin, a virtual path).
 */
export function isInvalidUtf8File(filePath: string): boolean {
  let bytes: Buffer;
  try {
    bytes = readFileSync(filePath);
  } catch {
    return false;
  }
  return invalidUtf8Offset(bytes, "") !== null;
}

/**
 * Decide whether a fixed text may replace the original, for every kind of file (YAML, systemd
 * units, environment files): the file must be valid UTF-8, and both texts must parse without YAML
 * errors (fix helpers bail out in broken documents, this is the last line of defence).
 * Returns the reason to refuse, or null.
 */
export function refuseReason(original: string, output: string, filePath: string): string | null {
  if (isInvalidUtf8File(filePath)) return "it is not valid UTF-8 (writing it would replace those bytes with U+FFFD)";
  if (hasYamlErrors(original, filePath)) return "it has YAML errors (see valid-yaml)";
  if (hasYamlErrors(output, filePath)) return "the fixed text would not parse (please report this as a kubeguard bug)";
  return null;
}

/** Replace a file's content atomically: same-folder temporary file + rename, keeping its mode. */
export function writeFileAtomic(filePath: string, text: string): void {
  let target = filePath;
  try {
    target = realpathSync(filePath); // write through symlinks, do not replace them
  } catch {
    // New file: write at the given path.
  }
  let mode: number | undefined;
  try {
    mode = statSync(target).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  const tmp = join(dirname(target), `.${basename(target)}.kubeguard-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  try {
    writeFileSync(tmp, text, { encoding: "utf8", mode: mode ?? 0o666, flag: "wx" });
    if (mode !== undefined) chmodSync(tmp, mode); // the umask may have narrowed it
    renameSync(tmp, target);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // Already gone.
    }
    throw err;
  }
}

/** Read a file as ESLint does (UTF-8), for the fix writer and the dry-run diff. */
export function readText(filePath: string): string {
  return readFileSync(filePath, "utf8");
}
