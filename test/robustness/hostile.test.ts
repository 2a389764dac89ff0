/**
 * @fileoverview Hostile and broken input through the real CLI (`main()` in-process, JSON output):
 * each case gets a clear message at its file/line/column, the other files of the run are still
 * linted, and the exit code is the documented one (docs/robustness.md). Every case runs next to
 * `ok.yaml` (a privileged Deployment) to prove the rest of the run goes on.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { setParseLimits } from "../../src/language/parse.js";
import { CORE_CONFIG, PRIVILEGED, project, runJson, type JsonRun, type Message } from "./helpers.js";

/** Lint `files` next to ok.yaml; assert ok.yaml was linted in full. */
async function lintWithNeighbour(files: Record<string, string | Buffer>, args: string[] = []): Promise<JsonRun & { dir: string }> {
  const dir = project({ ".kubeguard.yaml": CORE_CONFIG, "ok.yaml": PRIVILEGED, ...files });
  const r = await runJson(dir, ["--concurrency", "off", ...args, "."]);
  expect(r.stderr).not.toMatch(/internal error|Maximum call stack|RangeError|TypeError/u);
  const neighbour = r.of("ok.yaml").map((m) => [m.ruleId, m.line, m.column]);
  if (args.includes("--preset")) expect(neighbour).toContainEqual(["privileged-container", 25, 13]);
  else expect(neighbour).toEqual(args.includes("--fix") ? [] : [["privileged-container", 25, 13]]);
  return { ...r, dir };
}

const syntax = (messages: Message[]): Message[] => messages.filter((m) => m.ruleId === "valid-yaml");

