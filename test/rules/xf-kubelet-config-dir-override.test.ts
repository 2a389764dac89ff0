import { join } from "node:path";
import { describe, expect, it } from "vitest";
import rule from "../../rules/xf-kubelet-config-dir-override.js";
import { runRuleTests, FIXTURES } from "../rule-tester.js";
import { crossFindings, runCrossCases } from "../crossdoc-tester.js";

runRuleTests(rule);
// Folder runs: a folder contributes kubelet drop-ins (`*.conf` files that are a KubeletConfiguration, src/cli/files.ts).
runCrossCases(rule.name);

describe("xf-kubelet-config-dir-override with the drop-ins named on the command line", () => {
  const multi = join(FIXTURES, rule.name, "multi");
  const dropin = "etc/kubernetes/kubelet.conf.d/50-debug.conf";
  it("reports each weakened setting on the drop-in, naming the base file", async () => {
    expect(await crossFindings(rule.name, join(multi, "weakening-dropin"), [dropin])).toEqual([
      { file: dropin, line: 6, column: 14, endLine: 6, endColumn: 18, messageId: "weakens", related: [{ file: "var/lib/kubelet/config.yaml", line: 5 }] },
      { file: dropin, line: 7, column: 15, endLine: 7, endColumn: 20, messageId: "weakens", related: [{ file: "var/lib/kubelet/config.yaml", line: 2 }] },
    ]);
  });
  it("says nothing about a drop-in that weakens nothing", async () => {
    expect(await crossFindings(rule.name, join(multi, "safe-dropin"), [dropin])).toEqual([]);
  });
});
