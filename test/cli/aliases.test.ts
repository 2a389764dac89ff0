/**
 * @fileoverview Rule aliases (research/catalog-cluster.md §6): catalog ids that an existing rule
 * implements are listed by `--list-rules` as `{id, aliasOf}` and accepted for their rule by
 * `--rule` and `.kubeguard.yaml`.
 */
import { describe, expect, it } from "vitest";
import { loadConfigFile, RULE_ALIASES, resolveRuleAlias } from "../../src/config/index.js";
import { project, run } from "./helpers.js";

const POD_WITH_SA = `apiVersion: v1
kind: Pod
metadata:
  name: api
  namespace: shop
spec:
  serviceAccountName: api-runner
  automountServiceAccountToken: false
  containers:
    - name: api
      image: registry.example.com/shop/api:1.0.0
      env:
        - name: DB_PASSWORD
          value: hunter2-but-longer
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: web-runner
  namespace: shop
automountServiceAccountToken: false
`;

const CATALOG_ALIASES: Record<string, string> = {
  "serviceaccount-automount-token": "automount-service-account-token",
  "serviceaccount-default-in-use": "default-service-account",
  "serviceaccount-deprecated-field": "deprecated-service-account-field",
  "serviceaccount-not-found": "missing-service-account",
  "configmap-secret-ref-missing": "env-ref-missing-object",
  "env-literal-secret": "secret-in-env-literal",
  "env-secret-reference": "secret-from-env",
};

type Listed = { id: string; aliasOf?: string; description?: string };

describe("rule aliases", () => {
  it("maps each §6 catalog id to its workload rule", () => {
    for (const [alias, rule] of Object.entries(CATALOG_ALIASES)) {
      expect(RULE_ALIASES[alias], alias).toBe(rule);
      expect(resolveRuleAlias(alias)).toBe(rule);
    }
    expect(resolveRuleAlias("privileged-container")).toBe("privileged-container");
  });

  it("--list-rules --format json lists each alias as an entry naming its rule", async () => {
    const r = await run(project(), ["--list-rules", "--format", "json"]);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Listed[];
    for (const [alias, rule] of Object.entries(CATALOG_ALIASES)) {
      expect(list.filter((x) => x.id === alias)).toEqual([{ id: alias, aliasOf: rule }]);
      expect(list.find((x) => x.id === rule)?.description, rule).toEqual(expect.any(String));
    }
  });

  it("--list-rules prints the aliases after the table", async () => {
    const r = await run(project(), ["--list-rules"]);
    expect(r.stdout).toMatch(/\nserviceaccount-not-found {2}alias of missing-service-account\n/u);
  });

  it("--rule accepts an alias for its rule", async () => {
    const dir = project({ ".kubeguard.yaml": "extends: []\nrules: {}\n", "pod.yaml": POD_WITH_SA });
    const r = await run(dir, ["pod.yaml", "--format", "json", "--rule", "serviceaccount-not-found=error"]);
    expect(r.code).toBe(1);
    const ids = (JSON.parse(r.stdout) as { messages: { ruleId: string }[] }[]).flatMap((f) => f.messages.map((m) => m.ruleId));
    expect(ids).toEqual(["missing-service-account"]);
  });

  it(".kubeguard.yaml accepts an alias for its rule", async () => {
    const dir = project({ ".kubeguard.yaml": "extends: []\nrules:\n  env-literal-secret: error\n", "pod.yaml": POD_WITH_SA });
    const config = loadConfigFile(".kubeguard.yaml", dir);
    expect(Object.keys(config.rules)).toEqual(["secret-in-env-literal"]);
    const r = await run(dir, ["pod.yaml", "--format", "json"]);
    const ids = (JSON.parse(r.stdout) as { messages: { ruleId: string }[] }[]).flatMap((f) => f.messages.map((m) => m.ruleId));
    expect(ids).toEqual(["secret-in-env-literal"]);
  });

  it("still rejects unknown ids", async () => {
    const r = await run(project(), [".", "--rule", "serviceaccount-not-fund=error"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown rule 'serviceaccount-not-fund'");
  });
});