describe("hostile input through the CLI", () => {
  afterEach(() => {
    setParseLimits({ timeBudgetMs: 60_000, maxLength: 64 * 1024 * 1024, maxDepth: 500 });
  });

  it("alias bomb (billion laughs, 9^20 leaves): linted in linear time, nothing expanded", async () => {
    let bomb = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    let prev = "a";
    for (const c of "bcdefghijklmnopqrstu") {
      bomb += `  ${c}: &${c} [${Array(9).fill(`*${prev}`).join(",")}]\n`;
      prev = c;
    }
    // The same bomb reached from a pod spec, where rules read static values (env, args).
    const pod = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    x: &x [a, a, a, a, a, a, a, a, a, a]\n    y: &y [*x, *x, *x, *x, *x, *x, *x, *x, *x, *x]\n    z: &z [*y, *y, *y, *y, *y, *y, *y, *y, *y, *y]\n    w: &w [*z, *z, *z, *z, *z, *z, *z, *z, *z, *z]\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      args: *w\n      securityContext:\n        privileged: true\n`;
    const r = await lintWithNeighbour({ "bomb.yaml": bomb, "pod.yaml": pod }, ["--preset", "all"]);
    expect(r.code).toBe(1);
    // The bomb is valid YAML: no parse error, and the ConfigMap is linted like any other object.
    expect(syntax(r.of("bomb.yaml"))).toEqual([]);
    expect(r.of("pod.yaml").some((m) => m.ruleId === "privileged-container" && m.line === 16)).toBe(true);
    expect(r.stdout.length).toBeLessThan(200_000); // nothing expanded into the report
    expect(r.ms).toBeLessThan(60_000);
  });

  it("10,000-deep nesting (flow and block): a diagnostic at the place, not a stack overflow", async () => {
    const flow = `a: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`;
    const blockSeq = `${"- ".repeat(10_000)}x\n`;
    let blockMap = "";
    // Block maps 10,000 deep need 10,000 indentation levels: 1 space each (50 MB); 2,000 levels show the same path.
    for (let i = 0; i < 2_000; i++) blockMap += `${" ".repeat(i)}k${i}:\n`;
    blockMap += `${" ".repeat(2_000)}v\n`;
    const r = await lintWithNeighbour({ "flow.yaml": flow, "seq.yaml": blockSeq, "map.yaml": blockMap });
    expect(r.code).toBe(1);
    for (const name of ["flow.yaml", "seq.yaml", "map.yaml"]) {
      const errs = syntax(r.of(name));
      expect(errs.length, name).toBe(1);
      expect(errs[0]!.message, name).toMatch(/Nesting (too deep|deeper than 500 levels)/u);
      expect(errs[0]!.line).toBeGreaterThan(0);
      expect(errs[0]!.column).toBeGreaterThan(0);
    }
    // The flow case is on line 1, after the first 500 brackets or so.
    expect(syntax(r.of("flow.yaml"))[0]!.line).toBe(1);
  });

  it("binary files and NUL bytes: named as such, with the position of the first NUL", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xd8]);
    const lateNul = `${PRIVILEGED.replace("name: web\n  namespace", "name: web\n  labels: {a: b}\n  namespace")}${"# padding\n".repeat(1000)}bad: "x\u0000y"\n`;
    const r = await lintWithNeighbour({ "image.yaml": png, "late-nul.yaml": lateNul });
    expect(r.code).toBe(1);
    const [bin] = syntax(r.of("image.yaml"));
    expect(bin).toMatchObject({ line: 3, column: 1, severity: 2 }); // "\x89PNG\r\n", "\x1a\n", then NUL
    expect(bin!.message).toContain("binary file");
    const late = syntax(r.of("late-nul.yaml"));
    expect(late).toHaveLength(1);
    expect(late[0]!.message).toContain("NUL byte");
    expect(late[0]).toMatchObject({ line: 1027, column: 8 });
    // A broken document is not linted: no privileged-container finding from it.
    expect(r.of("late-nul.yaml").filter((m) => m.ruleId === "privileged-container")).toEqual([]);
  });

  it("invalid UTF-8 and control characters: an error at the byte, and --fix never rewrites the file", async () => {
    const bad = Buffer.concat([Buffer.from(PRIVILEGED.slice(0, PRIVILEGED.indexOf("web\n  namespace"))), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(PRIVILEGED.slice(PRIVILEGED.indexOf("web\n  namespace"))), Buffer.from(`---\n${PRIVILEGED}`)]);
    // Document 2 is fine and has a fixable finding: writing the fix would re-encode the bad bytes.
    const bell = PRIVILEGED.replace("app: web\n  template", "app: w\u0007b\n  template");
    const r = await lintWithNeighbour({ "latin.yaml": bad, "bell.yaml": bell }, ["--fix"]);
    const [utf] = syntax(r.of("latin.yaml"));
    expect(utf).toMatchObject({ line: 5, column: 9 });
    expect(utf!.message).toContain("Invalid UTF-8");
    const [ctl] = syntax(r.of("bell.yaml"));
    expect(ctl!.message).toContain("Control character U+0007");
    expect(ctl).toMatchObject({ line: 11, column: 13 });
    // The neighbour was fixed; the broken files were left byte for byte.
    const { readFileSync } = await import("node:fs");
    expect(readFileSync(join(r.dir, "latin.yaml")).equals(bad)).toBe(true);
    expect(readFileSync(join(r.dir, "bell.yaml"), "utf8")).toBe(bell);
    expect(r.stderr).toContain("not writing fixes to latin.yaml");
  });

  it("BOM, CRLF, lone CR and mixed line endings: the same line and column as the LF file", async () => {
    const crlf = `\uFEFF${PRIVILEGED.replace(/\n/gu, "\r\n")}`;
    const lines = PRIVILEGED.split("\n");
    const mixed = lines.map((l, i) => l + (i === lines.length - 1 ? "" : i % 3 === 0 ? "\r\n" : "\n")).join("");
    const r = await lintWithNeighbour({ "crlf.yaml": crlf, "mixed.yaml": mixed });
    for (const name of ["crlf.yaml", "mixed.yaml"]) {
      expect(r.of(name).map((m) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn]), name).toEqual([["privileged-container", 25, 13, 25, 29]]);
    }
  });

  it("tab indentation: reported by valid-yaml with its position; a tab inside a value is fine", async () => {
    const tabs = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n";
    const inValue = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: \"one\\ttwo\"\n  b: one\ttwo\n";
    const r = await lintWithNeighbour({ "tabs.yaml": tabs, "in-value.yaml": inValue });
    const errs = syntax(r.of("tabs.yaml"));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ line: 4, column: 1 });
    expect(r.of("in-value.yaml")).toEqual([]);
  });

  it("duplicate keys: each one reported (Kubernetes rejects them); 20,000-key maps stay fast", async () => {
    const dup = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\ndata: {x: 1, y: 2, x: 3}\n";
    const many = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n${Array.from({ length: 20_000 }, (_, i) => `  k${i}: "v"`).join("\n")}\n  k7: dup\n`;
    const flowMany = `{${Array.from({ length: 20_000 }, (_, i) => `k${i}`).join(", ")}}\n`;
    const r = await lintWithNeighbour({ "dup.yaml": dup, "many.yaml": many, "flow-many.yaml": flowMany });
    expect(syntax(r.of("dup.yaml")).map((m) => [m.messageId, m.line, m.column])).toEqual([
      ["duplicateKey", 5, 3],
      ["duplicateKey", 6, 20],
    ]);
    expect(syntax(r.of("many.yaml")).map((m) => [m.messageId, m.line, m.column])).toEqual([["duplicateKey", 20_006, 3]]);
    expect(r.of("flow-many.yaml")).toEqual([]);
    // The library's own pairwise check took ~30 s on the 20,000-key map (measured); ours is linear.
    expect(r.ms).toBeLessThan(30_000);
  });

  it("YAML 1.1 booleans and octals are read as the API server reads them", async () => {
    const yes = PRIVILEGED.replace("privileged: true", "privileged: yes").replace("replicas: 2", "replicas: 010");
    const quoted = PRIVILEGED.replace("privileged: true", 'privileged: "yes"');
    const r = await lintWithNeighbour({ "yes.yaml": yes, "quoted.yaml": quoted });
    expect(r.of("yes.yaml").map((m) => [m.ruleId, m.line])).toEqual([["privileged-container", 25]]);
    expect(r.of("quoted.yaml").filter((m) => m.ruleId === "privileged-container")).toEqual([]);
    const { parseProgram } = await import("../../src/language/language.js");
    const { getIn, staticValue } = await import("../../src/language/query.js");
    const doc = parseProgram("a: 0644\nb: on\nc: 0o17\nd: 0x1F\ne: 1_000\n", "x.yaml").body[0]!;
    expect(staticValue(doc.content)).toEqual({ a: 420, b: true, c: "0o17", d: 31, e: 1000 });
    expect(getIn(doc.content, ["a"])).toMatchObject({ type: "Scalar", value: 420 });
  });

  it("empty files, empty documents and comment-only documents: no finding, no crash; 'no objects' when alone", async () => {
    const r = await lintWithNeighbour({ "empty.yaml": "", "docs.yaml": "---\n---\n...\n---\n", "comments.yaml": "# just\n# comments\n---\n# more\n" });
    expect(r.code).toBe(1);
    for (const name of ["empty.yaml", "docs.yaml", "comments.yaml"]) expect(r.of(name), name).toEqual([]);
    const alone = project({ ".kubeguard.yaml": CORE_CONFIG, "empty.yaml": "", "comments.yaml": "# x\n" });
    const r2 = await runJson(alone, ["."]);
    expect(r2.code).toBe(0);
    expect(r2.stderr).toContain("no Kubernetes objects found");
  });

  it("an enormous single line (5 MB) is linted, and the finding after it has the right column", async () => {
    const long = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: long\ndata:\n  blob: ${"x".repeat(5_000_000)}\n  k: v\n  k: w\n`;
    const r = await lintWithNeighbour({ "long.yaml": long });
    expect(syntax(r.of("long.yaml")).map((m) => [m.messageId, m.line, m.column])).toEqual([["duplicateKey", 8, 3]]);
    expect(r.ms).toBeLessThan(60_000);
  });

  it("unrendered templates ({{ }} Helm/Go, {% %} Jinja): named as templates, not as random syntax errors", async () => {
    const helm = "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include \"x.fullname\" . }}\n  labels:\n    {{- include \"x.labels\" . | nindent 4 }}\n";
    const jinja = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n{% if debug %}\nspec: {}\n{% endif %}\n";
    const r = await lintWithNeighbour({ "helm.yaml": helm, "jinja.yaml": jinja });
    const [h] = syntax(r.of("helm.yaml"));
    const [j] = syntax(r.of("jinja.yaml"));
    expect(h!.messageId).toBe("unrenderedTemplate");
    expect(h!.message).toContain("{{ … }}");
    expect(j!.messageId).toBe("unrenderedTemplate");
    expect(j!.message).toContain("{% … %}");
    expect(j).toMatchObject({ line: 5, column: 2 });
  });

  it("a file over the size limit: one diagnostic, not parsed (limit lowered for the test)", async () => {
    setParseLimits({ maxLength: 1024 * 1024 });
    const big = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n${"  k: v\n".repeat(200_000)}`;
    const r = await lintWithNeighbour({ "big.yaml": big });
    const errs = syntax(r.of("big.yaml"));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ line: 1, column: 1 });
    expect(errs[0]!.message).toMatch(/too large to lint \(1\.3 MiB; the limit is 1\.0 MiB\)/u);
  });

  it("a 50 MB file within the time budget is cut off with a diagnostic at the line where reading stopped", async () => {
    // Budget lowered so the test is quick; the default is 60 s (docs/robustness.md).
    setParseLimits({ timeBudgetMs: 1_500 });
    const cm = (i: number): string => `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n  namespace: ns\ndata:\n  key: "${"v".repeat(900)}"\n`;
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 50 * 1024 * 1024; i++) {
      const p = cm(i);
      parts.push(p);
      size += p.length;
    }
    const big = parts.join("");
    const dir = project({ ".kubeguard.yaml": CORE_CONFIG, "ok.yaml": PRIVILEGED });
    writeFileSync(join(dir, "big.yaml"), big);
    const r = await runJson(dir, ["--concurrency", "off", "."]); // in this thread: setParseLimits applies
    expect(r.of("ok.yaml").map((m) => m.ruleId)).toEqual(["privileged-container"]);
    const errs = syntax(r.of("big.yaml"));
    expect(errs).toHaveLength(1);
    expect(errs[0]!.message).toContain("longer than the time budget (1500 ms)");
    expect(errs[0]!.line).toBeGreaterThan(1);
    expect(errs[0]!.line).toBeLessThan(big.split("\n").length);
    expect(r.code).toBe(1);
  }, 300_000);

  it("symlink loops, dangling links, FIFOs and folders named *.yaml: named on stderr, the rest linted, exit 2", async () => {
    const dir = project({ ".kubeguard.yaml": CORE_CONFIG, "ok.yaml": PRIVILEGED });
    symlinkSync("loop-b.yaml", join(dir, "loop-a.yaml"));
    symlinkSync("loop-a.yaml", join(dir, "loop-b.yaml"));
    symlinkSync("nowhere.yaml", join(dir, "dangling.yaml"));
    mkdirSync(join(dir, "folder.yaml"));
    writeFileSync(join(dir, "folder.yaml", "inner.yaml"), PRIVILEGED);
    const fifo = spawnSync("mkfifo", [join(dir, "pipe.yaml")]);
    const haveFifo = fifo.status === 0;
    const r = await runJson(dir, ["."]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("kubeguard: cannot lint loop-a.yaml: symbolic link loop");
    expect(r.stderr).toContain("kubeguard: cannot lint loop-b.yaml: symbolic link loop");
    expect(r.stderr).toContain("kubeguard: cannot lint dangling.yaml: dangling symbolic link");
    if (haveFifo) expect(r.stderr).toContain("kubeguard: cannot lint pipe.yaml: not a regular file (a FIFO");
    expect(r.of("ok.yaml").map((m) => m.ruleId)).toEqual(["privileged-container"]);
    expect(r.of("folder.yaml/inner.yaml").map((m) => m.ruleId)).toEqual(["privileged-container"]);
    // Named explicitly: the same messages, no "no such file" usage error, no hang on the FIFO.
    const r2 = await runJson(dir, ["loop-a.yaml", ...(haveFifo ? ["pipe.yaml"] : []), "ok.yaml"]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain("cannot lint loop-a.yaml: symbolic link loop");
    expect(r2.results.map((f) => f.filePath)).toEqual([join(dir, "ok.yaml")]);
  });
});
