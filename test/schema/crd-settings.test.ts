/**
 * @fileoverview `settings.crdSchemas` in .kubeguard.yaml: CRD schemas from another folder apply to the
 * linted files through the real CLI (paths relative to the configuration file).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { project, run } from "../cli/helpers.js";

const CRD = readFileSync(join(import.meta.dirname, "..", "..", "fixtures", "rules", "schema-invalid", "crds", "widget-crd.yaml"), "utf8");

describe("settings.crdSchemas", () => {
  it("validates custom resources against a CRD kept in another folder", async () => {
    const dir = project({
      ".kubeguard.yaml": "extends: [all]\nsettings:\n  crdSchemas: [schemas]\n",
      "schemas/widget.yaml": CRD,
      "app/widget.yaml": "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: medium\n  replcas: 2\n",
    });
    const r = await run(dir, ["--format", "json", "app"]);
    const messages = (JSON.parse(r.stdout) as { messages: { ruleId: string; line: number; column: number; message: string }[] }[]).flatMap((f) => f.messages);
    const ours = messages.filter((m) => /schema-invalid|unknown-field/u.test(m.ruleId)).map((m) => `${m.ruleId.replace("kubeguard/", "")} ${m.line}:${m.column}`);
    expect(ours.sort()).toEqual(["schema-invalid 6:9", "unknown-field 7:3"]);
    expect(messages.find((m) => m.ruleId.endsWith("unknown-field"))!.message).toContain("did you mean 'replicas'?");
  });

  it("rejects a setting that is not a list of paths", async () => {
    const dir = project({ ".kubeguard.yaml": "settings:\n  crdSchemas: {a: 1}\n", "a.yaml": "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n" });
    const r = await run(dir, ["a.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("settings.crdSchemas: expected a string or a list of strings");
  });
});
