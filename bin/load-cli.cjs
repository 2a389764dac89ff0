// Loads kubeguard's CLI for bin/kubeguard.js. CommonJS on purpose: it must run synchronously and
// use node:vm's code cache, which Node 20 offers for scripts, not for ES modules.
//
// `npm run build` writes dist/kubeguard.cjs (the CLI and everything it imports, bundled by esbuild
// from the same sources as dist/src, after them) and V8's code cache for the bundle
// (dist/kubeguard.cjs.cache, produced by linting a sample file once). Starting from one file with
// its compiled code cached saves most of the start-up (resolving, reading and compiling ~700
// modules). When the bundle is missing, or older than dist/src (a `tsc` run alone since), or
// KUBEGUARD_NO_BUNDLE=1, the CLI is imported from dist/src as before. A cache V8 rejects (another
// Node version) only costs the compile time.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const Module = require("node:module");

const dist = path.join(__dirname, "..", "dist");
const bundleFile = path.join(dist, "kubeguard.cjs");

/** The bundle when it is fresh: `{ main, script }`, else null. */
function loadBundle(options = {}) {
  if (process.env.KUBEGUARD_NO_BUNDLE === "1" && !options.force) return null;
  try {
    // `tsc` rewrites every file of dist/src; a bundle older than that is stale. (npm packs every
    // file with one and the same time: fresh.)
    if (fs.statSync(bundleFile).mtimeMs < fs.statSync(path.join(dist, "src", "cli", "main.js")).mtimeMs) return null;
  } catch {
    return null;
  }
  let source;
  try {
    source = fs.readFileSync(bundleFile, "utf8");
  } catch {
    return null;
  }
  let cachedData;
  if (!options.noCache) {
    try {
      cachedData = fs.readFileSync(`${bundleFile}.cache`);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new vm.Script(Module.wrap(source), {
    filename: bundleFile,
    cachedData,
  });
  const module = { exports: {}, filename: bundleFile, id: bundleFile, loaded: false };
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(bundleFile), module, bundleFile, dist);
  module.loaded = true;
  return { main: module.exports.main, script, cacheRejected: cachedData ? script.cachedDataRejected === true : null };
}

/** The CLI's `main`: from the fresh bundle, else from dist/src. */
async function loadMain() {
  const bundle = loadBundle();
  if (bundle) return bundle.main;
  return (await import("../dist/src/cli/main.js")).main;
}

module.exports = { loadBundle, loadMain, bundleFile };
