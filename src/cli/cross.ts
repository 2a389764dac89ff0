/**
 * @fileoverview The CLI's run-wide cross-document step (src/crossdoc/run.ts): after every file
 * (and every rendered chart or kustomization) is linted, one index of all their facts, each
 * cross-document rule's check once, and the findings merged into each file's ESLint result in
 * line order (suppressed ones into `suppressedMessages`).
 */
import { readFileSync } from "node:fs";
import { relative, sep } from "node:path";
import type { K8sRuleDefinition } from "../rule.js";
import type { CrossRuleDefinition } from "../crossdoc/index.js";
import { runCrossRules, type CrossFile } from "../crossdoc/run.js";
import type { RawResult } from "./main.js";

export interface CrossStepOptions {
  cwd: string;
  /** Texts not on disk: stdin and rendered output, by path. */
  texts: Map<string, string>;
  releaseNamespace?: string | null;
}

export function addCrossFindings(raw: RawResult[], cross: Map<string, CrossFile>, rules: Iterable<K8sRuleDefinition>, options: CrossStepOptions): void {
  const crossRules = new Map<string, CrossRuleDefinition>();
  for (const r of rules) if ("crossCheck" in r) crossRules.set(r.name, r as CrossRuleDefinition);
  if (!crossRules.size || !cross.size) return;
  const byPath = new Map(raw.map((r) => [r.filePath, r]));
  const textOf = (file: string): string | null => {
    const r = byPath.get(file);
    let text = r?.output ?? options.texts.get(file) ?? null;
    if (text === null) {
      try {
        text = readFileSync(file, "utf8");
      } catch {
        return null;
      }
    }
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  };
  const display = (file: string): string => relative(options.cwd, file).split(sep).join("/") || file;
  const out = runCrossRules({ files: cross, rules: crossRules, textOf, display, releaseNamespace: options.releaseNamespace ?? null });
  const byLine = (a: { line: number; column: number }, b: { line: number; column: number }): number => a.line - b.line || a.column - b.column;
  for (const [file, messages] of out.messages) {
    const r = byPath.get(file);
    if (!r) continue;
    r.messages.push(...(messages as unknown as RawResult["messages"]));
    r.messages.sort(byLine);
    for (const m of messages) {
      if (m.severity === 2) r.errorCount++;
      else r.warningCount++;
    }
  }
  for (const [file, messages] of out.suppressed) {
    const r = byPath.get(file);
    if (!r) continue;
    r.suppressedMessages.push(...(messages as unknown as RawResult["suppressedMessages"]));
    r.suppressedMessages.sort(byLine);
  }
}
