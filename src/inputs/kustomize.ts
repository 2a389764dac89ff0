/**
 * @fileoverview Kustomization folders: rendered with `kustomize build` when that binary is on
 * PATH, else `kubectl kustomize` (kubectl has kustomize built in). execFile, argument arrays,
 * timeout; the tool's stderr is shown on failure.
 */
import { findExecutable, runTool, type ToolResult } from "./tools.js";
import { kustomizationFile } from "../sourcemap/kustomize.js";

export const KUSTOMIZE_INSTALL_HINT =
  "install kubectl (https://kubernetes.io/docs/tasks/tools/, it includes kustomize) or kustomize (https://kubectl.docs.kubernetes.io/installation/kustomize/) and put it on PATH";

export const isKustomizationDir = (dir: string): boolean => kustomizationFile(dir) !== null;

/** Render a kustomization folder. */
export async function renderKustomization(dir: string, cwd: string, env: Record<string, string | undefined>, timeoutMs?: number): Promise<ToolResult & { tool?: string }> {
  const kustomize = findExecutable("kustomize", env);
  const kubectl = kustomize ? null : findExecutable("kubectl", env);
  if (!kustomize && !kubectl) return { ok: false, error: `cannot render the kustomization ${dir}: neither kustomize nor kubectl is on PATH; ${KUSTOMIZE_INSTALL_HINT}` };
  const r = kustomize ? await runTool(kustomize, ["build", dir], { cwd, env, timeoutMs }) : await runTool(kubectl!, ["kustomize", dir], { cwd, env, timeoutMs });
  return r.ok ? { ...r, tool: kustomize ? "kustomize build" : "kubectl kustomize" } : { ok: false, error: `cannot render the kustomization ${dir}: ${r.error}` };
}
