/**
 * @fileoverview A lint worker thread (src/cli/engine.ts): builds the run's ESLint instance from the
 * serialisable `LintSpec` in `workerData`, then lints the chunks of files the main thread sends
 * and answers each with its outcomes (results with `resource`, object counts, levels).
 */
import { parentPort, workerData } from "node:worker_threads";
import { createChunkLinter, type LintSpec } from "./engine.js";

// `yaml` reads process.env per token; a plain object is faster than the env proxy (DESIGN §9).
process.env = { ...process.env };

const port = parentPort!;
const linterReady = createChunkLinter((workerData as { spec: LintSpec }).spec);

port.on("message", (msg: { index: number; files: string[] }) => {
  linterReady
    .then((linter) => linter.lintChunk(msg.files))
    .then(
      (outcomes) => port.postMessage({ index: msg.index, outcomes }),
      (err: Error) => port.postMessage({ index: msg.index, error: { message: err?.message ?? String(err), stack: err?.stack } }),
    );
});
