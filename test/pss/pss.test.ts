/**
 * @fileoverview Pod Security Standards conformance: the `baseline` and `restricted` presets give the
 * same verdict as Pod Security Admission on PSA's own test fixtures
 * (kubernetes/pod-security-admission `test/testdata/<level>/<version>/<pass|fail>/<control><n>.yaml`,
 * read from ../shared/corpus) and on kubeguard's versioned fixtures in test/pss/fixtures (same
 * layout; they exercise the version gates below the corpus's newest version).
 *
 * A fixture is judged only when every rule that implements its control exists in rules/ (controls
 * are implemented by several engineers at once; the uncovered ones are listed as skipped tests).
 * `pass` fixtures are always judged: no rule of the preset may fire on a pod PSA admits.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin, { presetRules } from "../../src/eslint/index.js";
import { rules } from "../../rules/index.js";

const PSA_TESTDATA = join(import.meta.dirname, "..", "..", "..", "shared", "corpus", "manifests", "kubernetes__pod-security-admission", "test", "testdata");
const OWN_TESTDATA = join(import.meta.dirname, "fixtures");

type Level = "baseline" | "restricted";

/**
 * PSA check id (lower-case, as in the fixture names) → kubeguard rules. `required`: all must exist
 * for the control to count as covered, and at least one of them must fire on a `fail` fixture.
 * `also`: rules that may legitimately fire too (PSA reports the same fixture under them).
 */
export const CONTROLS: Record<string, { required: string[]; also?: string[] }> = {
  windowshostprocess: { required: ["windows-host-process"] },
  hostnamespaces: { required: ["host-network", "host-pid", "host-ipc"] },
  privileged: { required: ["privileged-container"] },
  capabilities_baseline: { required: ["capabilities-added-beyond-baseline"], also: ["capabilities-added-beyond-restricted", "dangerous-capability-added"] },
  hostpathvolumes: { required: ["host-path-volume"], also: ["restricted-volume-type"] },
  hostports: { required: ["host-port"] },
  hostprobesandhostlifecycle: { required: ["probe-or-lifecycle-host"] },
  apparmorprofile: { required: ["apparmor-unconfined"] },
  selinuxoptions: { required: ["selinux-custom-options"] },
  procmount: { required: ["unmasked-proc-mount"] },
  seccompprofile_baseline: { required: ["seccomp-unconfined"], also: ["seccomp-profile-missing"] },
  sysctls: { required: ["unsafe-sysctl"] },
  restrictedvolumes: { required: ["restricted-volume-type"], also: ["host-path-volume", "git-repo-volume"] },
  allowprivilegeescalation: { required: ["privilege-escalation-allowed"] },
  runasnonroot: { required: ["run-as-non-root"] },
  runasuser: { required: ["run-as-user-root"] },
  seccompprofile_restricted: { required: ["seccomp-profile-missing"], also: ["seccomp-unconfined"] },
  capabilities_restricted: { required: ["capabilities-not-drop-all", "capabilities-added-beyond-restricted"] },
  procmount_restricted: { required: ["unmasked-proc-mount"] },
};

/**
 * Fixtures where a rule's version gate does not yet follow PSA (owner notified). Each runs as
 * `it.fails`: it must keep failing, so fixing the rule turns the entry red until it is removed here.
 */
const KNOWN_DIVERGENCES: Record<string, string> = {};

interface Fixture {
  source: "psa" | "kubeguard";
  level: Level;
  version: string;
  verdict: "pass" | "fail";
  control: string;
  file: string;
  path: string;
}

function collect(root: string, source: Fixture["source"]): Fixture[] {
  const out: Fixture[] = [];
  if (!existsSync(root)) return out;
  for (const level of ["baseline", "restricted"] as const) {
    const ldir = join(root, level);
    if (!existsSync(ldir)) continue;
    for (const version of readdirSync(ldir).sort()) {
      for (const verdict of ["pass", "fail"] as const) {
        const dir = join(ldir, version, verdict);
        if (!existsSync(dir)) continue;
        for (const file of readdirSync(dir).sort()) {
          if (!file.endsWith(".yaml")) continue;
          const control = file.replace(/\d*\.yaml$/u, "");
          out.push({ source, level, version: version.replace(/^v/u, ""), verdict, control, file, path: join(dir, file) });
        }
      }
    }
  }
  return out;
}

