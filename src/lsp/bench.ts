/**
 * @fileoverview `npm run bench:lsp`: how long a re-lint of a 1,000-line manifest takes after an
 * edit (target ≤ 50 ms). Not a test: it prints medians.
 *
 * - "engine": `LintEngine.lint` (ESLint `lintText` with the CLI's config, recommended preset) of the
 *   edited text, in this process.
 * - "server": end to end through the real server (`node bin/kubeguard.js lsp`, debounce 0): from
 *   sending an incremental `textDocument/didChange` to receiving the `publishDiagnostics` of that
 *   version, JSON-RPC over stdio included.
 *
 *   node dist/src/lsp/bench.js [iterations]
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { LintEngine } from "./engine.js";

const DEPLOYMENT = (i: number): string => `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: shop
  labels:
    app: app-${i}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: app-${i}
  template:
    metadata:
      labels:
        app: app-${i}
    spec:
      serviceAccountName: app-${i}
      containers:
        - name: app
          image: registry.example.com/shop/app-${i}:1.${i}.0
          args: ["--port=8080", "--log-level=info"]
          ports:
            - containerPort: 8080
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { memory: 256Mi }
          securityContext:
            privileged: false
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            runAsNonRoot: true
            capabilities:
              drop: ["ALL"]
          readinessProbe:
            httpGet: { path: /healthz, port: 8080 }
`;

/** A multi-document manifest of at least `lines` lines. */
export function manifest(lines: number): string {
  let text = "";
  for (let i = 0; text.split("\n").length <= lines; i++) text += DEPLOYMENT(i);
  return text;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function main(): Promise<void> {
  const iterations = Number(process.argv[2] ?? 30);
  const dir = mkdtempSync(join(tmpdir(), "kubeguard-bench-"));
  const file = join(dir, "big.yaml");
  const base = manifest(1000);
  const lineCount = base.split("\n").length - 1;
  // The edit: flip one container's privileged flag (line of the 13th document), back and forth.
  const target = base.indexOf("privileged: false", Math.floor(base.length / 2));
  const edited = (n: number): string => (n % 2 ? `${base.slice(0, target)}privileged: true ${base.slice(target + "privileged: false".length)}` : base);

  try {
    // In-process.
    const engine = new LintEngine(dir);
    for (let i = 0; i < 5; i++) await engine.lint(file, edited(i)); // warm-up
    const engineTimes: number[] = [];
    const engineCpu: number[] = [];
    let findings = 0;
    for (let i = 0; i < iterations; i++) {
      const t = performance.now();
      const cpu = process.cpuUsage();
      const outcome = await engine.lint(file, edited(i + 1));
      const used = process.cpuUsage(cpu);
      engineTimes.push(performance.now() - t);
      engineCpu.push((used.user + used.system) / 1000);
      if (outcome.kind === "linted") findings = outcome.result.messages.length;
    }

    // Through the server.
    const bin = join(import.meta.dirname, "..", "..", "..", "bin", "kubeguard.js");
    const child = spawn(process.execPath, [bin, "lsp", "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const waiting = new Map<number, (n: number) => void>();
    connection.onNotification("textDocument/publishDiagnostics", (p: { version?: number; diagnostics: unknown[] }) => {
      if (p.version !== undefined) waiting.get(p.version)?.(p.diagnostics.length);
    });
    connection.listen();
    await connection.sendRequest("initialize", { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, initializationOptions: { debounceMs: 0 } });
    await connection.sendNotification("initialized", {});
    const uri = pathToFileURL(file).href;
    const published = (version: number): Promise<number> => new Promise((resolve) => waiting.set(version, resolve));
    let version = 1;
    const opened = published(version);
    await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version, text: base } });
    await opened;
    const line = base.slice(0, target).split("\n").length - 1;
    const character = target - (base.lastIndexOf("\n", target) + 1);
    const serverTimes: number[] = [];
    for (let i = 0; i < iterations + 5; i++) {
      version++;
      const flipToTrue = version % 2 === 0;
      const change = {
        range: { start: { line, character }, end: { line, character: character + (flipToTrue ? "privileged: false".length : "privileged: true ".length) } },
        text: flipToTrue ? "privileged: true " : "privileged: false",
      };
      const done = published(version);
      const t = performance.now();
      await connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [change] });
      await done;
      if (i >= 5) serverTimes.push(performance.now() - t); // first 5: warm-up
    }
    await connection.sendRequest("shutdown");
    await connection.sendNotification("exit");
    connection.dispose();

    process.stdout.write(
      `kubeguard LSP re-lint after an edit: ${lineCount}-line manifest (${base.split("\n---").length} Deployments, ${Buffer.byteLength(base)} bytes), ` +
        `recommended preset, ${findings} findings in the edited version, ${iterations} iterations\n` +
        `  engine (LintEngine.lint, in process):            median ${median(engineTimes).toFixed(1)} ms (min ${Math.min(...engineTimes).toFixed(1)}, max ${Math.max(...engineTimes).toFixed(1)})\n` +
        `  engine CPU time (user+system, this process):     median ${median(engineCpu).toFixed(1)} ms (less sensitive to other load on the machine)\n` +
        `  server (didChange → publishDiagnostics, stdio):  median ${median(serverTimes).toFixed(1)} ms (min ${Math.min(...serverTimes).toFixed(1)}, max ${Math.max(...serverTimes).toFixed(1)})\n` +
        `  target: ≤ 50 ms; load average now ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  main().catch((err: unknown) => {
    process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 1;
  });
}
