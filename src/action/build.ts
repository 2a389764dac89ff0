/**
 * @fileoverview Bundles the GitHub Action: src/action/main.ts with everything it imports
 * (@actions/core, eslint, yaml, the rules) into one ES module, dist/action.js, because the runner
 * never runs `npm install` for an action. `npm run build:action` writes it; a test rebuilds it to a
 * temporary file and fails when the committed bundle differs.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { BuildOptions } from "esbuild";

/** The repository root: the nearest folder above this module with a package.json. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) || !existsSync(join(dir, "src", "action"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("kubeguard repository root not found");
    dir = parent;
  }
  return dir;
}

/** The esbuild options of dist/action.js (outfile relative to the repository root). */
export function actionBuildOptions(outfile = "dist/action.js"): BuildOptions {
  const root = repoRoot();
  return {
    absWorkingDir: root,
    entryPoints: [join(root, "src", "action", "main.ts")],
    outfile: resolve(root, outfile),
    bundle: true,
    platform: "node",
    format: "esm",
    // runs.using: node24; node20 syntax keeps the bundle runnable on the Node 20 used for tests.
    target: "node20",
    // eslint's TypeScript config-file loader; never reached (kubeguard passes its config inline).
    external: ["jiti", "jiti/package.json"],
    // eslint and other CommonJS dependencies call require(): give the ES module one.
    banner: { js: 'import { createRequire as __kubeguardCreateRequire } from "node:module";\nconst require = __kubeguardCreateRequire(import.meta.url);' },
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: "eof",
    logLevel: "warning",
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { build } = await import("esbuild");
  const options = actionBuildOptions(process.argv[2] ?? "dist/action.js");
  await build(options);
  process.stdout.write(`wrote ${options.outfile}\n`);
}
