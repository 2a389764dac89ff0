/**
 * @fileoverview Worker threads and --cache give the same results as the plain serial run
 * (src/cli/engine.ts, src/cli/cache.ts). Real processes of bin/kubeguard.js (dist/, built by the
 * global setup). No timing here: speed is measured by `npm run bench`.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { runKey } from "../../src/cli/cache.js";
import { defaultConfig } from "../../src/config/index.js";

const ROOT = join(import.meta.dirname, "..", "..");
/**
 * The compared runs use one snapshot of the build (bin/, dist/, package.json; node_modules linked),
 * taken once: a rebuild of dist/ by another process between two runs cannot make them differ.
 */
const SNAPSHOT = mkdtempSync(join(tmpdir(), "kubeguard-perf-build-"));
for (const part of ["bin", "dist", "package.json"]) cpSync(join(ROOT, part), join(SNAPSHOT, part), { recursive: true, preserveTimestamps: true });
symlinkSync(join(ROOT, "node_modules"), join(SNAPSHOT, "node_modules"), "dir");
const BIN = join(SNAPSHOT, "bin", "kubeguard.js");

function kubeguard(cwd: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Every other file is `helm template` output (a `# Source:` comment): kubeguard never writes fixes
// into rendered output (it fixes the template, or names the values key), so only the plain files get a diff.
const deployment = (i: number): string => `${i % 2 === 0 ? `# Source: chart/templates/deploy-${i}.yaml\n` : ""}apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.${i}
          securityContext:
            # kubeguard-disable-next-line privileged-container -- test ${i}
            privileged: ${i % 2 === 0 ? "true" : "false"}
            allowPrivilegeEscalation: ${i % 3 === 0}
---
apiVersion: v1
kind: Pod
metadata: { name: pod-${i} }
spec:
  containers: [{ name: c, image: "busybox", securityContext: { privileged: true } }]
`;

/** 130 files (two chunks of the engine, so two workers have work), of several kinds, in a fresh folder. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "kubeguard-perf-"));
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  for (let i = 0; i < 120; i++) write(`apps/a${String(i).padStart(3, "0")}.yaml`, deployment(i));
  write("broken/bad.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: x\n  spec: [\n");
  write("broken/tabs.yaml", "a:\n\t- b\n");
  write("plain/values.yaml", "replicaCount: 1\nimage: { tag: latest }\n");
  write("plain/data.json", '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "j"}, "spec": {"hostNetwork": true, "containers": []}}');
  write("units/kubelet.service", "[Service]\nExecStart=/usr/bin/kubelet --anonymous-auth=true --read-only-port=10255\n");
  for (let i = 0; i < 5; i++) write(`crlf/c${i}.yaml`, deployment(1000 + i).replace(/\n/gu, "\r\n"));
  return dir;
}

const JSON_ARGS = ["--preset", "all", "--format", "json"];

describe("worker threads", { timeout: 300_000 }, () => {
  const dir = project();
  const serial = kubeguard(dir, [...JSON_ARGS, "--concurrency", "off", "."]);

  it("the serial run is a real run with findings", () => {
    expect(serial.code).toBe(1);
    const results = JSON.parse(serial.stdout) as { messages: { resource: unknown }[] }[];
    expect(results.length).toBe(130);
    expect(results.flatMap((r) => r.messages).filter((m) => m.resource).length).toBeGreaterThan(300);
  });

  it("two workers: identical JSON, exit code and stderr", () => {
    const parallel = kubeguard(dir, [...JSON_ARGS, "--concurrency", "2", "."]);
    expect(parallel.stdout).toBe(serial.stdout);
    expect(parallel.code).toBe(serial.code);
    expect(parallel.stderr).toBe(serial.stderr);
  });

  it("--fix-dry-run through workers prints the same diff", () => {
    const a = kubeguard(dir, ["--fix-dry-run", "--concurrency", "off", "apps"]);
    const b = kubeguard(dir, ["--fix-dry-run", "--concurrency", "2", "apps"]);
    expect(a.stdout).toMatch(/^--- a\/apps\//mu);
    expect(b.stdout).toBe(a.stdout);
    expect(b.stderr).toBe(a.stderr);
  });

  it("'no Kubernetes objects' is still reported when workers count the objects", () => {
    const empty = mkdtempSync(join(tmpdir(), "kubeguard-perf-empty-"));
    for (let i = 0; i < 120; i++) writeFileSync(join(empty, `v${i}.yaml`), `replicaCount: ${i}\n`);
    const a = kubeguard(empty, ["--concurrency", "off", "."]);
    const b = kubeguard(empty, ["--concurrency", "2", "."]);
    expect(a.stderr).toMatch(/no Kubernetes objects found/u);
    expect(b.stderr).toBe(a.stderr);
    expect(b.code).toBe(a.code);
    expect(serial.stderr).not.toMatch(/no Kubernetes objects/u);
  });

  it("main() from the TypeScript sources runs the compiled worker", async () => {
    let stdout = "";
    const code = await main([...JSON_ARGS, "--concurrency", "2", "."], {
      cwd: dir,
      env: {},
      stdin: Readable.from([""]),
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: () => true },
    });
    expect(code).toBe(serial.code);
    expect(stdout).toBe(serial.stdout);
  });

  it("rejects a bad --concurrency", () => {
    const r = kubeguard(dir, ["--concurrency", "many", "."]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--concurrency/u);
  });
});

describe("--cache", { timeout: 300_000 }, () => {
  it("cached results are identical to uncached ones, and really come from the cache", () => {
    const dir = project();
    const cache = join(dir, "..", `${dir.split(/[\\/]/u).pop()}.cache`);
    const plain = kubeguard(dir, [...JSON_ARGS, "--concurrency", "off", "."]);
    const first = kubeguard(dir, [...JSON_ARGS, "--cache", "--cache-location", cache, "."]);
    const second = kubeguard(dir, [...JSON_ARGS, "--cache", "--cache-location", cache, "."]);
    expect(first.stdout).toBe(plain.stdout);
    expect(second.stdout).toBe(plain.stdout);
    expect(second.code).toBe(plain.code);
    expect(second.stderr).toBe(plain.stderr);

    // Proof that the second run read the cache: tamper with one cached message and see it.
    const data = JSON.parse(readFileSync(cache, "utf8")) as { entries: Record<string, { o: { result: { messages: { message: string }[] } } }> };
    const file = join(dir, "apps", "a007.yaml");
    expect(data.entries[file]!.o.result.messages.length).toBeGreaterThan(0);
    data.entries[file]!.o.result.messages[0]!.message = "FROM THE CACHE";
    writeFileSync(cache, JSON.stringify(data));
    expect(kubeguard(dir, [...JSON_ARGS, "--cache", "--cache-location", cache, "."]).stdout).toContain("FROM THE CACHE");

    // A changed file is linted again; the other files keep their cached results.
    writeFileSync(file, readFileSync(file, "utf8").replace("name: app-7", "name: app-seven"));
    const after = kubeguard(dir, [...JSON_ARGS, "--cache", "--cache-location", cache, "."]);
    expect(after.stdout).not.toContain("FROM THE CACHE");
    expect(after.stdout).toBe(kubeguard(dir, [...JSON_ARGS, "."]).stdout);
  });

  it("another configuration or kubeguard build never reuses the entries (the run key differs)", () => {
    const dir = "/some/where";
    const spec = { eslintCwd: dir, config: defaultConfig(dir), compile: {}, fixing: false };
    const key = runKey(spec);
    expect(runKey({ ...spec })).toBe(key);
    expect(runKey({ ...spec, compile: { presets: ["all" as const] } })).not.toBe(key);
    expect(runKey({ ...spec, compile: { ruleLevels: { "privileged-container": "off" as const } } })).not.toBe(key);
    expect(runKey({ ...spec, config: { ...spec.config, settings: { kubernetesVersion: "1.20" } } })).not.toBe(key);
  });

  it("a folder as --cache-location holds .kubeguardcache; --fix never uses the cache", () => {
    const dir = project();
    const cacheDir = mkdtempSync(join(tmpdir(), "kubeguard-perf-cache-"));
    kubeguard(dir, [...JSON_ARGS, "--cache", "--cache-location", cacheDir, "apps"]);
    const data = JSON.parse(readFileSync(join(cacheDir, ".kubeguardcache"), "utf8")) as { entries: Record<string, unknown> };
    expect(Object.keys(data.entries).length).toBe(120);
    const fixed = kubeguard(dir, ["--fix-dry-run", "--cache", "--cache-location", cacheDir, "apps"]);
    expect(fixed.stdout).toBe(kubeguard(dir, ["--fix-dry-run", "apps"]).stdout);
    expect(fixed.stdout).toMatch(/^\+/mu);
  });
});
