/**
 * @fileoverview `--format json`: ESLint's result array (one entry per linted file, with
 * `messages`, `suppressedMessages` and the counts), messages carrying bare rule ids, `level`,
 * `url`, `resource` and, when present, `helmSource`, `fix` and `suggestions`.
 */
import type { KubeguardResult } from "./types.js";
import type { Formatter } from "./types.js";

export const formatJson: Formatter = (results) => `${JSON.stringify(results)}\n`;

/**
 * The same text as `formatJson`, in pieces (one per message at most), for the CLI to write as it
 * goes: one big multi-document stream gives ~12 characters of JSON per byte of YAML, so a 50 MB
 * stream's report is longer than the longest string V8 can hold (~512 M characters), and building
 * it whole also doubled the memory of the results. Concatenated, the pieces equal
 * `formatJson(results)` exactly (test/formatters).
 */
export function* formatJsonPieces(results: readonly KubeguardResult[]): Generator<string, void, undefined> {
  yield "[";
  for (let i = 0; i < results.length; i++) {
    if (i) yield ",";
    const r = results[i]! as unknown as Record<string, unknown>;
    let first = true;
    yield "{";
    for (const key of Object.keys(r)) {
      const value = r[key];
      // JSON.stringify leaves out these properties; the rest are streamed per array element.
      if (value === undefined || typeof value === "function" || typeof value === "symbol") continue;
      yield `${first ? "" : ","}${JSON.stringify(key)}:`;
      first = false;
      if (Array.isArray(value) && (key === "messages" || key === "suppressedMessages")) {
        yield "[";
        for (let j = 0; j < value.length; j++) yield `${j ? "," : ""}${JSON.stringify(value[j]) ?? "null"}`;
        yield "]";
      } else yield JSON.stringify(value);
    }
    yield "}";
  }
  yield "]\n";
}
