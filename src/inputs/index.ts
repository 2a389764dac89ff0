/**
 * @fileoverview Render the chart folders and kustomizations of a run (src/cli/main.ts loads this
 * only when there are some). Each rendering is linted as text under a virtual path inside its
 * folder (`<folder>/helm-template.rendered.yaml`, `<folder>/kustomize-build.rendered.yaml`); that
 * file is never written.
 */
import { join } from "node:path";
import { renderChart, type HelmOptions } from "./helm.js";
import { renderKustomization } from "./kustomize.js";
import type { RenderOrigin } from "../sourcemap/index.js";

export interface Rendered {
  path: string;
  text: string;
  origin: RenderOrigin;
}

export const HELM_RENDERED_NAME = "helm-template.rendered.yaml";
export const KUSTOMIZE_RENDERED_NAME = "kustomize-build.rendered.yaml";

export async function renderInputs(
  charts: string[],
  kustomizations: string[],
  helm: Omit<HelmOptions, "timeoutMs">,
  cwd: string,
  env: Record<string, string | undefined>,
): Promise<{ rendered: Rendered[]; errors: string[] }> {
  const rendered: Rendered[] = [];
  const errors: string[] = [];
  for (const chartDir of charts) {
    const r = await renderChart(chartDir, helm, cwd, env);
    if (r.ok) rendered.push({ path: join(chartDir, HELM_RENDERED_NAME), text: r.stdout, origin: { kind: "helm", chartDir } });
    else errors.push(r.error);
  }
  for (const dir of kustomizations) {
    const r = await renderKustomization(dir, cwd, env);
    if (r.ok) rendered.push({ path: join(dir, KUSTOMIZE_RENDERED_NAME), text: r.stdout, origin: { kind: "kustomize", dir } });
    else errors.push(r.error);
  }
  return { rendered, errors };
}
