/**
 * @fileoverview Validates SARIF files with Microsoft's SARIF Multitool (`@microsoft/sarif-multitool`,
 * a self-contained .NET program inside the npm package), with the SARIF spec rules and GitHub's
 * ingestion rules: `Sarif.Multitool validate --rule-kind "Gh;Sarif"`. Its exit status is 0 even when
 * it finds errors, so the problems are read from the SARIF log it writes.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { accessSync, constants, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface MultitoolProblem {
  file: string;
  ruleId: string;
  level: string;
  text: string;
}

/** The Multitool binary, or the reason it cannot run here. */
export function multitool(): { path: string } | { reason: string } {
  let path: string;
  try {
    // The wrapper package's index.js resolves the platform package, whose main is the binary.
    const require = createRequire(import.meta.url);
    path = require("@microsoft/sarif-multitool") as string;
  } catch (err) {
    return { reason: `@microsoft/sarif-multitool has no binary for ${process.platform}: ${(err as Error).message.split("\n")[0]}` };
  }
  try {
    accessSync(path, constants.X_OK);
  } catch {
    return { reason: `${path} is not executable (its postinstall 'chmod u+x' did not run)` };
  }
  const probe = spawnSync(path, ["--version"], { encoding: "utf8", timeout: 60_000 });
  if (probe.status !== 0) return { reason: `Sarif.Multitool does not run here: ${(probe.stderr || probe.error?.message || "").trim().split("\n")[0]}` };
  return { path };
}

/** Validate files; returns every problem the validator reports (errors, warnings and notes). */
export function validateSarif(tool: string, files: string[]): MultitoolProblem[] {
  const out = join(mkdtempSync(join(tmpdir(), "kubeguard-multitool-")), "validation.sarif");
  execFileSync(tool, ["validate", "--rule-kind", "Gh;Sarif", "--log", "ForceOverwrite", "--output", out, ...files], { encoding: "utf8", timeout: 120_000 });
  const log = JSON.parse(readFileSync(out, "utf8")) as {
    runs: { results?: { ruleId: string; level?: string; message: { text?: string; id?: string; arguments?: string[] }; locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[] }[] }[];
  };
  return log.runs.flatMap((run) =>
    (run.results ?? []).map((r) => ({
      file: r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? "",
      ruleId: r.ruleId,
      level: r.level ?? "warning",
      text: r.message.text ?? `${r.message.id ?? ""} ${(r.message.arguments ?? []).join(" | ")}`,
    })),
  );
}
