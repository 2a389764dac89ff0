/**
 * @fileoverview Helm chart folders: `helm template` with the real binary (PATH or `--helm-bin`),
 * and resolving a rendered document's `# Source: <chart>/templates/<file>` to the template file
 * on disk (subcharts included: `<chart>/charts/<sub>/templates/<file>`).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { findExecutable, runTool, type ToolResult } from "./tools.js";

export interface HelmOptions {
  /** `--helm-bin`: a path or a command name looked up on PATH (default `helm`). */
  bin?: string;
  /** `--helm-values` files (resolved against the cwd). */
  values: string[];
  /** `--helm-set k=v`. */
  set: string[];
  /** `--helm-release` (default `release-name`, helm's own default for `helm template`). */
  release?: string;
  /** `--helm-namespace`. */
  namespace?: string;
  timeoutMs?: number;
}

export const HELM_INSTALL_HINT =
  "install helm (https://helm.sh/docs/intro/install/, or `go install helm.sh/helm/v3/cmd/helm@v3.21.4`) and put it on PATH, or pass --helm-bin <path>";

/** Whether a folder is a chart: it has a Chart.yaml. */
export function isChartDir(dir: string): boolean {
  try {
    return statSync(join(dir, "Chart.yaml")).isFile();
  } catch {
    return false;
  }
}

/** The chart's `name:` from Chart.yaml (a top-level plain scalar), else the folder name. */
export function chartName(dir: string): string {
  try {
    const m = /^name:[ \t]*["']?([^"'\s#]+)/mu.exec(readFileSync(join(dir, "Chart.yaml"), "utf8"));
    if (m) return m[1]!;
  } catch {
    // fall through
  }
  return basename(dir);
}

/** The `helm template` argument array for a chart folder. */
export function helmTemplateArgs(chartDir: string, options: HelmOptions, cwd: string): string[] {
  const args = ["template", options.release ?? "release-name", chartDir];
  if (options.namespace) args.push("--namespace", options.namespace);
  for (const f of options.values) args.push("--values", resolve(cwd, f));
  for (const kv of options.set) args.push("--set", kv);
  return args;
}

/** Render a chart folder. On failure, `error` says what went wrong (and how to get helm when missing). */
export async function renderChart(chartDir: string, options: HelmOptions, cwd: string, env: Record<string, string | undefined>): Promise<ToolResult> {
  const bin = findExecutable(options.bin ?? "helm", env);
  if (!bin) {
    return { ok: false, error: `cannot render the chart ${chartDir}: ${options.bin ? `--helm-bin ${options.bin} is not an executable file` : "helm is not on PATH"}; ${HELM_INSTALL_HINT}` };
  }
  const r = await runTool(bin, helmTemplateArgs(chartDir, options, cwd), { cwd, env, timeoutMs: options.timeoutMs });
  return r.ok ? r : { ok: false, error: `cannot render the chart ${chartDir}: ${r.error}` };
}

/**
 * The file a `# Source:` path names. `chartDirs` are charts known to the run (rendered chart
 * folders); for stdin the chart is looked for next to `cwd` (`<cwd>/<chart>`, or `cwd` itself).
 */
export function resolveHelmSource(source: string, chartDirs: string[], cwd: string): { file: string; chartDir: string } | null {
  const slash = source.indexOf("/");
  if (slash <= 0) return null;
  const top = source.slice(0, slash);
  const rest = source.slice(slash + 1);
  if (rest.split("/").includes("..")) return null;
  const candidates = [...chartDirs, resolve(cwd, top), cwd];
  for (const dir of candidates) {
    if (!isChartDir(dir) || chartName(dir) !== top) continue;
    const file = join(dir, rest);
    if (existsSync(file)) {
      // The chart whose values.yaml applies: the innermost `charts/<sub>` on the way.
      const parts = rest.split("/");
      let chartDir = dir;
      for (let i = 0; i + 1 < parts.length; i++) {
        if (parts[i] === "charts" && isChartDir(join(chartDir, ...parts.slice(0, i + 2)))) {
          chartDir = join(chartDir, ...parts.slice(0, i + 2));
          parts.splice(0, i + 2);
          i = -1;
        }
      }
      return { file, chartDir };
    }
  }
  return null;
}
