/**
 * @fileoverview The generated rule registry is fresh; rule metadata is complete and consistent;
 * the package version matches.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderIndex, ruleIds } from "../src/tools/gen-rules-index.js";
import { rules } from "../rules/index.js";
import plugin from "../src/eslint/index.js";
import { PRESETS, SEVERITIES, type K8sRuleDefinition } from "../src/rule.js";
import { VERSION } from "../src/version.js";

const ROOT = join(import.meta.dirname, "..");

describe("rule registry", () => {
  it("rules/index.ts is up to date (run `npm run gen:rules`)", () => {
    expect(readFileSync(join(ROOT, "rules", "index.ts"), "utf8")).toBe(renderIndex(ruleIds(join(ROOT, "rules"))));
  });
  it("every rule's meta is complete", () => {
    for (const [id, r] of Object.entries(rules)) {
      const rule = r as K8sRuleDefinition;
      expect(rule.name).toBe(id);
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/u);
      expect(SEVERITIES).toContain(rule.meta.docs.severity);
      for (const p of rule.meta.docs.presets) expect(PRESETS).toContain(p);
      expect(rule.meta.docs.url).toBe(`https://github.com/kubeguard/kubeguard/blob/main/rules/${id}.md`);
      expect(rule.meta.languages).toEqual(["kubeguard/k8s"]);
      expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
    }
  });
  it("the plugin exposes every rule and the presets are scoped with files", () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(Object.keys(rules).sort());
    for (const cfg of Object.values(plugin.configs)) expect(cfg.files?.length).toBeGreaterThan(0);
    expect(plugin.meta.namespace).toBe("kubeguard");
  });
  it("the version matches package.json", () => {
    expect(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version).toBe(VERSION);
  });
});
