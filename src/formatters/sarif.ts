/**
 * @fileoverview `--format sarif`: SARIF 2.1.0 for GitHub code scanning
 * (research/ecosystem.md §2; GitHub's "SARIF support for code scanning").
 *
 * - One run, one tool: `tool.driver` with name, version, informationUri and a `rules` entry per
 *   rule of the run (the enabled rules when the CLI passes them, plus every rule with a result),
 *   each with short/full description, `help` (text and markdown from `rules/<id>.md`), `helpUri`,
 *   `properties.tags` and `properties["security-severity"]` — a *string* (GitHub rejects numbers):
 *   critical "9.5", high "8.0", medium "5.5", low "3.0", info "1.0" (GitHub's bands: ≥9.0
 *   critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low).
 * - Results: `ruleId` + `ruleIndex`, `level` (ESLint error → error, warning → warning, or note at
 *   level info), message, the exact region (1-based; `endColumn` exclusive, as ESLint's; columns in
 *   UTF-16 code units, declared in `columnKind`), a repository-relative `uri` with `uriBaseId`
 *   `%SRCROOT%` (the git work tree containing the cwd).
 * - `partialFingerprints.primaryLocationLineHash` (the only one GitHub reads) is *not* a line hash:
 *   it hashes the rule id, the file, the resource identity (apiVersion, kind, namespace, name; the
 *   document index only for documents that are not objects), the message id and the normalised
 *   message text, plus an occurrence counter for identical tuples. Editing other lines or other
 *   objects does not change it; GitHub therefore keeps the alert across unrelated edits.
 * - Suppressed findings (ESLint's `suppressedMessages`) are results with `suppressions`
 *   (`inSource`, `accepted`, the `-- reason`); every result then carries `suppressions` (empty
 *   when active), because SARIF wants it on all results of a run or on none. GitHub code scanning
 *   is documented to ingest them as open alerts (github/codeql-action#1230).
 * - `results` is an empty array, never absent, when nothing is found.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { rules } from "../../rules/index.js";
import { docsUrl, type K8sRuleDefinition, type Severity } from "../rule.js";
import { VERSION } from "../version.js";
import { reportRoot, rootRelative } from "./github.js";
import type { Formatter, FormatContext, KubeguardMessage, KubeguardResult } from "./types.js";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
export const INFORMATION_URI = "https://github.com/kubeguard/kubeguard";

/** GitHub `security-severity` per kubeguard severity: strings, inside GitHub's bands. */
export const SECURITY_SEVERITY: Record<Severity, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0", info: "1.0" };

const ruleByName = new Map((Object.values(rules) as K8sRuleDefinition[]).map((r) => [r.name, r]));

/** Pseudo-rules for messages without a rule (ESLint's directive problems and fatal parse errors). */
const PSEUDO_RULES: Record<string, { description: string; help: string }> = {
  "kubeguard-directive": {
    description: "Problems with suppression comments",
    help: "A `kubeguard-disable` / `eslint-disable` comment or a `kubeguard.io/ignore` annotation that suppresses nothing, or that names no known rule. Remove it or fix the rule name.",
  },
  "kubeguard-fatal": {
    description: "The file could not be linted",
    help: "kubeguard could not read or parse this file at all; nothing else in it was checked.",
  },
};
const pseudoRuleId = (m: KubeguardMessage): string => m.ruleId ?? (m.fatal ? "kubeguard-fatal" : "kubeguard-directive");

