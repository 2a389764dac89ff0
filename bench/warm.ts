/**
 * @fileoverview Warm re-lint latency: one process keeps the CLI's ESLint instance (as an editor
 * integration does) and re-lints a 1,000-line manifest after small edits. Prints JSON with the
 * median and p95 of the timed runs (after warm-up runs).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

interface ChunkLinter {
  lintText(text: string, filePath: string): Promise<{ result: { messages: unknown[] } }[]>;
}

const [file, root] = process.argv.slice(2);
if (!file || !root) throw new Error("usage: warm <file> <repo-root>");
process.env = { ...process.env };
const engine = (await import(join(root, "dist", "src", "cli", "engine.js"))) as {
  createChunkLinter(spec: object): Promise<ChunkLinter>;
};
const { defaultConfig } = (await import(join(root, "dist", "src", "config", "index.js"))) as { defaultConfig(dir: string): object };
const cwd = dirname(file);
const linter = await engine.createChunkLinter({ eslintCwd: cwd, config: defaultConfig(cwd), compile: {}, fixing: false });
const text = readFileSync(file, "utf8");
const lines = text.split("\n").length;
const times: number[] = [];
let messages = 0;
for (let i = 0; i < 45; i++) {
  // A small edit each time (as typing does): a different replica count in the first document.
  const edited = text.replace(/replicas: \d+/u, `replicas: ${i + 2}`);
  const t0 = performance.now();
  const out = await linter.lintText(edited, file);
  const ms = performance.now() - t0;
  messages = out[0]?.result.messages.length ?? 0;
  if (i >= 5) times.push(ms);
}
times.sort((a, b) => a - b);
const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
process.stdout.write(`${JSON.stringify({ lines, runs: times.length, medianMs: at(0.5), p95Ms: at(0.95), messages })}\n`);
