#!/usr/bin/env node
// kubeguard CLI entry point: the compiled TypeScript lives in dist/ (built by `npm ci` via `prepare`).
import { main } from "../dist/src/cli/main.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`kubeguard: internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 2;
  },
);
