/**
 * @fileoverview The GitHub Action (action.yml → dist/action.js, bundled by src/action/build.ts with
 * @actions/core inside). A thin shell around the CLI's `main()`: it builds the command line from the
 * inputs, runs it once with two reports (JSON in memory, SARIF to `sarif-file`), then
 * - annotates the findings on their exact lines (columns only for one-line ranges), most severe
 *   first, at most `annotations` per type (GitHub shows 10 errors, 10 warnings, 10 notices per step);
 * - writes every finding to the job summary (a table linking to the lines and the rule docs);
 * - sets outputs (counts by severity, `sarif-file`) and fails the step per `fail-on`.
 *
 * `only-changed`: on `pull_request` events the files the PR adds, copies, modifies or renames
 * (`git diff --diff-filter=ACMR base...head`, shas from GITHUB_EVENT_PATH; needs the history, i.e.
 * `actions/checkout` with `fetch-depth: 0`) restrict what is *reported* (annotations, summary,
 * counts, exit status). All `paths` are still linted: cross-document rules need every object, and
 * the SARIF must be complete, because code scanning closes the alerts an upload does not contain.
 * No token is used anywhere, so the action works on pull requests from forks.
 */
import * as core from "@actions/core";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { main } from "../cli/main.js";
import { isLintTarget } from "../cli/files.js";
import { annotation, reportRoot, selectAnnotations, sortedFindings, type Finding } from "../formatters/github.js";
import { describeResource } from "../formatters/stylish.js";
import type { KubeguardResult } from "../formatters/types.js";
import { SEVERITIES, type Severity } from "../rule.js";

/** GitHub's job-summary limit is 1 MiB per step; stay well below it. */
const SUMMARY_BUDGET = 900 * 1024;

const words = (s: string): string[] => s.split(/[\s,]+/u).filter(Boolean);

interface PullRequestEvent {
  pull_request?: { base?: { sha?: string }; head?: { sha?: string } };
}

const git = (cwd: string, args: string[]): string => execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** Files the pull request adds or changes (repository-relative, `/`), or null when unknown. */
function changedFiles(workspace: string): { files: Set<string>; headSha?: string } | null {
  const eventPath = process.env.GITHUB_EVENT_PATH;
  if (!eventPath) {
    core.warning("only-changed: GITHUB_EVENT_PATH is not set; reporting every file");
    return null;
  }
  const event = JSON.parse(readFileSync(eventPath, "utf8")) as PullRequestEvent;
  const base = event.pull_request?.base?.sha;
  const head = event.pull_request?.head?.sha;
  if (!base || !head) {
    core.info(`only-changed: not a pull request event (${process.env.GITHUB_EVENT_NAME ?? "unknown"}); reporting every file`);
    return null;
  }
  let top: string;
  let out: string;
  try {
    top = git(workspace, ["rev-parse", "--show-toplevel"]).trim();
    out = git(workspace, ["diff", "--name-only", "-z", "--no-renames", "--diff-filter=ACMR", `${base}...${head}`]);
  } catch (err) {
    const detail = ((err as { stderr?: string }).stderr ?? (err as Error).message).trim().split("\n")[0];
    core.warning(
      `only-changed: cannot diff ${base.slice(0, 12)}...${head.slice(0, 12)} (${detail}). Check out the history with actions/checkout's \`fetch-depth: 0\`. Reporting every file.`,
    );
    return null;
  }
  const root = reportRoot(workspace);
  const files = new Set<string>();
  for (const name of out.split("\0").filter(Boolean)) {
    const rel = relative(root, resolve(top, name));
    if (!rel.startsWith("..") && !isAbsolute(rel)) files.add(rel.split(sep).join("/"));
  }
  return { files, headSha: head };
}

const html = (s: string): string => s.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;");

function lineUrl(f: Finding, sha: string | undefined): string | null {
  const server = process.env.GITHUB_SERVER_URL ?? "https://github.com";
  const repo = process.env.GITHUB_REPOSITORY;
  if (!repo || !sha || f.file.startsWith("/")) return null;
  const m = f.message;
  const end = m.endLine !== undefined && m.endLine > m.line ? `-L${m.endLine}` : "";
  return `${server}/${repo}/blob/${sha}/${f.file.split("/").map(encodeURIComponent).join("/")}#L${m.line}${end}`;
}

