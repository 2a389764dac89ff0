/**
 * @fileoverview The entry of the bundled CLI (dist/kubeguard.cjs, made by src/tools/bundle-cli.ts
 * and started by bin/load-cli.cjs): the same `main` as dist/src/cli/main.js.
 */
export { main } from "./main.js";
