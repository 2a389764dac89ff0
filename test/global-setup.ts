/**
 * @fileoverview Builds dist/ (tsc, then the bundled CLI) once before the tests that run the real binaries (bin/kubeguard.js,
 * the real `eslint` CLI importing `kubeguard/eslint`). Type errors fail the run here, early —
 * except with KUBEGUARD_TEST_SKIP_BUILD=1 (a developer running a few tests while the tree is being
 * edited elsewhere; dist/ must then be built already). CI never sets it.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";

export default function setup(): void {
  if (process.env.KUBEGUARD_TEST_SKIP_BUILD === "1") return;
  const root = join(import.meta.dirname, "..");
  execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", join(root, "tsconfig.build.json")], {
    cwd: root,
    stdio: "inherit",
  });
  // The rest of `npm run build`: the bundled CLI that bin/kubeguard.js starts (with its code cache).
  execFileSync(process.execPath, [join(root, "dist", "src", "tools", "bundle-cli.js")], { cwd: root, stdio: "inherit" });
}
