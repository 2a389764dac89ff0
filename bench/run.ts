/**
 * @fileoverview `npm run bench`: the performance figures of issue 9, from one run on the same files.
 *
 *   node dist/bench/run.js [--corpus <dir>] [--stream-mb <n>] [--profile] [--no-write]
 *
 * Every kubeguard figure is a real `bin/kubeguard.js` process (spawn to exit), with its CPU time
 * (all threads) and peak RSS read from the process itself (bench/usage-hook.ts). The floor is a
 * parse-only pass with `yaml` over the YAML/JSON files of the same list (bench/parse-only.ts).
 * Results are printed and written between the markers of docs/benchmarks.md.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const SOURCE_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const TMP = mkdtempSync(join(tmpdir(), "kubeguard-bench-"));
/**
 * The bench runs a snapshot of the build (bin/, dist/, package.json; node_modules linked), so a
 * rebuild of dist/ during the run (another test run, an editor) cannot change what is measured.
 */
const ROOT = join(TMP, "snapshot");
for (const part of ["bin", "dist", "package.json"]) cpSync(join(SOURCE_ROOT, part), join(ROOT, part), { recursive: true, preserveTimestamps: true });
symlinkSync(join(SOURCE_ROOT, "node_modules"), join(ROOT, "node_modules"), "dir");
const HERE = join(ROOT, "dist", "bench");
const BIN = join(ROOT, "bin", "kubeguard.js");

const argv = process.argv.slice(2);
const flag = (name: string): boolean => argv.includes(name);
const value = (name: string, fallback: string): string => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
};
const CORPUS = value("--corpus", join(SOURCE_ROOT, "..", "shared", "corpus"));
const STREAM_MB = Number(value("--stream-mb", "50"));

interface Run {
  wallMs: number;
  userMs: number;
  systemMs: number;
  maxRssKb: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run node with the usage hook; wall time from spawn to exit. */
function runNode(args: string[], cwd = TMP): Promise<Run> {
  const usageFile = join(TMP, `usage-${process.hrtime.bigint()}.json`);
  const hook = pathToFileURL(join(HERE, "usage-hook.js")).href;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ["--import", hook, ...args], { cwd, env: { ...process.env, KUBEGUARD_BENCH_USAGE: usageFile } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = performance.now() - t0;
      const u = existsSync(usageFile) ? (JSON.parse(readFileSync(usageFile, "utf8")) as Omit<Run, "wallMs" | "code" | "stdout" | "stderr">) : { userMs: NaN, systemMs: NaN, maxRssKb: NaN };
      resolve({ wallMs, ...u, code, stdout, stderr });
    });
  });
}

const kubeguard = async (args: string[]): Promise<Run> => {
  const r = await runNode([BIN, ...args]);
  if (r.code !== 0 && r.code !== 1) throw new Error(`kubeguard ${args.join(" ")} exited ${r.code}: ${r.stderr.slice(0, 2000)}`);
  return r;
};

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const sec = (ms: number): string => (ms / 1000).toFixed(2);
const cpuMs = (r: Run): number => r.userMs + r.systemMs;
const mb = (bytes: number): number => bytes / 1e6;

// ---------------------------------------------------------------------------------------------
// Inputs: the CLI's own file list for the corpus; the stress set.

interface FileList {
  files: string[];
  yamlFiles: string[];
  bytes: number;
}

async function listFiles(dir: string): Promise<FileList> {
  const { collectInputs, Ignorer } = (await import(pathToFileURL(join(ROOT, "dist", "src", "cli", "files.js")).href)) as {
    collectInputs(args: string[], cwd: string, ignorer: unknown): { files: string[] };
    Ignorer: new (root: string) => unknown;
  };
  const { fileKindOf } = (await import(pathToFileURL(join(ROOT, "dist", "src", "language", "language.js")).href)) as { fileKindOf(p: string): string };
  const files = collectInputs([dir], dir, new Ignorer(dir)).files;
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  return { files, yamlFiles: files.filter((f) => fileKindOf(f) === "yaml"), bytes };
}

