/**
 * @fileoverview Every rule has its docs page, fixtures and tests; each doc's examples lint as they
 * claim (every `### Incorrect` block makes the rule fire, every `### Correct` block does not).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../src/eslint/index.js";
import { rules } from "../rules/index.js";
import type { K8sRuleDefinition } from "../src/rule.js";

const ROOT = join(import.meta.dirname, "..");

interface Example {
  kind: "incorrect" | "correct";
  lang: string;
  filename: string;
  /** `version=<x.y>`: settings.kubeguard.kubernetesVersion for the example. */
  version: string | null;
  code: string;
  line: number;
}

/** Fenced blocks under `### Incorrect` / `### Correct` headings. */
export function examplesOf(markdown: string): Example[] {
  const out: Example[] = [];
  const lines = markdown.split("\n");
  let section: Example["kind"] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (/^#{1,3} /u.test(l)) {
      section = /^### Incorrect/u.test(l) ? "incorrect" : /^### Correct/u.test(l) ? "correct" : null;
      continue;
    }
    const fence = /^```(\w+)?((?:\s+\w+=\S+)*)\s*$/u.exec(l);
    if (fence && fence[1] && section) {
      const start = i;
      const body: string[] = [];
      for (i++; i < lines.length && !/^```\s*$/u.test(lines[i]!); i++) body.push(lines[i]!);
      const attrs = Object.fromEntries([...(fence[2] ?? "").matchAll(/(\w+)=(\S+)/gu)].map((m) => [m[1]!, m[2]!]));
      out.push({ kind: section, lang: fence[1], filename: attrs.filename ?? "manifest.yaml", version: attrs.version ?? null, code: `${body.join("\n")}\n`, line: start + 1 });
    }
  }
  return out;
}

const all = Object.values(rules) as K8sRuleDefinition[];

describe("rule docs, fixtures and tests", () => {
  for (const rule of all) {
    describe(rule.name, () => {
      const docPath = join(ROOT, "rules", `${rule.name}.md`);
      it("has a docs page whose title and description match the rule meta", () => {
        expect(existsSync(docPath), `${docPath} missing`).toBe(true);
        const md = readFileSync(docPath, "utf8");
        expect(md.split("\n")[0]).toBe(`# ${rule.name}`);
        const firstParagraph = md.split("\n").slice(1).find((l) => l.trim() !== "");
        expect(firstParagraph?.trim()).toBe(rule.meta.docs.description);
        for (const heading of ["## Why", "## Examples", "### Incorrect", "### Correct", "## References"]) {
          expect(md, `${rule.name}.md lacks "${heading}"`).toContain(`\n${heading}`);
        }
      });
      it("has valid and invalid fixtures and a test file", () => {
        for (const kind of ["valid", "invalid"]) {
          const dir = join(ROOT, "fixtures", "rules", rule.name, kind);
          expect(existsSync(dir) && readdirSync(dir).length > 0, `${dir} is empty`).toBe(true);
        }
        expect(existsSync(join(ROOT, "test", "rules", `${rule.name}.test.ts`))).toBe(true);
      });
      it("has docs examples that lint as they claim", () => {
        if (!existsSync(docPath)) return expect.fail(`${docPath} missing`);
        const examples = examplesOf(readFileSync(docPath, "utf8"));
        expect(examples.some((e) => e.kind === "incorrect")).toBe(true);
        expect(examples.some((e) => e.kind === "correct")).toBe(true);
        const linter = new Linter({ configType: "flat" });
        for (const ex of examples) {
          const config = [
            {
              files: [(p: string) => p.length > 0],
              plugins: { kubeguard: plugin },
              language: "kubeguard/k8s",
              rules: { [`kubeguard/${rule.name}`]: "error" },
              ...(ex.version ? { settings: { kubeguard: { kubernetesVersion: ex.version } } } : {}),
            },
          ] as unknown as Linter.Config[];
          const messages = linter.verify(ex.code, config, { filename: ex.filename });
          const fatal = messages.filter((m) => m.fatal || m.ruleId === null);
          expect(fatal, `${rule.name}.md:${ex.line}`).toEqual([]);
          const hits = messages.filter((m) => m.ruleId === `kubeguard/${rule.name}`);
          if (ex.kind === "incorrect") expect(hits.length, `${rule.name}.md:${ex.line} should fire`).toBeGreaterThan(0);
          else expect(hits.map((m) => m.message), `${rule.name}.md:${ex.line} should not fire`).toEqual([]);
        }
      });
    });
  }
});
