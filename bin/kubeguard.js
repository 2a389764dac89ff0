#!/usr/bin/env node
// kubeguard CLI entry point: the compiled TypeScript lives in dist/ (built by `npm ci` via `prepare`);
// bin/load-cli.cjs starts it from the bundle dist/kubeguard.cjs when that is fresh.
import { createRequire } from "node:module";

const { loadMain } = createRequire(import.meta.url)("./load-cli.cjs");

loadMain()
  .then((main) => main(process.argv.slice(2)))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`kubeguard: internal error: ${err && err.stack ? err.stack : err}\n`);
      process.exitCode = 2;
    },
  );