/** The folder of the kubeguard package (holding `rules/*.md`), found upward from this module. */
function packageDir(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && existsSync(join(dir, "rules"))) {
      try {
        if ((JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "kubeguard") return dir;
      } catch {
        // not ours; keep looking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

let docsDir: string | null | undefined;
/** The text of `rules/<id>.md`, or null when it is not available. */
export function ruleDoc(id: string): string | null {
  if (docsDir === undefined) docsDir = packageDir();
  if (!docsDir || !/^[a-z0-9-]+$/u.test(id)) return null;
  try {
    return readFileSync(join(docsDir, "rules", `${id}.md`), "utf8").replace(/\r\n/gu, "\n");
  } catch {
    return null;
  }
}

/** The first paragraph of a `## <heading>` section, whitespace collapsed. */
function firstParagraph(doc: string, heading: string): string | null {
  const match = new RegExp(`^## ${heading}\\s*\\n+([\\s\\S]*?)(?:\\n[ \\t]*\\n|\\n## |(?![\\s\\S]))`, "mu").exec(doc);
  return match ? match[1]!.replace(/\s+/gu, " ").trim() || null : null;
}

const clip = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  defaultConfiguration: { level: "error" | "warning" | "note" };
  help: { text: string; markdown: string };
  helpUri: string;
  properties: { tags: string[]; precision: string; "security-severity": string; severity: Severity };
}

const camel = (id: string): string => id.replace(/-([a-z0-9])/gu, (_, c: string) => c.toUpperCase()).replace(/^./u, (c) => c.toUpperCase());

const sarifLevel = (m: KubeguardMessage): "error" | "warning" | "note" => (m.severity === 2 ? "error" : m.level === "info" ? "note" : "warning");

/** The reporting descriptor of one rule; `severity` is the level its results have in this run. */
export function sarifRule(id: string, severity: Severity): SarifRule {
  const rule = ruleByName.get(id);
  const pseudo = PSEUDO_RULES[id];
  const url = rule ? rule.meta.docs.url : pseudo ? `${INFORMATION_URI}#suppressions` : docsUrl(id);
  const description = rule?.meta.docs.description ?? pseudo?.description ?? id;
  const doc = rule ? ruleDoc(id) : null;
  // The doc without its `# id` title line and the one-line description under it.
  const body = doc ? doc.replace(/^# [^\n]*\n+/u, "").replace(/^[^\n#][^\n]*\n+/u, "").trim() : (pseudo?.help ?? description);
  const why = doc ? firstParagraph(doc, "Why") : null;
  const tags = ["security", "kubernetes"];
  if (rule) {
    const s = rule.meta.docs.standards;
    for (const p of rule.meta.docs.presets) tags.push(`preset:${p}`);
    if (s?.pss) tags.push(`pss:${s.pss.split(":")[0]!.trim()}`);
    for (const c of s?.cis ?? []) tags.push(`cis:${c}`);
    if (s?.nsa) tags.push("nsa");
  }
  const defaultLevel = severity === "critical" || severity === "high" || severity === "medium" ? "error" : severity === "low" ? "warning" : "note";
  return {
    id,
    name: camel(id),
    shortDescription: { text: clip(description, 1024) },
    fullDescription: { text: clip(why ?? description, 1024) },
    defaultConfiguration: { level: defaultLevel },
    help: { text: `${body}\n\nDocumentation: ${url}`, markdown: `${body}\n\n[Rule documentation](${url})` },
    helpUri: url,
    properties: {
      tags: [...new Set(tags)].slice(0, 20),
      precision: "very-high",
      "security-severity": SECURITY_SEVERITY[severity],
      severity,
    },
  };
}

const sha256 = (s: string): string => createHash("sha256").update(s).digest("hex");

/** The stable part of a fingerprint: rule, file, resource identity, message. No positions. */
function fingerprintKey(ruleId: string, uri: string, m: KubeguardMessage): string {
  const r = m.resource;
  const resource = r?.kind ? [r.apiVersion ?? "", r.kind, r.namespace ?? "", r.name ?? ""] : r ? [`document ${r.docIndex}`] : ["file"];
  return JSON.stringify([ruleId, uri, ...resource, m.helmSource ?? "", m.messageId ?? "", m.message.replace(/\s+/gu, " ").trim()]);
}

export interface SarifOptions {
  /** Include suppressed findings with `suppressions` (default true). */
  includeSuppressed?: boolean;
}

/** The SARIF log object (the formatter serialises it). */
export function sarifLog(results: KubeguardResult[], context: FormatContext, options: SarifOptions = {}): Record<string, unknown> {
  const root = reportRoot(context.cwd);
  const includeSuppressed = options.includeSuppressed ?? true;
  type Entry = { m: KubeguardMessage; filePath: string; suppressed: boolean };
  const entries: Entry[] = [];
  for (const r of results) {
    for (const m of r.messages) entries.push({ m, filePath: r.filePath, suppressed: false });
    if (includeSuppressed) for (const m of r.suppressedMessages) entries.push({ m, filePath: r.filePath, suppressed: true });
  }

  // Rules: the enabled ones and every one with a result; severity = the highest level of its results.
  const severities = new Map<string, Severity>();
  const rank = (s: Severity): number => ["info", "low", "medium", "high", "critical"].indexOf(s);
  for (const id of context.rules ?? []) severities.set(id, ruleByName.get(id)?.meta.docs.severity ?? "info");
  const seenWithResults = new Set<string>();
  for (const { m } of entries) {
    const id = pseudoRuleId(m);
    const before = seenWithResults.has(id) ? severities.get(id) : undefined;
    if (before === undefined || rank(m.level) > rank(before)) severities.set(id, m.level);
    seenWithResults.add(id);
  }
  const ids = [...severities.keys()].sort();
  const ruleIndex = new Map(ids.map((id, i) => [id, i]));

  const occurrences = new Map<string, number>();
  const anySuppressed = entries.some((e) => e.suppressed);
  const sarifResults = entries.map(({ m, filePath, suppressed }) => {
    const id = pseudoRuleId(m);
    // Rendered Helm/kustomize output: the location is the file a person edits (m.source, src/sourcemap).
    const mapped = m.source !== undefined && m.source.file !== filePath ? m.source : null;
    const rel = rootRelative(mapped?.file ?? filePath, root);
    const artifactLocation = rel !== null ? { uri: encodeURI(rel).replace(/[?#]/gu, encodeURIComponent), uriBaseId: "%SRCROOT%" } : { uri: pathToFileURL(mapped?.file ?? filePath).href };
    const region: Record<string, number> = mapped ? { startLine: mapped.line, startColumn: mapped.column } : { startLine: m.line, startColumn: m.column };
    if (!mapped && m.endLine !== undefined) region.endLine = m.endLine;
    if (!mapped && m.endColumn !== undefined) region.endColumn = m.endColumn;
    const key = fingerprintKey(id, artifactLocation.uri, m);
    const n = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, n);
    const result: Record<string, unknown> = {
      ruleId: id,
      ruleIndex: ruleIndex.get(id),
      level: sarifLevel(m),
      message: { text: m.message },
      locations: [{ physicalLocation: { artifactLocation, region } }],
      ...(m.related?.length
        ? {
            relatedLocations: m.related.map((rel, i) => {
              const relPath = rootRelative(rel.file, root);
              return {
                id: i + 1,
                physicalLocation: {
                  artifactLocation: relPath !== null ? { uri: encodeURI(relPath).replace(/[?#]/gu, encodeURIComponent), uriBaseId: "%SRCROOT%" } : { uri: pathToFileURL(rel.file).href },
                  region: { startLine: rel.line, startColumn: rel.column, endLine: rel.endLine, endColumn: rel.endColumn },
                },
                message: { text: rel.message },
              };
            }),
          }
        : {}),
      partialFingerprints: { primaryLocationLineHash: `${sha256(key).slice(0, 32)}:${n}` },
      properties: {
        severity: m.level,
        ...(m.resource?.kind ? { resource: m.resource } : {}),
        ...(m.helmSource ? { helmSource: m.helmSource } : {}),
        ...(mapped ? { source: mapped, renderedLocation: { file: rootRelative(filePath, root) ?? filePath, line: m.line, column: m.column } } : {}),
      },
    };
    if (anySuppressed) {
      result.suppressions = suppressed
        ? (m.suppressions?.length ? m.suppressions : [{ kind: "directive", justification: "" }]).map((s) => ({
            kind: s.kind === "external" ? "external" : "inSource",
            status: "accepted",
            ...(s.justification ? { justification: s.justification } : {}),
          }))
        : [];
    }
    return result;
  });

  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "kubeguard",
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: INFORMATION_URI,
            rules: ids.map((id) => sarifRule(id, severities.get(id)!)),
          },
        },
        originalUriBaseIds: { "%SRCROOT%": { uri: pathToFileURL(root.endsWith("/") ? root : `${root}/`).href } },
        columnKind: "utf16CodeUnits",
        results: sarifResults,
      },
    ],
  };
}

export const formatSarif: Formatter = (results, context) => `${JSON.stringify(sarifLog(results, context), null, 2)}\n`;
