/**
 * @fileoverview Suppressions through ESLint's Linter with the kubeguard plugin: `# kubeguard-disable…`
 * comments, ESLint's own `# eslint-disable…` forms, the `kubeguard.io/ignore` annotation, and
 * unused-suppression reports.
 */
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../src/eslint/index.js";

const RULES = {
  "kubeguard/privileged-container": "error",
  "kubeguard/privilege-escalation-allowed": "error",
} as const;

function lint(code: string, languageOptions: Record<string, unknown> = {}): { messages: Linter.LintMessage[]; suppressed: Linter.SuppressedLintMessage[] } {
  const linter = new Linter({ configType: "flat" });
  const config = [
    {
      files: ["**/*.yaml"],
      plugins: { kubeguard: plugin },
      language: "kubeguard/k8s",
      languageOptions,
      rules: RULES,
      linterOptions: { reportUnusedDisableDirectives: "warn" },
    },
  ] as unknown as Linter.Config[];
  const messages = linter.verify(code, config, { filename: "manifest.yaml" });
  // `getSuppressedMessages` exists at runtime but is missing from eslint 10's Linter typings.
  const suppressed = (linter as unknown as { getSuppressedMessages(): Linter.SuppressedLintMessage[] }).getSuppressedMessages();
  return { messages, suppressed };
}

const brief = (ms: Linter.LintMessage[]): [string | null, number][] => ms.map((m) => [m.ruleId, m.line]);

/** A privileged pod; `extra` lines go right above `privileged: true` (line 11 + their count). */
function pod(opts: { above?: string; same?: string; annotations?: string; name?: string } = {}): string {
  return [
    "apiVersion: v1",
    "kind: Pod",
    "metadata:",
    `  name: ${opts.name ?? "debug"}`,
    ...(opts.annotations ? ["  annotations:", `    ${opts.annotations}`] : []),
    "spec:",
    "  containers:",
    "    - name: shell",
    "      image: busybox:1.36",
    "      securityContext:",
    "        allowPrivilegeEscalation: false",
    ...(opts.above ? [`        ${opts.above}`] : []),
    `        privileged: true${opts.same ? ` ${opts.same}` : ""}`,
    "",
  ].join("\n");
}

describe("suppression comments", () => {
  it("reports without any suppression", () => {
    expect(brief(lint(pod()).messages)).toEqual([["kubeguard/privileged-container", 11]]);
  });

  it("kubeguard-disable-next-line <rule> -- reason suppresses and keeps the justification", () => {
    const { messages, suppressed } = lint(pod({ above: "# kubeguard-disable-next-line privileged-container -- CNI agent needs host devices" }));
    expect(messages).toEqual([]);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]!.ruleId).toBe("kubeguard/privileged-container");
    expect(suppressed[0]!.suppressions).toEqual([{ kind: "directive", justification: "CNI agent needs host devices" }]);
  });

  it("kubeguard-disable-line suppresses on its own line", () => {
    const { messages, suppressed } = lint(pod({ same: "# kubeguard-disable-line privileged-container -- approved in SEC-142" }));
    expect(messages).toEqual([]);
    expect(suppressed.map((m) => m.suppressions)).toEqual([[{ kind: "directive", justification: "approved in SEC-142" }]]);
  });

  it("kubeguard-disable / kubeguard-enable blocks", () => {
    const code = [
      "# kubeguard-disable privileged-container -- node agents",
      pod({ name: "one" }),
      "# kubeguard-enable privileged-container",
      "---",
      pod({ name: "two" }),
    ].join("\n");
    const { messages, suppressed } = lint(code);
    expect(brief(messages)).toEqual([["kubeguard/privileged-container", 26]]);
    expect(suppressed.map((m) => m.line)).toEqual([12]);
  });

  it("several rules in one comment", () => {
    const code = pod({ above: "# kubeguard-disable-next-line privileged-container, privilege-escalation-allowed -- debug pod" }).replace(
      "        allowPrivilegeEscalation: false\n",
      "",
    );
    // Without the comment both rules fire on the same container.
    expect(new Set(brief(lint(code.replace(/^.*kubeguard-disable.*\n/mu, "")).messages).map(([r]) => r))).toEqual(
      new Set(["kubeguard/privileged-container", "kubeguard/privilege-escalation-allowed"]),
    );
    const { messages } = lint(code);
    // privilege-escalation-allowed is reported at the container's name pair (not the next line): it still fires,
    // and nothing is reported as unused for the rule that did suppress something.
    expect(brief(messages)).toEqual([
      ["kubeguard/privilege-escalation-allowed", 7],
      [null, 10],
    ]);
    expect(messages[1]!.message).toContain("privilege-escalation-allowed");
    expect(messages[1]!.message).not.toContain("'kubeguard/privileged-container'");
  });

  it("several rules in one block comment", () => {
    const code = `# kubeguard-disable privileged-container, privilege-escalation-allowed -- node agent\n${pod().replace("        allowPrivilegeEscalation: false\n", "")}`;
    const { messages, suppressed } = lint(code);
    expect(messages).toEqual([]);
    expect(suppressed.map((m) => m.ruleId).sort()).toEqual(["kubeguard/privilege-escalation-allowed", "kubeguard/privileged-container"]);
    expect(suppressed.every((m) => m.suppressions[0]!.justification === "node agent")).toBe(true);
  });

  it("ESLint's own eslint-disable-next-line form with the namespaced id", () => {
    const { messages, suppressed } = lint(pod({ above: "# eslint-disable-next-line kubeguard/privileged-container -- host networking" }));
    expect(messages).toEqual([]);
    expect(suppressed[0]!.suppressions).toEqual([{ kind: "directive", justification: "host networking" }]);
  });

  it("a comment left with only separators never disables every rule", () => {
    const { messages } = lint(pod({ above: "# kubeguard-disable-next-line ," }));
    expect(brief(messages)).toEqual([["kubeguard/privileged-container", 12]]);
  });

  it("a bare kubeguard-disable-next-line disables every rule on the next line", () => {
    const { messages } = lint(pod({ above: "# kubeguard-disable-next-line" }));
    expect(messages).toEqual([]);
  });

  it("reports an unused suppression comment", () => {
    const { messages } = lint(pod({ above: "# kubeguard-disable-next-line privilege-escalation-allowed -- not needed" }));
    expect(brief(messages)).toEqual([
      [null, 11],
      ["kubeguard/privileged-container", 12],
    ]);
    expect(messages[0]!.severity).toBe(1);
    expect(messages[0]!.message).toContain("privilege-escalation-allowed");
  });

  it("an unused rule next to a used one in the same comment keeps the used suppression", () => {
    const { messages, suppressed } = lint(pod({ above: "# kubeguard-disable-next-line privileged-container, run-as-non-root -- reviewed" }));
    expect(suppressed.map((m) => m.ruleId)).toEqual(["kubeguard/privileged-container"]);
    expect(brief(messages)).toEqual([[null, 11]]);
    expect(messages[0]!.message).toContain("run-as-non-root");
    expect(messages[0]!.message).not.toContain("privileged-container");
  });
});