function deployment(i: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: team-${i % 7}
  labels:
    app: app-${i}
spec:
  replicas: ${(i % 5) + 1}
  selector:
    matchLabels:
      app: app-${i}
  template:
    metadata:
      labels:
        app: app-${i}
    spec:
      serviceAccountName: app-${i}
      securityContext:
        runAsNonRoot: ${i % 3 === 0 ? "false" : "true"}
      containers:
        - name: web
          image: registry.example.com/app-${i}:1.${i % 10}.0
          args: ["--port=8080", "--log-level=info"]
          ports:
            - containerPort: 8080
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { cpu: 500m, memory: 256Mi }
          securityContext:
            allowPrivilegeEscalation: ${i % 4 === 0 ? "true" : "false"}
            privileged: ${i % 9 === 0 ? "true" : "false"}
            readOnlyRootFilesystem: true
          livenessProbe:
            httpGet: { path: /healthz, port: 8080 }
          env:
            - name: MODE
              value: "production"
            - name: INDEX
              value: "${i}"
`;
}

/** A multi-document stream of about `targetBytes`. */
function stream(targetBytes: number): { text: string; objects: number } {
  const parts: string[] = [];
  let size = 0;
  let i = 0;
  while (size < targetBytes) {
    const d = `---\n${deployment(i++)}`;
    parts.push(d);
    size += d.length;
  }
  return { text: parts.join(""), objects: i };
}

// ---------------------------------------------------------------------------------------------

interface Row {
  label: string;
  value: string;
  target?: string;
  met?: boolean | null;
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, "dist", "src", "cli", "main.js"))) throw new Error("dist/ is missing: run `npm run build` first");
  if (!existsSync(CORPUS)) throw new Error(`corpus not found: ${CORPUS} (--corpus <dir>)`);
  const startLoad = loadavg()[0]!;
  const started = new Date();
  const rows: Row[] = [];
  // Each figure is also logged as soon as it is known (a long run that is stopped keeps them).
  const push = rows.push.bind(rows);
  rows.push = (...xs: Row[]): number => {
    for (const r of xs) process.stderr.write(`bench: ${r.label}: ${r.value}\n`);
    return push(...xs);
  };
  const notes: string[] = [];
  const log = (s: string): void => void process.stderr.write(`${s}\n`);
  const nproc = availableParallelism();

  // Corpus ----------------------------------------------------------------------------------
  log(`bench: listing ${CORPUS}`);
  const corpus = await listFiles(CORPUS);
  const listFile = join(TMP, "corpus-yaml.txt");
  writeFileSync(listFile, corpus.yamlFiles.join("\n"));
  log(`bench: parse-only pass (yaml) over ${corpus.yamlFiles.length} files`);
  const parseRun = await runNode([join(HERE, "parse-only.js"), listFile]);
  const parse = JSON.parse(parseRun.stdout) as { files: number; bytes: number; documents: number; objects: number; parseMs: number };

  const common = ["--preset", "all", "--format", "json", "--fail-on", "critical"];
  log("bench: kubeguard, one thread (--concurrency off)");
  const serial = await kubeguard([...common, "--concurrency", "off", "-o", join(TMP, "serial.json"), CORPUS]);
  log("bench: kubeguard, worker threads (default: auto)");
  const parallel = await kubeguard([...common, "-o", join(TMP, "parallel.json"), CORPUS]);
  const serialOut = readFileSync(join(TMP, "serial.json"), "utf8");
  const parallelSame = serialOut === readFileSync(join(TMP, "parallel.json"), "utf8");

  log("bench: kubeguard --cache (cold, then unchanged tree)");
  const cacheFile = join(TMP, "cache", ".kubeguardcache");
  const cacheCold = await kubeguard([...common, "--cache", "--cache-location", cacheFile, "-o", join(TMP, "cache1.json"), CORPUS]);
  const cacheWarm = await kubeguard([...common, "--cache", "--cache-location", cacheFile, "-o", join(TMP, "cache2.json"), CORPUS]);
  const cacheSame = serialOut === readFileSync(join(TMP, "cache1.json"), "utf8") && serialOut === readFileSync(join(TMP, "cache2.json"), "utf8");

  const results = JSON.parse(serialOut) as { messages: unknown[] }[];
  const findings = results.reduce((n, r) => n + r.messages.length, 0);

  const ratioSerial = serial.wallMs / parseRun.wallMs;
  const ratioSerialCpu = cpuMs(serial) / cpuMs(parseRun);
  rows.push({ label: "corpus", value: `${corpus.files.length} files, ${mb(corpus.bytes).toFixed(1)} MB (${mb(parse.bytes).toFixed(1)} MB YAML/JSON, ${parse.documents} documents, ${parse.objects} objects); ${findings} findings (--preset all)` });
  rows.push({ label: "parse-only (yaml, 1 thread)", value: `${sec(parseRun.wallMs)} s process (${sec(parse.parseMs)} s parsing; ${sec(cpuMs(parseRun))} s CPU), ${(mb(parse.bytes) / (parse.parseMs / 1000)).toFixed(2)} MB/s` });
  rows.push({ label: "kubeguard, 1 thread", value: `${sec(serial.wallMs)} s, ${sec(cpuMs(serial))} s CPU, ${(mb(corpus.bytes) / (serial.wallMs / 1000)).toFixed(2)} MB/s, ${Math.round(parse.objects / (serial.wallMs / 1000))} objects/s, peak RSS ${Math.round(serial.maxRssKb / 1024)} MB` });
  rows.push({ label: "ratio to parse-only, 1 thread", value: `${ratioSerial.toFixed(2)}× wall, ${ratioSerialCpu.toFixed(2)}× CPU`, target: "≤ 1.3×", met: ratioSerial <= 1.3 });
  rows.push({ label: `kubeguard, worker threads (${nproc} cores)`, value: `${sec(parallel.wallMs)} s, ${sec(cpuMs(parallel))} s CPU, ${(mb(corpus.bytes) / (parallel.wallMs / 1000)).toFixed(2)} MB/s, ${Math.round(parse.objects / (parallel.wallMs / 1000))} objects/s; ${(parallel.wallMs / parseRun.wallMs).toFixed(2)}× parse-only` });
  rows.push({ label: "peak RSS, corpus", value: `${Math.round(serial.maxRssKb / 1024)} MB one thread, ${Math.round(parallel.maxRssKb / 1024)} MB worker threads`, target: "≤ 300 MB", met: Math.max(serial.maxRssKb, parallel.maxRssKb) / 1024 <= 300 });
  rows.push({ label: "parallel output = serial output", value: parallelSame ? "identical" : "DIFFERENT", met: parallelSame });
  rows.push({ label: "--cache: first run / unchanged re-run", value: `${sec(cacheCold.wallMs)} s / ${sec(cacheWarm.wallMs)} s = ${((100 * cacheWarm.wallMs) / parallel.wallMs).toFixed(1)}% of the uncached run; output ${cacheSame ? "identical" : "DIFFERENT"}`, target: "≤ 10%", met: cacheWarm.wallMs <= 0.1 * parallel.wallMs && cacheSame });

  // kube-linter -------------------------------------------------------------------------------
  const kl = spawnSync("kube-linter", ["version"], { encoding: "utf8" });
  if (kl.status === 0) {
    log("bench: kube-linter on the same corpus");
    const t0 = performance.now();
    spawnSync("kube-linter", ["lint", "--format", "json", CORPUS], { encoding: "utf8", maxBuffer: 1 << 30 });
    const klMs = performance.now() - t0;
    rows.push({ label: `kube-linter ${kl.stdout.trim()}`, value: `${sec(klMs)} s; kubeguard (worker threads) / kube-linter = ${(parallel.wallMs / klMs).toFixed(2)}`, target: "kubeguard faster", met: parallel.wallMs < klMs });
  } else {
    rows.push({ label: "kube-linter", value: "not on PATH: not measured", met: null });
  }

  // Cold start and warm re-lint ------------------------------------------------------------------
  log("bench: cold start (one small file, median of 9)");
  const small = join(TMP, "small", "deployment.yaml");
  mkdirSync(dirname(small), { recursive: true });
  writeFileSync(small, deployment(3));
  const colds: Run[] = [];
  for (let i = 0; i < 9; i++) colds.push(await kubeguard([small]));
  const coldWall = median(colds.map((r) => r.wallMs));
  const coldCpu = median(colds.map(cpuMs));
  const bare: number[] = [];
  for (let i = 0; i < 5; i++) bare.push((await runNode(["-e", "0"])).wallMs);
  rows.push({ label: "cold start, one small file", value: `${sec(coldWall)} s wall (median of 9; ${sec(coldCpu)} s CPU; bare \`node -e 0\`: ${sec(median(bare))} s)`, target: "≤ 0.35 s", met: coldWall <= 350 });

  log("bench: warm re-lint of a 1,000-line file");
  const thousand = join(TMP, "warm", "thousand.yaml");
  mkdirSync(dirname(thousand), { recursive: true });
  let text = "";
  for (let i = 0; text.split("\n").length < 1000; i++) text += `---\n${deployment(i)}`;
  writeFileSync(thousand, text.split("\n").slice(0, 1000).join("\n").replace(/\n[^\n]*$/u, "\n"));
  const warmRun = await runNode([join(HERE, "warm.js"), thousand, ROOT]);
  const warm = JSON.parse(warmRun.stdout) as { lines: number; runs: number; medianMs: number; p95Ms: number; messages: number };
  rows.push({ label: `warm re-lint, ${warm.lines} lines`, value: `${warm.medianMs.toFixed(1)} ms median, ${warm.p95Ms.toFixed(1)} ms p95 (${warm.runs} runs, ${warm.messages} findings)`, target: "≤ 50 ms", met: warm.medianMs <= 50 });

  // Stress set -----------------------------------------------------------------------------------
  log("bench: stress set (many small files)");
  const manyDir = join(TMP, "stress", "many");
  mkdirSync(manyDir, { recursive: true });
  const MANY = 3000;
  for (let i = 0; i < MANY; i++) writeFileSync(join(manyDir, `d${i}.yaml`), deployment(i));
  const many = await listFiles(manyDir);
  const manyRun = await kubeguard(["--format", "json", "-o", join(TMP, "many.json"), manyDir]);
  rows.push({ label: `stress: ${MANY} small files (${mb(many.bytes).toFixed(1)} MB)`, value: `${sec(manyRun.wallMs)} s, ${(mb(many.bytes) / (manyRun.wallMs / 1000)).toFixed(2)} MB/s, ${Math.round(MANY / (manyRun.wallMs / 1000))} objects/s, peak RSS ${Math.round(manyRun.maxRssKb / 1024)} MB` });

  const linear: { size: number; kgMs: number; parseMs: number }[] = [];
  for (const size of [STREAM_MB / 10, STREAM_MB / 2, STREAM_MB]) {
    log(`bench: stress stream of ${size} MB`);
    const s = stream(size * 1e6);
    const f = join(TMP, "stress", `stream-${size}mb.yaml`);
    writeFileSync(f, s.text);
    writeFileSync(join(TMP, "stream-list.txt"), f);
    const p = await runNode([join(HERE, "parse-only.js"), join(TMP, "stream-list.txt")]);
    const pj = JSON.parse(p.stdout) as { parseMs: number; objects: number };
    const k = await kubeguard(["--format", "json", "-o", join(TMP, "stream.json"), f]);
    linear.push({ size, kgMs: k.wallMs, parseMs: p.wallMs });
    rows.push({ label: `stress: one ${size} MB stream (${s.objects} objects)`, value: `${sec(k.wallMs)} s, ${(mb(s.text.length) / (k.wallMs / 1000)).toFixed(2)} MB/s, ${Math.round(s.objects / (k.wallMs / 1000))} objects/s, peak RSS ${Math.round(k.maxRssKb / 1024)} MB; parse-only ${sec(p.wallMs)} s (${(k.wallMs / p.wallMs).toFixed(2)}×)` });
    rmSync(f);
  }
  const perMb = linear.map((l) => l.kgMs / l.size);
  const spread = Math.max(...perMb) / Math.min(...perMb);
  rows.push({ label: "linear time (stream sizes)", value: `${perMb.map((x) => `${(x / 1000).toFixed(2)} s/MB`).join(", ")} (max/min ${spread.toFixed(2)})`, target: "linear (max/min ≤ 1.5)", met: spread <= 1.5 });

  // Profile --------------------------------------------------------------------------------------
  let profile = "";
  if (flag("--profile")) {
    log("bench: CPU profile of the one-thread corpus run");
    const dir = join(TMP, "prof");
    await runNode(["--cpu-prof", "--cpu-prof-dir", dir, BIN, ...common, "--concurrency", "off", "-o", join(TMP, "prof.json"), CORPUS]);
    const { summarizeProfile } = await import("./profile.js");
    profile = summarizeProfile(dir);
  }

  const endLoad = loadavg()[0]!;
  if (Math.max(startLoad, endLoad) > nproc) notes.push(`The machine was busy (1-minute load average ${startLoad.toFixed(1)} at the start, ${endLoad.toFixed(1)} at the end, on ${nproc} cores): wall times are inflated; CPU times are the steadier figures.`);

  // Report -----------------------------------------------------------------------------------
  const machine = `${nproc} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node ${process.version}, ${process.platform}`;
  const lines = [
    `Run: ${started.toISOString().slice(0, 16).replace("T", " ")} UTC — ${machine}`,
    "",
    "| measure | result | target | met |",
    "| --- | --- | --- | --- |",
    ...rows.map((r) => `| ${r.label} | ${r.value} | ${r.target ?? ""} | ${r.met === undefined ? "" : r.met === null ? "n/a" : r.met ? "yes" : "**no**"} |`),
    ...(notes.length ? ["", ...notes.map((n) => `Note: ${n}`)] : []),
    ...(profile ? ["", "CPU profile of the one-thread corpus run (`node --cpu-prof`), self time:", "", "```", profile, "```"] : []),
  ];
  const report = lines.join("\n");
  process.stdout.write(`${report}\n`);
  if (!flag("--no-write")) {
    const doc = join(SOURCE_ROOT, "docs", "benchmarks.md");
    const START = "<!-- bench:results:start -->";
    const END = "<!-- bench:results:end -->";
    const current = existsSync(doc) ? readFileSync(doc, "utf8") : `# Benchmarks\n\n${START}\n${END}\n`;
    const a = current.indexOf(START);
    const b = current.indexOf(END);
    const next = a >= 0 && b > a ? `${current.slice(0, a + START.length)}\n${report}\n${current.slice(b)}` : `${current}\n${START}\n${report}\n${END}\n`;
    mkdirSync(dirname(doc), { recursive: true });
    writeFileSync(doc, next);
    log(`bench: results written to ${doc}`);
  }
  rmSync(TMP, { recursive: true, force: true });
}

main().catch((err: Error) => {
  process.stderr.write(`bench: ${err.stack ?? err}\n`);
  rmSync(TMP, { recursive: true, force: true });
  process.exitCode = 1;
});