async function run(): Promise<void> {
  const workspace = resolve(process.env.GITHUB_WORKSPACE ?? process.cwd());
  const paths = words(core.getInput("paths") || ".");
  const config = core.getInput("config");
  const presets = words(core.getInput("preset"));
  const failOnInput = (core.getInput("fail-on") || "high").toLowerCase();
  const onlyChanged = core.getBooleanInput("only-changed");
  const sarifFile = core.getInput("sarif-file");
  const annotationsInput = core.getInput("annotations") || "10";
  const kubernetesVersion = core.getInput("kubernetes-version");
  // Helm chart folders among the paths are rendered with the runner's helm (see the README).
  const helmValues = words(core.getInput("helm-values"));
  const helmSet = core.getMultilineInput("helm-set").filter(Boolean);
  const helmRelease = core.getInput("helm-release");
  const helmNamespace = core.getInput("helm-namespace");

  if (failOnInput !== "none" && !(SEVERITIES as readonly string[]).includes(failOnInput)) {
    throw new Error(`fail-on: expected one of ${SEVERITIES.join(", ")} or none, got '${failOnInput}'`);
  }
  const maxAnnotations = Number(annotationsInput);
  if (!Number.isInteger(maxAnnotations) || maxAnnotations < 0) throw new Error(`annotations: expected a whole number ≥ 0, got '${annotationsInput}'`);

  // Pairs by position: the SARIF report to its file, the JSON one to stdout (captured).
  const sarifPath = sarifFile ? resolve(workspace, sarifFile) : null;
  const cli = [...paths, ...(sarifPath ? ["--format", "sarif", "--output-file", sarifPath] : []), "--format", "json"];
  if (config) cli.push("--config", config);
  for (const p of presets) cli.push("--preset", p);
  if (kubernetesVersion) cli.push("--kubernetes-version", kubernetesVersion);
  for (const v of helmValues) cli.push("--helm-values", v);
  for (const kv of helmSet) cli.push("--helm-set", kv);
  if (helmRelease) cli.push("--helm-release", helmRelease);
  if (helmNamespace) cli.push("--helm-namespace", helmNamespace);

  let stdout = "";
  let stderr = "";
  const code = await main(cli, {
    cwd: workspace,
    env: { ...process.env, GITHUB_ACTIONS: undefined },
    stdin: (async function* () {})(),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: {
      write: (s: string) => {
        stderr += s;
        return process.stderr.write(s);
      },
    },
  });
  if (code === 2) throw new Error(`kubeguard failed (exit status 2): ${stderr.trim() || "no message"}`);
  const all = JSON.parse(stdout) as KubeguardResult[];

  const root = reportRoot(workspace);
  const changed = onlyChanged ? changedFiles(workspace) : null;
  const findings = sortedFindings(all, root).filter((f) => !changed || changed.files.has(f.file));
  const suppressed = all
    .filter((r) => !changed || changed.files.has(relative(root, r.filePath).split(sep).join("/")))
    .reduce((n, r) => n + r.suppressedMessages.length, 0);

  // Annotations, most severe first, capped per type.
  const { annotated, rest } = selectAnnotations(findings, maxAnnotations);
  for (const f of annotated) {
    const a = annotation(f);
    core[a.type](a.message, a.properties);
  }

  // Counts and outputs.
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) counts[f.message.level]++;
  for (const s of SEVERITIES) core.setOutput(s, counts[s]);
  core.setOutput("findings", findings.length);
  core.setOutput("suppressed", suppressed);
  core.setOutput("files", changed ? all.filter((r) => changed.files.has(relative(root, r.filePath).split(sep).join("/"))).length : all.length);
  if (sarifPath) core.setOutput("sarif-file", sarifPath);

  // Job summary: counts, then every finding (up to the size budget).
  const sha = changed?.headSha ?? process.env.GITHUB_SHA;
  const scope = changed ? `${changed.files.size} changed file${changed.files.size === 1 ? "" : "s"} of the pull request` : `${all.length} file${all.length === 1 ? "" : "s"}`;
  core.summary.addHeading("kubeguard", 2);
  core.summary.addRaw(
    `<p>${findings.length} finding${findings.length === 1 ? "" : "s"} in ${html(scope)}${suppressed ? `, ${suppressed} suppressed` : ""}.` +
      `${rest.length ? ` ${annotated.length} shown as annotations (GitHub shows at most ${maxAnnotations} per type per step); all are listed here.` : ""}</p>`,
    true,
  );
  core.summary.addTable([
    SEVERITIES.map((s) => ({ data: s, header: true })),
    SEVERITIES.map((s) => String(counts[s])),
  ]);
  if (findings.length) {
    const rows: (string | { data: string; header: boolean })[][] = [
      [
        { data: "Severity", header: true },
        { data: "Location", header: true },
        { data: "Rule", header: true },
        { data: "Object", header: true },
        { data: "Message", header: true },
      ],
    ];
    let size = 0;
    let omitted = 0;
    for (const f of findings) {
      const m = f.message;
      const url = lineUrl(f, sha);
      const where = `${html(f.file)}:${m.line}:${m.column}`;
      const rule = m.ruleId ?? "kubeguard";
      const row = [
        m.level,
        url ? `<a href="${html(url)}">${where}</a>` : where,
        m.url ? `<a href="${html(m.url)}">${html(rule)}</a>` : html(rule),
        html(describeResource(m)),
        html(m.message),
      ];
      size += row.reduce((n, c) => n + c.length + 9, 0);
      if (size > SUMMARY_BUDGET) {
        omitted++;
        continue;
      }
      rows.push(row);
    }
    core.summary.addTable(rows);
    if (omitted) core.summary.addRaw(`<p>${omitted} more finding${omitted === 1 ? "" : "s"} not listed (GitHub's 1 MiB summary limit)${sarifFile ? `; see ${html(sarifFile)}` : ""}.</p>`, true);
  }
  await core.summary.write();

  if (failOnInput !== "none") {
    const threshold = SEVERITIES.indexOf(failOnInput as Severity);
    const failing = findings.filter((f) => SEVERITIES.indexOf(f.message.level) <= threshold).length;
    if (failing) core.setFailed(`kubeguard: ${failing} finding${failing === 1 ? "" : "s"} at or above ${failOnInput}`);
  }
}

run().catch((err: unknown) => {
  core.setFailed(err instanceof Error ? err.message : String(err));
});