describe("kubeguard.io/ignore annotation", () => {
  it("suppresses the listed rules in its own object only, not in the next document", () => {
    const code = `${pod({ name: "one", annotations: 'kubeguard.io/ignore: "privileged-container,privilege-escalation-allowed"' })}---\n${pod({ name: "two" })}`;
    const { messages, suppressed } = lint(code);
    expect(suppressed.map((m) => [m.ruleId, m.line])).toEqual([["kubeguard/privileged-container", 13]]);
    expect(suppressed[0]!.suppressions).toEqual([{ kind: "directive", justification: "kubeguard.io/ignore annotation" }]);
    // The second Pod is still reported. The unused privilege-escalation-allowed entry is reported
    // where the annotation's scope starts: the first line of its object.
    expect(brief(messages)).toEqual([
      [null, 1],
      ["kubeguard/privileged-container", 25],
    ]);
    expect(messages[0]!.message).toContain("privilege-escalation-allowed");
  });

  it("suppresses only inside its own item of a kind: List", () => {
    const item = (name: string, annotations: string): string =>
      `  - apiVersion: v1\n    kind: Pod\n    metadata:\n      name: ${name}\n${annotations}    spec:\n      containers:\n        - name: c\n          image: busybox:1.36\n          securityContext: {privileged: true, allowPrivilegeEscalation: false}\n`;
    const code = `apiVersion: v1\nkind: List\nitems:\n${item("a", "      annotations: {kubeguard.io/ignore: privileged-container}\n")}${item("b", "")}`;
    const { messages, suppressed } = lint(code);
    expect(suppressed.map((m) => m.line)).toEqual([13]);
    expect(brief(messages)).toEqual([["kubeguard/privileged-container", 22]]);
  });

  it("is ignored when languageOptions.annotationSuppressions is false", () => {
    const code = pod({ annotations: "kubeguard.io/ignore: privileged-container" });
    expect(brief(lint(code).messages)).toEqual([]);
    expect(brief(lint(code, { annotationSuppressions: false }).messages)).toEqual([["kubeguard/privileged-container", 13]]);
  });
});

describe("removing unused suppressions (ESLint's fix for unused directives)", () => {
  function fix(code: string): { output: string; messages: Linter.LintMessage[] } {
    const linter = new Linter({ configType: "flat" });
    const config = [
      { files: ["**/*.yaml"], plugins: { kubeguard: plugin }, language: "kubeguard/k8s", rules: RULES, linterOptions: { reportUnusedDisableDirectives: "warn" } },
    ] as unknown as Linter.Config[];
    const r = linter.verifyAndFix(code, config, { filename: "manifest.yaml" });
    return { output: r.output, messages: r.messages };
  }

  it("removes a single-rule comment entirely, never leaving a rule-less directive that disables everything", () => {
    const { output, messages } = fix(pod({ above: "# kubeguard-disable-next-line privilege-escalation-allowed -- reviewed" }));
    expect(output).not.toContain("kubeguard-disable");
    expect(brief(messages)).toEqual([["kubeguard/privileged-container", 12]]);
  });

  it("removes only the unused name of a multi-rule comment; the used one keeps suppressing", () => {
    const { output, messages } = fix(pod({ same: "# kubeguard-disable-line run-as-non-root, privileged-container" }));
    expect(output).toContain("privileged: true # kubeguard-disable-line  , privileged-container\n");
    expect(messages).toEqual([]);
  });
});
