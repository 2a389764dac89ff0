import { describe, expect, it } from "vitest";
import rule from "../../rules/enc-secrets-shadowed.js";
import { coversResource, parseGroupResource } from "../../rules/shared/_encryption.js";
import { runRuleTests } from "../rule-tester.js";

describe("resource names (schema.ParseGroupResource)", () => {
  it("splits at the first dot and matches wildcards", () => {
    expect(parseGroupResource("deployments.apps")).toEqual({ group: "apps", resource: "deployments" });
    expect(parseGroupResource("*.")).toEqual({ group: "", resource: "*" });
    expect(coversResource("*.*", "", "secrets")).toBe(true);
    expect(coversResource("*.", "", "secrets")).toBe(true);
    expect(coversResource("*.apps", "", "secrets")).toBe(false);
    expect(coversResource("secrets.", "", "secrets")).toBe(true);
  });
});

runRuleTests(rule, {
  valid: [
    {
      name: "an identity-first *. entry does not shadow an exact secrets entry (exact names are looked up first)",
      code: "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [secrets]\n    providers: [{kms: {apiVersion: v2, name: vault, endpoint: 'unix:///k.sock'}}]\n  - resources: ['*.']\n    providers: [{identity: {}}]\n",
    },
  ],
  invalid: [
    {
      name: "*. (identity first) is consulted before *.* for Secrets",
      code: "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: ['*.']\n    providers: [{identity: {}}, {kms: {apiVersion: v2, name: a, endpoint: 'unix:///a.sock'}}]\n  - resources: ['*.*']\n    providers: [{kms: {apiVersion: v2, name: b, endpoint: 'unix:///b.sock'}}]\n",
      errors: [{ messageId: "shadowed", data: { entry: 1, via: "*.", other: 2, otherVia: "*.*", provider: "kms", why: "the API server looks up the exact resource first, then '*.<group>', then '*.*'" }, line: 4, column: 17, endLine: 4, endColumn: 21 }],
    },
  ],
});
