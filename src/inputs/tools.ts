/**
 * @fileoverview Running the real `helm` and `kubectl`/`kustomize` binaries: always `execFile`
 * with an argument array (never a shell string, so paths with shell metacharacters are plain
 * arguments), with a timeout and an output cap; on failure the tool's stderr is returned.
 */
import { execFile } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, isAbsolute, join } from "node:path";

/** Outcome of one tool run. */
export type ToolResult = { ok: true; stdout: string; stderr: string } | { ok: false; error: string };

/** Default time limit of one rendering (ms). */
export const TOOL_TIMEOUT_MS = 120_000;
/** Rendered output larger than this is refused (bytes). */
const MAX_OUTPUT = 256 * 1024 * 1024;

/** The absolute path of an executable on `PATH` (or the given path when it is one), else null. */
export function findExecutable(name: string, env: Record<string, string | undefined>): string | null {
  const isExec = (p: string): boolean => {
    try {
      accessSync(p, constants.X_OK);
      return statSync(p).isFile();
    } catch {
      return false;
    }
  };
  if (name.includes("/") || isAbsolute(name)) return isExec(name) ? name : null;
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    if (isExec(p)) return p;
  }
  return null;
}

/** Run `file` with `args` (no shell). Resolves, never rejects. */
export function runTool(file: string, args: string[], options: { cwd: string; env: Record<string, string | undefined>; timeoutMs?: number }): Promise<ToolResult> {
  return new Promise((resolvePromise) => {
    execFile(
      file,
      args,
      {
        cwd: options.cwd,
        env: options.env as NodeJS.ProcessEnv,
        timeout: options.timeoutMs ?? TOOL_TIMEOUT_MS,
        maxBuffer: MAX_OUTPUT,
        encoding: "utf8",
        shell: false,
        windowsHide: true,
      },
      (err, stdout, stderr) => {
        if (!err) return resolvePromise({ ok: true, stdout, stderr });
        const e = err as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null; code?: string | number | null };
        const cmd = [file, ...args].map((a) => (/^[\w@%+=:,./-]+$/u.test(a) ? a : JSON.stringify(a))).join(" ");
        let why: string;
        if (e.code === "ENOENT") why = "not found";
        else if (e.killed || e.signal === "SIGTERM") why = `timed out after ${Math.round((options.timeoutMs ?? TOOL_TIMEOUT_MS) / 1000)} s`;
        else if (e.code === "ERR_CHILD_PROCESS_STDIO_MAXBUFFER") why = "output too large";
        else why = typeof e.code === "number" ? `exit code ${e.code}` : (e.message.split("\n")[0] ?? "failed");
        const detail = (stderr ?? "").trim();
        resolvePromise({ ok: false, error: `${cmd}: ${why}${detail ? `\n${detail.replace(/^/gmu, "  ")}` : ""}` });
      },
    );
  });
}
