/**
 * @fileoverview Declarative custom rules end to end through the CLI: exact positions, levels, docs
 * links, fixes, suppressions, rule settings, config errors naming the key, and JSONPath with eval
 * disabled (a hostile filter expression never runs).
 */
import { describe, expect, it } from "vitest";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { project, read, run } from "../cli/helpers.js";
import { createCustomRule, select, type CustomRuleSpec } from "../../src/custom/index.js";
import { Linter } from "eslint";
import plugin from "../../src/eslint/index.js";

const RULES = `extends: []
customRules:
  - id: require-team-label
    description: Every workload names its owning team
    severity: medium
    kinds: [Deployment]
    select: $.metadata.labels.team
    condition: { absent: true }
    message: "{{kind}} '{{name}}' has no {{path}} label"
    fix: { value: unassigned }
  - id: no-latest
    description: Images are pinned
    severity: high
    kinds: ["*"]
    apiVersions: [apps/v1]
    select: $.spec.template.spec.containers[*].image
    condition: { matches: ":latest$" }
    message: "image {{value}} at {{path}} uses :latest"
    url: https://wiki.example.com/pinning
  - id: max-replicas
    description: At most 10 replicas
    severity: low
    kinds: [Deployment]
    select: $.spec.replicas
    condition: { greaterThan: 10 }
    message: "{{value}} replicas"
  - id: memory-limit
    description: Containers set a memory limit
    severity: low
    kinds: [Deployment]
    select: $.spec.template.spec.containers[*].resources.limits.memory
    condition: { absent: true }
    message: "{{path}} is missing"
    fix: { value: 512Mi }
`;

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels:
    app: web
spec:
  replicas: 12
  template:
    spec:
      containers:
        - name: web
          image: nginx:latest
        - name: side
          image: busybox:1.36
          resources:
            limits:
              memory: 1Gi
`;

interface Msg {
  ruleId: string;
  level: string;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  url?: string;
  resource: { kind: string; name: string; namespace: string };
  suggestions?: unknown[];
}

async function lintJson(dir: string, args: string[] = []): Promise<{ code: number; messages: Msg[]; suppressed: Msg[]; stderr: string }> {
  const r = await run(dir, ["--format", "json", ...args, "."]);
  const results = JSON.parse(r.stdout) as { messages: Msg[]; suppressedMessages: Msg[] }[];
  return { code: r.code, messages: results.flatMap((x) => x.messages), suppressed: results.flatMap((x) => x.suppressedMessages), stderr: r.stderr };
}

describe("custom rules through the CLI", () => {
  it("report at the exact YAML node, with level, docs link and resource", async () => {
    const dir = project({ ".kubeguard.yaml": RULES, "d.yaml": DEPLOY });
    const { code, messages } = await lintJson(dir);
    expect(code).toBe(1);
    const brief = messages.map((m) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn, m.level, m.message]);
    expect(brief).toEqual([
      // absent: reported at the closest existing parent, the `labels` key.
      ["custom-require-team-label", 6, 3, 6, 9, "medium", "Deployment 'web' has no metadata.labels.team label"],
      ["custom-max-replicas", 9, 3, 9, 15, "low", "12 replicas"],
      // absent inside each container: the container's `name` key.
      ["custom-memory-limit", 13, 11, 13, 15, "low", "spec.template.spec.containers[0].resources.limits.memory is missing"],
      ["custom-no-latest", 14, 11, 14, 30, "high", "image nginx:latest at spec.template.spec.containers[0].image uses :latest"],
    ]);
    const byId = Object.fromEntries(messages.map((m) => [m.ruleId, m]));
    expect(byId["custom-no-latest"]!.url).toBe("https://wiki.example.com/pinning");
    expect(byId["custom-max-replicas"]!.url).toBe(pathToFileURL(join(dir, ".kubeguard.yaml")).href);
    expect(byId["custom-no-latest"]!.severity).toBe(2);
    expect(byId["custom-max-replicas"]!.severity).toBe(1);
    expect(byId["custom-no-latest"]!.resource).toMatchObject({ kind: "Deployment", name: "web", namespace: "shop" });
    expect(byId["custom-require-team-label"]!.suggestions).toHaveLength(1);
  });

  it("kinds and apiVersions filter: a Pod and an extensions/v1beta1 Deployment are not checked by no-latest", async () => {
    const other = DEPLOY.replace("apiVersion: apps/v1", "apiVersion: extensions/v1beta1");
    const dir = project({ ".kubeguard.yaml": RULES, "d.yaml": other });
    const { messages } = await lintJson(dir);
    expect(messages.map((m) => m.ruleId)).not.toContain("custom-no-latest");
    expect(messages.map((m) => m.ruleId)).toContain("custom-max-replicas");
  });

  it("--fix writes the fix values (insert a missing key path, replace a value)", async () => {
    const dir = project({ ".kubeguard.yaml": RULES, "d.yaml": DEPLOY });
    const r = await run(dir, ["--fix", "."]);
    expect(r.code).toBe(1); // no-latest and max-replicas have no fix
    expect(read(dir, "d.yaml")).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels:
    app: web
    team: unassigned
spec:
  replicas: 12
  template:
    spec:
      containers:
        - name: web
          image: nginx:latest
          resources:
            limits:
              memory: 512Mi
        - name: side
          image: busybox:1.36
          resources:
            limits:
              memory: 1Gi
`);
    const again = await lintJson(dir);
    expect(again.messages.map((m) => m.ruleId).sort()).toEqual(["custom-max-replicas", "custom-no-latest"]);
  });

  it("suppression comments, rule settings and overrides work like built-in rules", async () => {
    const suppressed = DEPLOY.replace("          image: nginx:latest", "          # kubeguard-disable-next-line custom-no-latest -- pinned by digest at deploy time\n          image: nginx:latest");
    const config = `${RULES}rules:\n  custom-max-replicas: off\n  custom-memory-limit: { severity: critical }\noverrides:\n  - files: ["legacy/**"]\n    rules: { custom-require-team-label: off }\n`;
    const dir = project({ ".kubeguard.yaml": config, "d.yaml": suppressed, "legacy/d.yaml": DEPLOY });
    const { messages, suppressed: sup } = await lintJson(dir);
    const ids = messages.map((m) => `${m.ruleId}@${m.level}`);
    expect(ids).not.toContain("custom-max-replicas@low");
    expect(ids.filter((i) => i.startsWith("custom-require-team-label"))).toHaveLength(1); // not in legacy/
    expect(ids).toContain("custom-memory-limit@critical");
    expect(sup.map((m) => m.ruleId)).toEqual(["custom-no-latest"]);
    expect(messages.filter((m) => m.ruleId === "custom-no-latest")).toHaveLength(1); // legacy/ only
  });

  it("invalid custom rules are config errors naming the key (exit 2)", async () => {
    const cases: [string, string][] = [
      [RULES.replace('":latest$"', '"(unclosed"'), "customRules[1].condition.matches: invalid regular expression"],
      [RULES.replace("{ greaterThan: 10 }", "{ greaterThan: ten }"), "customRules[2].condition.greaterThan: expected a number"],
      [RULES.replace("{ greaterThan: 10 }", "{ largerThan: 10 }"), "customRules[2].condition.largerThan: unknown condition"],
      [RULES.replace("{{value}} replicas", "{{valu}} replicas"), "customRules[2].message: unknown placeholder {{valu}}"],
      [RULES.replace("select: $.spec.replicas", "select: spec.replicas"), "customRules[2].select: expected a JSONPath starting with $"],
      [RULES.replace("    severity: low\n    kinds: [Deployment]\n    select: $.spec.replicas", "    kinds: [Deployment]\n    select: $.spec.replicas"), "customRules[2].severity: required"],
      [RULES.replace("id: max-replicas", "id: no-latest"), "customRules[2].id: duplicate id 'no-latest' (also customRules[1])"],
      [RULES.replace("id: max-replicas", "id: privileged-container"), "customRules[2].id: 'privileged-container' is a built-in rule id"],
      [`${RULES}rules:\n  custom-nope: off\n`, "rules.custom-nope: unknown rule"],
    ];
    for (const [config, error] of cases) {
      const dir = project({ ".kubeguard.yaml": config, "d.yaml": DEPLOY });
      const r = await run(dir, ["."]);
      expect(r.code, error).toBe(2);
      expect(r.stderr).toContain(`.kubeguard.yaml: ${error}`);
    }
  });
});

