/**
 * @fileoverview Generator of src/schema/version-delta.ts: which object fields of the core Kubernetes
 * API exist in which Kubernetes version, read from real `kubernetes-models` releases (one per
 * Kubernetes version, see docs/schema-findings.md for the exact commands). Never run at lint time.
 *
 *   node dist/src/schema/gen-version-delta.js 1.33 1.25=<dir of kubernetes-models 4.1.0> \
 *     1.27=<dir of 4.4.2> 1.33=<dir of 4.5.1> 1.34=<dir of 5.1.0> > src/schema/version-delta.ts
 *
 * The first argument is the snapshot the runtime validators come from (the installed
 * kubernetes-models). Each definition's field names are found the way validation finds them at
 * run time (src/schema/core.ts `runRecorded`): its standalone validator is run over a recording
 * proxy of `{}` and every property it reads is a field. A definition is identified at run time by
 * the sorted field names it has in the runtime snapshot (its signature); signatures shared by
 * definitions whose fields differ across versions are left out (ambiguous).
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { readdirSync, readFileSync } from "node:fs";
import { runRecorded, schemaLiteral, type StandaloneValidator } from "./core.js";

type Validate = StandaloneValidator;

async function fieldsOf(dir: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const schemas = join(dir, "_schemas");
  for (const f of readdirSync(schemas).sort()) {
    if (!f.endsWith(".js") || !f.startsWith("IoK8sApi")) continue;
    const mod = (await import(pathToFileURL(join(schemas, f)).href)) as { validate?: Validate; default?: { validate?: Validate } };
    const validate = mod.validate ?? mod.default?.validate;
    if (typeof validate !== "function") {
      // Older releases (ajv at run time): the module holds the schema as a JSON literal.
      const props = schemaLiteral(readFileSync(join(schemas, f), "utf8"))?.properties;
      if (props && typeof props === "object") out.set(f.slice(0, -3), Object.keys(props).sort());
      continue;
    }
    const { known } = runRecorded(validate, {});
    const top = known.find((k) => k.path.length === 0);
    if (top) out.set(f.slice(0, -3), [...top.names].sort());
  }
  return out;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
const [runtime, ...specs] = isMain ? process.argv.slice(2) : [];
if (!isMain) {
  // Imported, not run: nothing to do.
} else if (!runtime || specs.length < 2) {
  process.stderr.write("usage: gen-version-delta <runtime version> <version>=<kubernetes-models dir> ...\n");
  process.exit(2);
}
if (isMain && runtime) await main(runtime, specs);

async function main(runtime: string, specs: string[]): Promise<void> {
  const snapshots: { version: string; dir: string; fields: Map<string, string[]> }[] = [];
  for (const s of specs) {
    const eq = s.indexOf("=");
    const version = s.slice(0, eq);
    const dir = s.slice(eq + 1);
    snapshots.push({ version, dir, fields: await fieldsOf(dir) });
  }
  const base = snapshots.find((s) => s.version === runtime);
  if (!base) throw new Error(`no snapshot for the runtime version ${runtime}`);
  const versions = snapshots.map((s) => s.version);

  /** definition → field → snapshots that have it (only fields missing from some snapshot). */
  const deltas = new Map<string, Record<string, string[]>>();
  const definedIn = new Map<string, string[]>();
  for (const [def, names] of base.fields) {
    const all = new Set<string>();
    for (const s of snapshots) for (const n of s.fields.get(def) ?? []) all.add(n);
    const present: Record<string, string[]> = {};
    for (const n of [...all].sort()) {
      const where = snapshots.filter((s) => s.fields.get(def)?.includes(n)).map((s) => s.version);
      // A definition absent from an older snapshot (a new type) says nothing about its fields there.
      const defined = snapshots.filter((s) => s.fields.has(def)).map((s) => s.version);
      if (where.length !== defined.length) present[n] = where;
    }
    void names;
    definedIn.set(def, snapshots.filter((s) => s.fields.has(def)).map((s) => s.version));
    if (Object.keys(present).length) deltas.set(def, present);
  }
  const bySig = new Map<string, string[]>();
  for (const [def, names] of base.fields) {
    const sig = names.join(",");
    bySig.set(sig, [...(bySig.get(sig) ?? []), def]);
  }
  const entries: [string, { defs: string[]; defined: string[]; present: Record<string, string[]> }][] = [];
  const ambiguous: string[] = [];
  for (const [sig, defs] of bySig) {
    const withDelta = defs.filter((d) => deltas.has(d));
    if (!withDelta.length) continue;
    const shapes = new Set(defs.map((d) => JSON.stringify([deltas.get(d) ?? {}, definedIn.get(d)])));
    if (shapes.size > 1) {
      ambiguous.push(...defs);
      continue;
    }
    entries.push([sig, { defs, defined: definedIn.get(withDelta[0]!)!, present: deltas.get(withDelta[0]!)! }]);
  }
  entries.sort((a, b) => a[1].defs[0]!.localeCompare(b[1].defs[0]!));

  const lines: string[] = [];
  lines.push("/**");
  lines.push(" * @fileoverview GENERATED by src/schema/gen-version-delta.ts — do not edit. Core API object");
  lines.push(" * fields that exist in some Kubernetes versions only, from real kubernetes-models releases:");
  for (const s of snapshots) {
    const pkg = JSON.parse(readFileSync(join(s.dir, "package.json"), "utf8")) as { name: string; version: string };
    lines.push(` *   Kubernetes ${s.version}: ${pkg.name}@${pkg.version} (${s.fields.size} definitions)`);
  }
  lines.push(` * Keyed by the sorted field names of the definition in the runtime snapshot (${runtime}).`);
  if (ambiguous.length) lines.push(` * Left out (same field names, different history): ${ambiguous.sort().join(", ")}.`);
  lines.push(" */");
  lines.push(`export const RUNTIME_SNAPSHOT = ${JSON.stringify(runtime)};`);
  lines.push(`export const SNAPSHOTS: readonly string[] = ${JSON.stringify(versions)};`);
  lines.push("/** signature → [definitions, snapshots that have the definition, field → snapshots that have the field]. */");
  lines.push("export const VERSION_DELTA: Readonly<Record<string, readonly [readonly string[], readonly string[], Readonly<Record<string, readonly string[]>>]>> = {");
  for (const [sig, e] of entries) lines.push(`  ${JSON.stringify(sig)}: [${JSON.stringify(e.defs)}, ${JSON.stringify(e.defined)}, ${JSON.stringify(e.present)}],`);
  lines.push("};");
  process.stdout.write(`${lines.join("\n")}\n`);
}