const existing = new Set(Object.keys(rules));

export function isCovered(control: string): boolean {
  const c = CONTROLS[control];
  return !!c && c.required.every((r) => existing.has(r));
}

const linter = new Linter({ configType: "flat" });

function lint(f: Fixture): Linter.LintMessage[] {
  const config = [
    {
      files: [(p: string) => p.length > 0],
      plugins: { kubeguard: plugin },
      language: "kubeguard/k8s",
      settings: { kubeguard: { kubernetesVersion: f.version } },
      rules: presetRules(f.level),
    },
  ] as unknown as Linter.Config[];
  return linter.verify(readFileSync(f.path, "utf8"), config, { filename: f.file });
}

const psa = collect(PSA_TESTDATA, "psa");
const own = collect(OWN_TESTDATA, "kubeguard");

describe("Pod Security Standards presets", () => {
  it("finds PSA's fixtures and kubeguard's versioned fixtures", (ctx) => {
    if (!psa.length) ctx.skip(`PSA fixtures not found at ${PSA_TESTDATA} (../shared/corpus is absent)`);
    expect(psa.filter((f) => f.verdict === "fail").length).toBeGreaterThan(50);
    expect(own.length).toBeGreaterThan(10);
    // Every fixture names a known PSA control (or a `base*` pass fixture).
    for (const f of [...psa, ...own]) expect(CONTROLS[f.control] || /^base/u.test(f.control), f.path).toBeTruthy();
  });

  it("the presets are the Pod Security Standards exactly: every rule in baseline/restricted implements a PSS control", () => {
    const mapped = new Set(Object.values(CONTROLS).flatMap((c) => [...c.required, ...(c.also ?? [])]));
    mapped.add("valid-yaml"); // an unparsable manifest is not admitted either
    for (const level of ["baseline", "restricted"] as const) {
      for (const id of Object.keys(presetRules(level))) expect(mapped.has(id.replace(/^kubeguard\//u, "")), `${id} is in ${level} but implements no PSS control`).toBe(true);
    }
  });

  it("restricted sets unmasked-proc-mount to forbid Unmasked in user-namespace pods (procMount_restricted, v1.35+)", () => {
    if (!existing.has("unmasked-proc-mount")) return expect(presetRules("restricted")["kubeguard/unmasked-proc-mount"]).toBeUndefined();
    expect(presetRules("restricted")["kubeguard/unmasked-proc-mount"]).toEqual(["error", { allowInUserNamespacePods: false }]);
    expect(presetRules("baseline")["kubeguard/unmasked-proc-mount"]).toBe("error");
  });

  for (const f of [...psa, ...own]) {
    const name = `${f.source} ${f.level} v${f.version} ${f.verdict}/${f.file}`;
    if (f.verdict === "pass") {
      const known = KNOWN_DIVERGENCES[`${f.source}:${f.level}/v${f.version}/${f.verdict}/${f.file}`];
      (known ? it.fails : it)(`${name}: admitted, no finding${known ? ` (KNOWN DIVERGENCE: ${known})` : ""}`, () => {
        const messages = lint(f);
        expect(messages.map((m) => `${m.ruleId}: ${m.message}`)).toEqual([]);
      });
      continue;
    }
    if (!isCovered(f.control)) {
      it.skip(`${name}: control ${f.control} not implemented (needs ${CONTROLS[f.control]?.required.filter((r) => !existing.has(r)).join(", ")})`, () => {});
      continue;
    }
    const known = KNOWN_DIVERGENCES[`${f.source}:${f.level}/v${f.version}/${f.verdict}/${f.file}`];
    (known ? it.fails : it)(`${name}: rejected by ${f.control}${known ? ` (KNOWN DIVERGENCE: ${known})` : ""}`, () => {
      const messages = lint(f);
      expect(messages.filter((m) => m.fatal || m.ruleId === null)).toEqual([]);
      // Rejected, and for the right reason: a rule implementing this control (at this level) fires.
      const control = CONTROLS[f.control]!;
      const implementing = new Set([...control.required, ...(control.also ?? [])]);
      const own = messages.filter((m) => implementing.has(String(m.ruleId).replace(/^kubeguard\//u, "")));
      expect(own.length, `${f.control} rules must fire; got ${messages.map((m) => m.ruleId).join(", ") || "nothing"}`).toBeGreaterThan(0);
    });
  }
});
