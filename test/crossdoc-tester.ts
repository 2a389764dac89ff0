/**
 * @fileoverview Multi-file cases for cross-document rules: every folder
 * fixtures/rules/<id>/multi/<case>/ is linted by the real CLI as one run (`kubeguard <folder>
 * --format json`, the rule on), and the rule's findings must equal
 * fixtures/rules/<id>/multi/<case>.expected.json: `[{file, line, column, endLine, endColumn,
 * messageId, related?: [{file, line}]}]` (file paths relative to the case folder), in report order.
 * An empty list is a valid case.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES } from "./rule-tester.js";
import { run } from "./cli/helpers.js";

export interface ExpectedFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  messageId: string;
  related?: { file: string; line: number }[];
  suppressed?: boolean;
}

interface JsonMessage {
  ruleId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  messageId?: string;
  related?: { file: string; line: number }[];
}

/** The rule's findings in a folder linted as one run (relative file names), suppressed ones marked. */
export async function crossFindings(id: string, dir: string, extraArgs: string[] = []): Promise<ExpectedFinding[]> {
  const res = await run(dir, [".", "--format", "json", "--rule", `${id}=error`, ...extraArgs]);
  expect(res.code, res.stderr).not.toBe(2);
  const results = JSON.parse(res.stdout) as { filePath: string; messages: JsonMessage[]; suppressedMessages?: JsonMessage[] }[];
  const out: ExpectedFinding[] = [];
  for (const r of results) {
    const rel = (p: string): string => (p.startsWith(dir) ? p.slice(dir.length + 1) : p);
    const file = rel(r.filePath);
    const add = (m: JsonMessage, suppressed: boolean): void => {
      if (m.ruleId !== id) return;
      const f: ExpectedFinding = { file, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn, messageId: m.messageId ?? "" };
      if (m.related?.length) f.related = m.related.map((x) => ({ file: rel(x.file), line: x.line }));
      if (suppressed) f.suppressed = true;
      out.push(f);
    };
    for (const m of r.messages) add(m, false);
    for (const m of r.suppressedMessages ?? []) add(m, true);
  }
  return out;
}

/** Run the multi-file cases of a rule (at least one must exist). */
export function runCrossCases(id: string): void {
  const dir = join(FIXTURES, id, "multi");
  describe(`${id} (multi-file runs)`, () => {
    const cases = existsSync(dir) ? readdirSync(dir).filter((f) => statSync(join(dir, f)).isDirectory()).sort() : [];
    it("has multi-file cases", () => {
      expect(cases.length).toBeGreaterThan(0);
    });
    for (const c of cases) {
      it(c, async () => {
        const expected = JSON.parse(readFileSync(join(dir, `${c}.expected.json`), "utf8")) as ExpectedFinding[];
        expect(await crossFindings(id, join(dir, c))).toEqual(expected);
      });
    }
  });
}