describe("JSONPath is evaluated with eval disabled", () => {
  const HOSTILE = "$..[?(@.constructor.constructor('process.exit(9)')())]";

  it("a hostile filter expression is a config error; the process is not exited (the test goes on)", async () => {
    const config = `extends: []\ncustomRules:\n  - id: evil\n    description: x\n    severity: high\n    kinds: ["*"]\n    select: "${HOSTILE}"\n    condition: { exists: true }\n    message: x\n`;
    const dir = project({ ".kubeguard.yaml": config, "d.yaml": DEPLOY });
    const r = await run(dir, ["."]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(".kubeguard.yaml: customRules[0].select: filter and script expressions");
  });

  it("even when validation is bypassed, the filter selects nothing and runs nothing", () => {
    const g = globalThis as { __kubeguardPwned?: number };
    delete g.__kubeguardPwned;
    const canary = "$..[?(@.constructor.constructor('globalThis.__kubeguardPwned = 1')())]";
    expect(select(canary, { a: { b: 1 }, c: [1, 2] })).toEqual([]);
    expect(select("$.a[(@.constructor.constructor('globalThis.__kubeguardPwned = 2')())]", { a: [1] })).toEqual([]);
    const spec: CustomRuleSpec = {
      id: "evil",
      ruleId: "custom-evil",
      description: "x",
      severity: "high",
      kinds: ["*"],
      apiVersions: null,
      select: canary,
      condition: { key: "exists", operand: true, regex: null },
      message: "x",
      fix: null,
      url: "https://example.com",
    };
    const linter = new Linter({ configType: "flat" });
    const messages = linter.verify(DEPLOY, [
      {
        files: ["**/*.yaml"],
        plugins: { kubeguard: { ...plugin, rules: { ...plugin.rules, "custom-evil": createCustomRule(spec) } } as never },
        language: "kubeguard/k8s",
        rules: { "kubeguard/custom-evil": "error" },
      },
    ], "d.yaml");
    expect(messages).toEqual([]);
    expect(g.__kubeguardPwned).toBeUndefined();
    // A plain selector does select, so the empty result above is not a broken evaluator.
    expect(select("$.c[*]", { c: [1, 2] }).map((m) => m.value)).toEqual([1, 2]);
  });
});
