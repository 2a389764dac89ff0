/**
 * @fileoverview The floor: a parse-only pass with `yaml` (Parser + Composer, YAML 1.1, as
 * src/language/parse.ts calls it) over a list of files, in one thread. Prints JSON: files, bytes,
 * documents, Kubernetes objects (documents whose top level has apiVersion and kind), and the time
 * spent parsing (reading excluded). Like the CLI, it copies process.env into a plain object first
 * (`yaml` reads it per token; DESIGN §9), unless --keep-env.
 */
import { readFileSync } from "node:fs";
import { Composer, Parser, isMap } from "yaml";

const [listFile, ...flags] = process.argv.slice(2);
if (!listFile) throw new Error("usage: parse-only <file-with-paths>");
if (!flags.includes("--keep-env")) process.env = { ...process.env };
const files = readFileSync(listFile, "utf8").split("\n").filter(Boolean);
let bytes = 0;
let documents = 0;
let objects = 0;
let parseMs = 0;
for (const file of files) {
  const text = readFileSync(file, "utf8");
  bytes += Buffer.byteLength(text);
  const t0 = performance.now();
  const composer = new Composer({ version: "1.1", logLevel: "silent", uniqueKeys: true, prettyErrors: false });
  for (const doc of composer.compose(new Parser().parse(text), true, text.length)) {
    documents++;
    const c = doc.contents;
    if (isMap(c) && c.has("apiVersion") && c.has("kind")) objects++;
  }
  parseMs += performance.now() - t0;
}
process.stdout.write(`${JSON.stringify({ files: files.length, bytes, documents, objects, parseMs })}\n`);
