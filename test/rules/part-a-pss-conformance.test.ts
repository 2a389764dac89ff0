/**
 * @fileoverview PSS conformance of the pod-security rules of catalog-workload.md §1A–§1C: the
 * `baseline` / `restricted` presets, restricted to these rules, must give Pod Security Admission's
 * own verdicts on its test data (kubernetes/pod-security-admission `test/testdata/<level>/v1.37/
 * {pass,fail}/*.yaml`, from ../shared/corpus). A `fail/<control>N.yaml` file is the passing base pod
 * plus one violation of <control>: the rules must fire exactly for the controls they implement
 * and stay silent on every other file.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/eslint/index.js";
import { rules } from "../../rules/index.js";
import type { K8sRuleDefinition } from "../../src/rule.js";

const TESTDATA = join(import.meta.dirname, "..", "..", "..", "shared", "corpus", "manifests", "kubernetes__pod-security-admission", "test", "testdata");

/** This part's rules (catalog-workload.md §1A remaining, §1B, §1C). */
const PART_A = [
  "run-as-user-root", "run-as-group-root", "root-supplemental-or-fs-group", "low-uid", "low-gid", "fs-group-unset", "security-context-missing", "linux-hardening-missing",
  "capabilities-not-drop-all", "capabilities-drop-empty", "net-raw-not-dropped", "capabilities-added-beyond-baseline", "capabilities-added-beyond-restricted", "dangerous-capability-added",
  "seccomp-unconfined", "seccomp-profile-missing", "seccomp-annotation-deprecated", "apparmor-unconfined", "apparmor-profile-missing", "apparmor-annotation-deprecated",
  "selinux-custom-options", "selinux-options-missing", "unmasked-proc-mount", "unsafe-sysctl", "windows-host-process", "windows-identity-unset",
];

/** PSA check ids (file-name prefixes) implemented by these rules, per level. */
const CONTROLS: Record<"baseline" | "restricted", string[]> = {
  baseline: ["capabilities_baseline", "seccompprofile_baseline", "apparmorprofile", "selinuxoptions", "procmount", "sysctls", "windowshostprocess"],
  restricted: [
    "capabilities_baseline", "capabilities_restricted", "seccompprofile_baseline", "seccompprofile_restricted", "apparmorprofile", "selinuxoptions",
    "procmount", "procmount_restricted", "sysctls", "windowshostprocess", "runasuser",
  ],
};

const VERSION = "v1.37";

/**
 * Files named after one control that also violate one of ours (checked by reading them): PSA fails
 * them for both. restricted/fail/allowprivilegeescalation3.yaml has a container without any
 * securityContext, so it also fails capabilities_restricted (drop must include ALL).
 */
const ALSO_VIOLATES: Record<string, string> = {
  "restricted/fail/allowprivilegeescalation3.yaml": "capabilities_restricted",
};

describe.skipIf(!existsSync(TESTDATA))("PSS conformance (pod-security-admission test data, part A rules)", () => {
  for (const level of ["baseline", "restricted"] as const) {
    const ruleIds = PART_A.filter((id) => ((rules as Record<string, K8sRuleDefinition>)[id]?.meta.docs.presets as string[] | undefined)?.includes(level));
    const ruleConfig: Record<string, unknown> = {};
    for (const id of ruleIds) ruleConfig[`kubeguard/${id}`] = "error";
    // The one rule whose PSS semantics differ between levels for the same field (v1.35+).
    if (level === "restricted") ruleConfig["kubeguard/unmasked-proc-mount"] = ["error", { allowInUserNamespacePods: false }];
    const config = [
      { files: [(p: string) => p.length > 0], plugins: { kubeguard: plugin }, language: "kubeguard/k8s", settings: { kubeguard: { kubernetesVersion: "1.37" } }, rules: ruleConfig },
    ] as unknown as Linter.Config[];

    it(`${level}: the preset holds the expected rules`, () => {
      expect(ruleIds.length).toBeGreaterThan(4);
    });
    for (const verdict of ["pass", "fail"] as const) {
      const dir = join(TESTDATA, level, VERSION, verdict);
      if (!existsSync(dir)) continue;
      it(`${level} ${verdict}: every file gets PSA's verdict for the controls these rules implement`, () => {
        const linter = new Linter({ configType: "flat" });
        const wrong: string[] = [];
        let expectedFails = 0;
        for (const f of readdirSync(dir).filter((n) => n.endsWith(".yaml")).sort()) {
          const control = f.replace(/\d*\.yaml$/u, "");
          const shouldFire = verdict === "fail" && (CONTROLS[level].includes(control) || ALSO_VIOLATES[`${level}/${verdict}/${f}`] !== undefined);
          if (shouldFire) expectedFails++;
          const messages = linter.verify(readFileSync(join(dir, f), "utf8"), config, { filename: f });
          const fatal = messages.filter((m) => m.ruleId === null);
          const fired = messages.filter((m) => m.ruleId !== null);
          if (fatal.length || fired.length > 0 !== shouldFire) wrong.push(`${f}: expected ${shouldFire ? "a finding" : "none"}, got ${JSON.stringify(messages.map((m) => `${m.ruleId}: ${m.message}`))}`);
        }
        expect(wrong).toEqual([]);
        if (verdict === "fail") expect(expectedFails).toBeGreaterThan(10);
      });
    }
  }
});
