/**
 * @fileoverview Safety: no network access (the CLI runs in a child process whose sockets, DNS and
 * fetch throw), secrets never appear in any output, `--fix` writes atomically (temp + rename, mode
 * kept, symlinks written through), and files that cannot be read are reported (run as an
 * unprivileged user where the test runs as root, since root reads mode-000 files).
 */
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { refuseReason, writeFileAtomic } from "../../src/cli/write.js";
import { CORE_CONFIG, PRIVILEGED, project, run } from "./helpers.js";

const ROOT = join(import.meta.dirname, "..", "..");
const BIN = join(ROOT, "bin", "kubeguard.js");
const CORPUS = join(ROOT, "..", "shared", "corpus");

describe("no network", () => {
  it.skipIf(!existsSync(CORPUS))("the CLI lints a corpus subset with net.connect, dns.lookup and fetch made to throw", () => {
    const dir = mkdtempSync(join(tmpdir(), "kubeguard-nonet-"));
    const hook = join(dir, "no-network.mjs");
    writeFileSync(
      hook,
      `import net from "node:net"; import dns from "node:dns"; import tls from "node:tls"; import http from "node:http"; import https from "node:https";
const deny = (what) => () => { process.stderr.write("NETWORK-ATTEMPT " + what + "\\n"); throw new Error("network access attempted: " + what); };
net.connect = net.createConnection = deny("net.connect"); net.Socket.prototype.connect = deny("Socket.connect");
tls.connect = deny("tls.connect"); dns.lookup = deny("dns.lookup"); dns.resolve = deny("dns.resolve"); dns.promises.lookup = deny("dns.promises.lookup");
http.request = http.get = deny("http.request"); https.request = https.get = deny("https.request");
globalThis.fetch = deny("fetch");\n`,
    );
    const subset = ["cluster-config"].map((d) => join(CORPUS, d)).filter(existsSync);
    const r = spawnSync(process.execPath, ["--import", hook, BIN, "--preset", "all", "--format", "json", "--fail-on", "critical", ...subset], {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 1 << 30,
    });
    expect(r.stderr).not.toContain("NETWORK-ATTEMPT");
    expect(r.stderr).not.toMatch(/internal error/u);
    expect([0, 1]).toContain(r.status);
    expect((JSON.parse(r.stdout) as unknown[]).length).toBeGreaterThan(200);
    // The hook is live: the same hook stops a script that does try.
    const probe = spawnSync(process.execPath, ["--import", hook, "-e", "require('node:net').connect(80, 'example.com')"], { encoding: "utf8" });
    expect(probe.stderr).toContain("NETWORK-ATTEMPT net.connect");
  });
});

