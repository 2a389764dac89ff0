/**
 * @fileoverview Invalid UTF-8 is a property of a file's bytes (issue 10): `--fix` never rewrites a
 * file whose bytes are not UTF-8, whatever its kind (YAML, systemd unit, drop-in), because its text
 * was decoded with U+FFFD in place of the bad bytes; and a valid file that contains a literal U+FFFD
 * (correctly encoded EF BF BD) is not reported as invalid UTF-8.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isInvalidUtf8File, refuseReason } from "../../src/cli/write.js";
import { invalidUtf8Offset, parseYaml } from "../../src/language/parse.js";
import { PRIVILEGED, project, runJson } from "./helpers.js";

/** A kubeadm drop-in whose Environment= flag has a safe fix (kubelet-read-only-port-open). */
const DROPIN = `[Service]
Environment="KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf"
Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"
Environment="KUBELET_EXTRA_ARGS=--read-only-port=10255"
ExecStart=
ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_EXTRA_ARGS
`;
const CONFIG = "extends: []\nrules:\n  privileged-container: error\n  valid-yaml: error\n  kubelet-read-only-port-open: error\n";
const DROP = "etc/systemd/system/kubelet.service.d/10-kubeadm.conf";

describe("invalid UTF-8 detection works on bytes", () => {
  it("finds the first bad byte and maps it to the decoded text's offset", () => {
    const bytes = Buffer.concat([Buffer.from("a: é\nb: "), Buffer.from([0xc3, 0x28]), Buffer.from("\n")]);
    const text = new TextDecoder().decode(bytes);
    expect(invalidUtf8Offset(bytes, text)).toBe(text.indexOf("\uFFFD"));
    expect(text[invalidUtf8Offset(bytes, text)!]).toBe("\uFFFD");
    // Overlong encodings, surrogates and truncated sequences are invalid too.
    for (const bad of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf5, 0x80, 0x80, 0x80]]) {
      expect(invalidUtf8Offset(Uint8Array.from(bad), ""), bad.join(",")).toBe(0);
    }
  });

  it("a correctly encoded U+FFFD (EF BF BD) is valid", () => {
    const bytes = Buffer.from("metadata:\n  annotations:\n    note: \"replacement char \uFFFD here\"\n", "utf8");
    expect([...bytes.subarray(bytes.indexOf(0xef), bytes.indexOf(0xef) + 3)]).toEqual([0xef, 0xbf, 0xbd]);
    expect(invalidUtf8Offset(bytes, bytes.toString("utf8"))).toBeNull();
    const { documents } = parseYaml(bytes.toString("utf8"), { bytes });
    expect(documents.flatMap((d) => d.errors)).toEqual([]);
    // Without bytes (text given directly) a U+FFFD character is never an error either.
    expect(parseYaml("a: \uFFFD\n").documents.flatMap((d) => d.errors)).toEqual([]);
  });

  it("with the bytes, invalid UTF-8 is an INVALID_UTF8 error at the bad byte", () => {
    const bytes = Buffer.concat([Buffer.from("a: 1\nb: x"), Buffer.from([0xff]), Buffer.from("y\n")]);
    const text = bytes.toString("utf8");
    const errors = parseYaml(text, { bytes }).documents.flatMap((d) => d.errors);
    expect(errors.map((e) => [e.code, e.range])).toEqual([["INVALID_UTF8", [9, 10]]]);
    expect(text.slice(9, 10)).toBe("\uFFFD");
  });
});

describe("--fix and invalid UTF-8 through the CLI", () => {
  it("never rewrites a systemd drop-in whose bytes are not UTF-8, and says so", async () => {
    // A Latin-1 comment (0xE9) in an otherwise fixable drop-in.
    const bad = Buffer.concat([Buffer.from("# node-caf"), Buffer.from([0xe9]), Buffer.from("\n"), Buffer.from(DROPIN)]);
    const dir = project({ ".kubeguard.yaml": CONFIG, [DROP]: bad});
    expect(isInvalidUtf8File(join(dir, DROP))).toBe(true);
    // Without --fix: the finding, with a fix.
    const lint = await runJson(dir, ["--concurrency", "off", "."]);
    expect(lint.of(DROP).map((m) => [m.ruleId, m.line, m.fix !== undefined])).toEqual([["kubelet-read-only-port-open", 5, true]]);
    // With --fix: the file is left byte for byte.
    const r = await runJson(dir, ["--concurrency", "off", "--fix", "."]);
    expect(readFileSync(join(dir, DROP)).equals(bad)).toBe(true);
    expect(r.stderr).toContain(`not writing fixes to ${DROP}: it is not valid UTF-8`);
  });

  it("still fixes the same drop-in when it is valid UTF-8 (the refusal is about the bytes)", async () => {
    const good = `# node-caf\u00e9\n${DROPIN}`;
    const dir = project({ ".kubeguard.yaml": CONFIG, [DROP]: good });
    const r = await runJson(dir, ["--concurrency", "off", "--fix", "."]);
    expect(r.stderr).not.toContain("not writing fixes");
    expect(readFileSync(join(dir, DROP), "utf8")).toBe(good.replace("--read-only-port=10255", "--read-only-port=0"));
  });

  it("a YAML file with a literal U+FFFD is linted and fixed like any other", async () => {
    const withFffd = PRIVILEGED.replace("name: web\n  namespace", "name: web\n  annotations:\n    note: \"\uFFFD\"\n  namespace");
    const dir = project({ ".kubeguard.yaml": "extends: []\nrules:\n  valid-yaml: error\n  privileged-container: error\n", "web.yaml": withFffd });
    const r = await runJson(dir, ["--concurrency", "off", "."]);
    expect(r.of("web.yaml").filter((m) => m.ruleId === "valid-yaml")).toEqual([]);
    expect(r.of("web.yaml").map((m) => m.ruleId)).toEqual(["privileged-container"]);
    expect(refuseReason(withFffd, withFffd.replace("a", "b"), join(dir, "web.yaml"))).toBeNull();
  });

  it("refuseReason refuses any kind of file with invalid bytes, and none without", () => {
    const dir = project({ "kubelet.service": Buffer.from([0x5b, 0x53, 0x5d, 0x0a, 0xff, 0x0a]), "fine.service": "[Service]\nExecStart=/usr/bin/kubelet\n" });
    expect(refuseReason("[S]\n\uFFFD\n", "[S]\n\uFFFD\nX=1\n", join(dir, "kubelet.service"))).toMatch(/not valid UTF-8/u);
    expect(refuseReason("[Service]\n", "[Service]\nX=1\n", join(dir, "fine.service"))).toBeNull();
    // A path that cannot be read (stdin, virtual) is judged on its text only.
    expect(refuseReason("a: 1\n", "a: 2\n", join(dir, "missing.yaml"))).toBeNull();
  });
});
