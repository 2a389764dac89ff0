/**
 * @fileoverview Moving from other linters, end to end through the CLI: `kubeguard migrate` for
 * kube-linter, Polaris and Checkov configurations, and the other tools' suppression annotations
 * (mapped through meta.docs.equivalents, switchable off).
 */
import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { project, read, run } from "../cli/helpers.js";

const PRIVILEGED = (annotations: string): string => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: cni
${annotations ? `  annotations:\n${annotations}` : ""}spec:
  template:
    spec:
      containers:
        - name: agent
          image: registry.example.com/agent:1.0
          securityContext:
            privileged: true
`;

describe("kubeguard migrate", () => {
  it("kube-linter: include/exclude become rules on/off; unknown checks are listed as comments; the result lints", async () => {
    const dir = project({
      ".kube-linter.yaml": "checks:\n  doNotAutoAddDefaults: true\n  include: [privileged-container, dnsconfig-options]\n  exclude: [run-as-non-root]\n  ignorePaths: ['tests/**']\ncustomChecks:\n  - name: team-label\n    template: required-label\n",
      "ds.yaml": PRIVILEGED(""),
    });
    const r = await run(dir, ["migrate", "--from", "kube-linter", ".kube-linter.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("wrote .kubeguard.yaml");
    const text = read(dir, ".kubeguard.yaml");
    expect(text).toContain("# yaml-language-server: $schema=");
    expect(text).toContain("extends: []\n");
    expect(text).toMatch(/\n {2}privileged-container: error +# kube-linter: privileged-container\n/u);
    expect(text).toMatch(/\n {2}run-as-non-root: off +# kube-linter: run-as-non-root\n/u);
    expect(text).toContain("ignore:\n  - tests/**\n");
    expect(text).toContain("#   kube-linter check 'dnsconfig-options' (include)");
    expect(text).toContain("kube-linter custom check 'team-label' (template required-label)");
    // The generated file is a working configuration: exactly the included rule fires.
    const lint = await run(dir, ["--format", "json", "ds.yaml"]);
    expect(lint.code).toBe(1);
    const ids = (JSON.parse(lint.stdout) as { messages: { ruleId: string }[] }[]).flatMap((x) => x.messages.map((m) => m.ruleId));
    expect(ids).toEqual(["privileged-container"]);
    // Never overwrite without --force.
    const again = await run(dir, ["migrate", "--from", "kube-linter", ".kube-linter.yaml"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(".kubeguard.yaml exists; use --force");
  });

  it("polaris: danger/warning/ignore become error/warn/off (to stdout with -o -)", async () => {
    const dir = project({ "polaris.yaml": "checks:\n  runAsPrivileged: danger\n  notReadOnlyRootFilesystem: warning\n  runAsRootAllowed: ignore\n  priorityClassNotSet: warning\nexemptions:\n  - controllerNames: [kube-proxy]\n    rules: [hostNetworkSet]\n" });
    const r = await run(dir, ["migrate", "--from", "polaris", "polaris.yaml", "-o", "-"]);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, ".kubeguard.yaml"))).toBe(false);
    expect(r.stdout).toMatch(/\n {2}privileged-container: error +# polaris: runAsPrivileged\n/u);
    expect(r.stdout).toMatch(/\n {2}writable-root-filesystem: warn +# polaris: notReadOnlyRootFilesystem\n/u);
    expect(r.stdout).toMatch(/\n {2}run-as-non-root: off +# polaris: runAsRootAllowed\n/u);
    expect(r.stdout).toContain("#   polaris check 'priorityClassNotSet' (warning)");
    expect(r.stdout).toContain("1 Polaris exemption(s) not migrated");
  });

  it("checkov: check (only these) and skip-check lists of CKV_K8S ids", async () => {
    const dir = project({ ".checkov.yaml": "framework: [kubernetes]\ncheck: [CKV_K8S_16, CKV_K8S_20]\nskip-check:\n  - CKV_K8S_20\n  - CKV_K8S_9999\n" });
    const r = await run(dir, ["migrate", "--from", "checkov", ".checkov.yaml", "-o", "kg.yaml"]);
    expect(r.code).toBe(0);
    const text = read(dir, "kg.yaml");
    expect(text).toContain("extends: []\n");
    expect(text).toMatch(/\n {2}privileged-container: error +# checkov: CKV_K8S_16\n/u);
    expect(text).toMatch(/\n {2}privilege-escalation-allowed: off +# checkov: CKV_K8S_20\n/u);
    expect(text).toContain("#   checkov check 'CKV_K8S_9999' (skip-check)");
    expect(text).toContain("Checkov setting 'framework' is not migrated");
  });

  it("usage errors exit 2", async () => {
    const dir = project({ "x.yaml": "checks: [1]\n" });
    expect((await run(dir, ["migrate", "x.yaml"])).stderr).toContain("--from is required");
    expect((await run(dir, ["migrate", "--from", "kubesec", "x.yaml"])).stderr).toContain("unknown tool 'kubesec'");
    const bad = await run(dir, ["migrate", "--from", "kube-linter", "x.yaml"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("x.yaml: checks: expected a mapping");
  });
});

describe("other tools' suppression annotations", () => {
  const CONFIG = "extends: []\nrules:\n  privileged-container: error\n";
  const cases: [string, string][] = [
    ["kube-linter", '    ignore-check.kube-linter.io/privileged-container: "CNI needs host access"\n'],
    ["checkov", "    checkov.io/skip1: CKV_K8S_16=CNI needs host access\n"],
    ["polaris", '    polaris.fairwinds.com/runAsPrivileged-exempt: "true"\n'],
    ["kube-score", "    kube-score/ignore: container-resources,container-security-context-privileged\n"],
  ];
  for (const [tool, annotation] of cases) {
    it(`${tool}: suppresses the equivalent rule, with the annotation as justification; off with migrationAnnotations: false`, async () => {
      const dir = project({ ".kubeguard.yaml": CONFIG, "ds.yaml": PRIVILEGED(annotation) });
      const r = await run(dir, ["--format", "json", "."]);
      expect(r.code).toBe(0);
      const [result] = JSON.parse(r.stdout) as { messages: unknown[]; suppressedMessages: { ruleId: string; suppressions: { justification: string }[] }[] }[];
      expect(result!.messages).toEqual([]);
      expect(result!.suppressedMessages.map((m) => m.ruleId)).toEqual(["privileged-container"]);
      expect(result!.suppressedMessages[0]!.suppressions[0]!.justification).toContain(tool);
      const off = project({ ".kubeguard.yaml": `${CONFIG}settings:\n  migrationAnnotations: false\n`, "ds.yaml": PRIVILEGED(annotation) });
      const r2 = await run(off, ["--format", "json", "."]);
      expect(r2.code).toBe(1);
      expect((JSON.parse(r2.stdout) as { messages: { ruleId: string }[] }[])[0]!.messages.map((m) => m.ruleId)).toEqual(["privileged-container"]);
    });
  }

  it("an unused foreign annotation is reported, and --fix leaves the file byte-identical", async () => {
    const text = PRIVILEGED('    ignore-check.kube-linter.io/run-as-non-root: "legacy"\n');
    const dir = project({ ".kubeguard.yaml": "extends: []\nrules:\n  run-as-non-root: error\n", "ds.yaml": text.replace("privileged: true", "runAsNonRoot: true") });
    const r = await run(dir, ["--format", "json", "."]);
    const msgs = (JSON.parse(r.stdout) as { messages: { ruleId: string | null; message: string }[] }[])[0]!.messages;
    expect(msgs.map((m) => [m.ruleId, m.message])).toEqual([[null, "Unused eslint-disable directive (no problems were reported from 'kubeguard/run-as-non-root')."]]);
    const { Linter } = await import("eslint");
    const plugin = (await import("../../src/eslint/index.js")).default;
    const fixed = new Linter({ configType: "flat" }).verifyAndFix(read(dir, "ds.yaml"), [
      { files: ["**/*.yaml"], plugins: { kubeguard: plugin as never }, language: "kubeguard/k8s", linterOptions: { reportUnusedDisableDirectives: "error" }, rules: { "kubeguard/run-as-non-root": "error" } },
    ], "ds.yaml");
    expect(fixed.output).toBe(read(dir, "ds.yaml"));
  });
});