describe("secrets never appear in output", () => {
  const SECRETS = ["dGhpcyBpcyBwYXNzd29yZA==", "c2VjcmV0LWtleS0yMC1ieXRlcyE=", "${ENCRYPTION_KEY}"];
  const ENC = `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources: [secrets]
    providers:
      - secretbox:
          keys:
            - name: short
              secret: ${SECRETS[0]}
      - aescbc:
          keys:
            - name: twenty
              secret: ${SECRETS[1]}
            - name: placeholder
              secret: ${SECRETS[2]}
      - identity: {}
`;
  for (const format of ["json", "stylish"]) {
    it(`enc-key-length findings in ${format} output name the key, never its secret`, async () => {
      const dir = project({ "enc.yaml": ENC });
      const r = await run(dir, ["--preset", "all", "--format", format, "enc.yaml"]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("enc-key-length");
      expect(r.stdout).toContain("'short'");
      expect(r.stdout).toContain("'twenty'");
      for (const s of SECRETS) {
        expect(r.stdout).not.toContain(s);
        expect(r.stderr).not.toContain(s);
        // Nor a recognisable part of it (decoded or truncated).
        expect(r.stdout).not.toContain(s.slice(0, 12));
      }
      expect(r.stdout).not.toContain("this is password");
    });
  }
});

describe("--fix writes atomically", () => {
  it("replaces the file by rename (new inode), keeps the mode, leaves no temporary file", () => {
    for (const mode of [0o600, 0o640, 0o755]) {
      const dir = mkdtempSync(join(tmpdir(), "kubeguard-write-"));
      const f = join(dir, "a.yaml");
      writeFileSync(f, "a: 1\n");
      chmodSync(f, mode);
      const before = statSync(f).ino;
      writeFileAtomic(f, "a: 2\n");
      expect(readFileSync(f, "utf8")).toBe("a: 2\n");
      expect(statSync(f).mode & 0o7777).toBe(mode);
      expect(statSync(f).ino).not.toBe(before);
      expect(readdirSync(dir)).toEqual(["a.yaml"]);
    }
  });

  it("writes through a symlink (the link stays a link) and leaves nothing behind when the write fails", () => {
    const dir = mkdtempSync(join(tmpdir(), "kubeguard-write-"));
    writeFileSync(join(dir, "real.yaml"), "a: 1\n");
    symlinkSync("real.yaml", join(dir, "link.yaml"));
    writeFileAtomic(join(dir, "link.yaml"), "a: 3\n");
    expect(lstatSync(join(dir, "link.yaml")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "real.yaml"), "utf8")).toBe("a: 3\n");
    expect(() => writeFileAtomic(join(dir, "missing-folder", "x.yaml"), "a: 1\n")).toThrow(/ENOENT/u);
    expect(readdirSync(dir).sort()).toEqual(["link.yaml", "real.yaml"]);
  });

  it("refuses a broken original and a fixed text that would not parse", () => {
    expect(refuseReason("a: [1\n", "a: [2\n", "x.yaml")).toMatch(/YAML errors/u);
    expect(refuseReason("a: 1\n", "a: : :\n  - b\n", "x.yaml")).toMatch(/would not parse/u);
    expect(refuseReason("a: 1\n", "a: 2\n", "x.yaml")).toBeNull();
  });

  it("a --fix run over many files writes each fixed file whole (CRLF and BOM files too)", async () => {
    const files: Record<string, string> = { ".kubeguard.yaml": CORE_CONFIG };
    for (let i = 0; i < 20; i++) files[`d${i}.yaml`] = i % 2 ? PRIVILEGED.replace(/\n/gu, "\r\n") : `\uFEFF${PRIVILEGED}`;
    const dir = project(files);
    const r = await run(dir, ["--fix", "."]);
    expect(r.code).toBe(0);
    for (let i = 0; i < 20; i++) {
      const want = files[`d${i}.yaml`]!.replace("privileged: true", "privileged: false");
      expect(readFileSync(join(dir, `d${i}.yaml`), "utf8")).toBe(want);
    }
    expect(readdirSync(dir).filter((n) => n.includes("kubeguard-"))).toEqual([]);
  });
});

describe("unreadable files", () => {
  const root = process.getuid?.() === 0;
  const setpriv = spawnSync("setpriv", ["--version"]).status === 0;
  it.skipIf(!root || !setpriv)("a mode-000 file (as user nobody): named on stderr, the rest linted, exit 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "kubeguard-unreadable-"));
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, "ok.yaml"), PRIVILEGED);
    writeFileSync(join(dir, "locked.yaml"), PRIVILEGED);
    chmodSync(join(dir, "locked.yaml"), 0o000);
    cpSync(join(dir, "ok.yaml"), join(dir, "ok2.yaml"));
    const r = spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, BIN, "--format", "json", "."], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(r.stderr).toContain("kubeguard: cannot lint locked.yaml: permission denied");
    expect(r.stderr).not.toContain("internal error");
    expect(r.status).toBe(2);
    const results = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(results.map((x) => x.filePath)).toEqual([join(dir, "ok.yaml"), join(dir, "ok2.yaml")]);
    expect(results[0]!.messages.some((m) => m.ruleId === "privileged-container")).toBe(true);
  });
});
