/**
 * @fileoverview `npm run build` (after `tsc`): bundles the CLI into dist/kubeguard.cjs and makes
 * V8's code cache for it, so a cold `kubeguard` starts from one compiled file instead of resolving,
 * reading and compiling ~700 modules (issue 9: cold start). bin/load-cli.cjs uses the bundle only
 * while it is fresh (not older than dist/src/cli/main.js, which every `tsc` run rewrites);
 * otherwise it imports dist/src as before.
 *
 * The code cache is produced in this process: the bundle is loaded through bin/load-cli.cjs and
 * lints the shipped examples once (output discarded), so the cache holds the functions a lint run
 * compiles, not only the top level. V8 rejects a cache made by another Node version or with other
 * V8 flags; the loader then compiles normally.
 */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { repoRoot } from "../action/build.js";

interface LoadedBundle {
  main: (argv: string[], io: object) => Promise<number>;
  script: { createCachedData(): Buffer };
  cacheRejected: boolean | null;
}

/** Write the bundle and its code cache; returns their paths. */
export async function bundleCli(root = repoRoot()): Promise<{ bundle: string; cache: string }> {
  const { build } = await import("esbuild");
  const dist = join(root, "dist");
  const bundle = join(dist, "kubeguard.cjs");
  rmSync(`${bundle}.cache`, { force: true });
  await build({
    absWorkingDir: root,
    entryPoints: [join(root, "src", "cli", "bundle-entry.ts")],
    outfile: `${bundle}.tmp`,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    // eslint's TypeScript config-file loader; never reached (kubeguard passes its config inline).
    external: ["jiti", "jiti/package.json"],
    // Modules that locate files next to themselves (the worker script, the code fingerprint of
    // --cache, rule docs) see the bundle's own URL and know it ends in ".cjs".
    define: { "import.meta.url": "__kubeguardBundleUrl" },
    // Every import() in kubeguard names a module (node: built-ins, bundled ones): esbuild turns
    // them into require(), because a vm.Script's import() needs an experimental flag on Node 20.
    supported: { "dynamic-import": false },
    banner: { js: 'const __kubeguardBundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: "eof",
    logLevel: "warning",
  });
  // Written after tsc wrote dist/src: the loader takes a bundle at least as new as dist/src.
  renameSync(`${bundle}.tmp`, bundle);

  const { loadBundle } = createRequire(import.meta.url)(join(root, "bin", "load-cli.cjs")) as {
    loadBundle(options: { force?: boolean; noCache?: boolean }): LoadedBundle | null;
  };
  const loaded = loadBundle({ force: true, noCache: true });
  if (!loaded) throw new Error(`bundle-cli: ${bundle} did not load`);
  const sink = { write: () => true };
  const examples = join(root, "examples");
  const code = await loaded.main([examples, "--format", "json"], { stdout: sink, stderr: sink, cwd: root });
  if (code !== 1) throw new Error(`bundle-cli: linting ${examples} with the bundle exited ${code}, expected 1 (findings)`);
  const cache = `${bundle}.cache`;
  writeFileSync(cache, loaded.script.createCachedData());
  return { bundle, cache };
}

if (process.argv[1] && import.meta.url === (await import("node:url")).pathToFileURL(process.argv[1]).href) {
  const { bundle, cache } = await bundleCli();
  // stderr: `npm pack` (a git install by pre-commit) keeps its stdout for the tarball name.
  process.stderr.write(`wrote ${bundle} and ${cache}\n`);
}
