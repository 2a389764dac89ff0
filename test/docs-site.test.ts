/**
 * @fileoverview Freshness of the generated docs (docs/rules/, docs/migration/, README rule table,
 * schema/kubeguard.schema.json): regenerated in memory and compared with the files on disk.
 * Regenerate with `npm run gen:docs`.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateAll, renderRuleDoc, renderSchema, staleRuleDocs } from "../src/tools/gen-docs.js";
import { rules } from "../rules/index.js";
import type { K8sRuleDefinition } from "../src/rule.js";

const ROOT = join(import.meta.dirname, "..");

describe("generated docs site", () => {
  const generated = generateAll(ROOT);

  it("every generated file is up to date (run `npm run gen:docs`)", () => {
    const stale = [...generated].filter(([path, content]) => !existsSync(join(ROOT, path)) || readFileSync(join(ROOT, path), "utf8") !== content).map(([p]) => p);
    expect(stale, `stale: run npm run gen:docs`).toEqual([]);
    expect(staleRuleDocs(ROOT, generated)).toEqual([]);
  });

  it("the README has the rule table markers and one row per rule", () => {
    const readme = generated.get("README.md");
    expect(readme, "README.md lacks <!-- rules:start --> / <!-- rules:end -->").toBeDefined();
    for (const id of Object.keys(rules)) expect(readme).toContain(`| [${id}](docs/rules/${id}.md) |`);
  });

  it("a rule page carries the meta header and the hand-written body, without repeating title or description", () => {
    const rule = rules["privileged-container"] as unknown as K8sRuleDefinition;
    const page = renderRuleDoc(rule, readFileSync(join(ROOT, "rules", "privileged-container.md"), "utf8"));
    expect(page).toContain("| Severity | critical |");
    expect(page).toContain("| Checkov | `CKV_K8S_16` |");
    expect(page).toContain("\n## Why\n");
    expect(page.match(/^# privileged-container$/gmu)).toHaveLength(1);
    expect(page.split(rule.meta.docs.description).length - 1).toBe(1);
  });

  it("the schema names every rule and validates the shape of customRules", () => {
    const schema = JSON.parse(renderSchema()) as { properties: { rules: { properties: Record<string, unknown> }; customRules: { items: { required: string[] } } } };
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual(Object.keys(rules).sort());
    expect(schema.properties.customRules.items.required).toContain("select");
  });

  it("migration pages map peer ids to rules from equivalents", () => {
    const kl = generated.get("docs/migration/kube-linter.md")!;
    expect(kl).toContain("kubeguard migrate --from kube-linter");
    expect(kl).toContain("| `privileged-container` | [privileged-container](../rules/privileged-container.md) |");
    expect(generated.get("docs/migration/checkov.md")).toContain("| `CKV_K8S_16` | [privileged-container](../rules/privileged-container.md) |");
  });
});
