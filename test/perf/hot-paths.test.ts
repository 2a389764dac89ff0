/**
 * @fileoverview The per-file indexes and lazy paths that keep a big multi-document stream linear
 * and light (docs/benchmarks.md): each gives exactly what the plain (linear, eager) version gave.
 * No timing here: speed is measured by `npm run bench`.
 */
import { describe, expect, it } from "vitest";
import { parseProgram } from "../../src/language/language.js";
import { K8sSourceCode } from "../../src/language/source-code.js";
import { keyPathAt, recordFile, takeFile, takeKeyPathFinder } from "../../src/language/registry.js";
import type { K8sNode } from "../../src/language/ast.js";
import { findServiceAccount, serviceAccountsIn } from "../../rules/shared/_b-service-account.js";
import { formatJson, formatJsonPieces } from "../../src/formatters/json.js";
import type { KubeguardResult } from "../../src/formatters/types.js";

const deployment = (i: number, sa: string, ns: string | null): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
${ns ? `  namespace: ${ns}\n` : ""}spec:
  template:
    spec:
      serviceAccountName: ${sa}
      containers:
        - name: web
          image: nginx:1.${i}
          env: [{ name: A, value: "x" }]
`;
const serviceAccount = (name: string, ns: string | null): string => `apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${name}
${ns ? `  namespace: ${ns}\n` : ""}`;

/** A stream of Deployments and ServiceAccounts (some names repeated in other namespaces), a comment-only and an empty document. */
function stream(): string {
  const docs: string[] = [];
  for (let i = 0; i < 60; i++) {
    docs.push(deployment(i, `sa-${i % 7}`, i % 3 === 0 ? null : `ns-${i % 2}`));
    if (i % 5 === 0) docs.push(serviceAccount(`sa-${i % 7}`, i % 10 === 0 ? "ns-1" : null));
    if (i === 20) docs.push("# only a comment\n");
    if (i === 30) docs.push("");
  }
  return docs.map((d) => `---\n${d}`).join("");
}

function sourceCode(text: string): K8sSourceCode {
  return new K8sSourceCode({ text, ast: parseProgram(text, "stream.yaml") });
}

/** The traversal as it was: an eager recursive walk (enter, children in order, leave). */
function referenceSteps(root: K8sNode): [K8sNode, number, K8sNode | null][] {
  const out: [K8sNode, number, K8sNode | null][] = [];
  const visit = (node: K8sNode | null, parent: K8sNode | null): void => {
    if (!node) return;
    out.push([node, 1, parent]);
    const n = node as unknown as Record<string, unknown>;
    const kids: (K8sNode | null)[] = [];
    switch (node.type) {
      case "Program":
        kids.push(...(n.body as K8sNode[]), n.unit as K8sNode | null);
        break;
      case "Document":
        kids.push(n.content as K8sNode | null, ...(n.resources as K8sNode[]));
        break;
      case "Map":
        kids.push(...(n.pairs as K8sNode[]));
        break;
      case "Pair":
        kids.push(n.key as K8sNode | null, n.value as K8sNode | null);
        break;
      case "Seq":
        kids.push(...(n.items as (K8sNode | null)[]));
        break;
      case "Resource":
        kids.push(...(n.podSpecs as K8sNode[]), ...(n.flagSets as K8sNode[]));
        break;
      case "PodSpec":
        kids.push(...(n.containers as K8sNode[]));
        break;
      case "FlagSet":
        kids.push(...(n.flags as K8sNode[]));
        break;
      case "UnitFile":
        kids.push(...(n.flagSets as K8sNode[]));
        break;
    }
    for (const k of kids) visit(k, node);
    out.push([node, 2, parent]);
  };
  visit(root, null);
  return out;
}

describe("lazy traversal (K8sSourceCode.traverse)", () => {
  it("yields the steps of the eager walk, in order, with the same args, for YAML and systemd files", () => {
    const unit = "[Service]\nExecStart=/usr/bin/kubelet --anonymous-auth=true \\\n  --read-only-port=10255\n";
    for (const sc of [sourceCode(stream()), new K8sSourceCode({ text: unit, ast: parseProgram(unit, "kubelet.service") })]) {
      const steps = [...sc.traverse()].map((s) => {
        const step = s as unknown as { target: K8sNode; phase: number; args: unknown[] };
        expect(step.args[0]).toBe(step.target);
        return [step.target, step.phase, step.args[1]] as [K8sNode, number, K8sNode | null];
      });
      const expected = referenceSteps(sc.ast);
      expect(steps.length).toBe(expected.length);
      expect(steps.length).toBeGreaterThanOrEqual(6);
      for (let i = 0; i < steps.length; i++) expect(steps[i]).toEqual(expected[i]);
      // A second traversal is the same again.
      expect([...sc.traverse()].length).toBe(expected.length);
    }
  });

  it("gives every node's parent before, during and after the traversal", () => {
    const text = stream();
    // Before any traversal (as a rule's create() may ask).
    const before = sourceCode(text);
    const enters = referenceSteps(before.ast).filter((s) => s[1] === 1);
    expect(enters.length).toBeGreaterThan(1000);
    for (const [node, , parent] of enters) expect(before.getParent(node as never) ?? null).toBe(parent);
    // During: at each enter step, also for nodes not reached yet (the last node of the file).
    const during = sourceCode(text);
    const expected = referenceSteps(during.ast).filter((s) => s[1] === 1);
    const walk = during.traverse()[Symbol.iterator]();
    walk.next();
    walk.next();
    const last = expected[expected.length - 1]!;
    expect(during.getParent(last[0] as never)).toBe(last[2]);
    for (let r = walk.next(); !r.done; r = walk.next()) {
      const step = r.value as unknown as { target: K8sNode; args: unknown[] };
      expect(during.getParent(step.target as never) ?? null).toBe(step.args[1] ?? null);
    }
  });
});

describe("key-path finder (registry)", () => {
  it("finds, for every line and column, the key path the linear document scan found", () => {
    const text = stream();
    const sc = sourceCode(text);
    recordFile("s.yaml", sc);
    const find = takeKeyPathFinder("s.yaml")!;
    expect(takeFile("s.yaml")!.length).toBe(sc.ast.body.length);
    const lines = text.split("\n");
    let nonEmpty = 0;
    lines.forEach((line, i) => {
      for (const column of [1, line.length + 1, Math.max(1, line.indexOf(":") + 1), Math.max(1, line.indexOf(":") + 3)]) {
        const offset = sc.getIndexFromLoc({ line: i + 1, column });
        const doc = sc.ast.body.find((d) => offset >= d.range[0] && offset <= d.range[1]);
        const expected = doc ? keyPathAt(doc.content, offset) : null;
        const got = find(i + 1, column);
        expect(got).toEqual(expected);
        if (got?.path.length) nonEmpty++;
      }
    });
    expect(nonEmpty).toBeGreaterThan(500);
  });
});

describe("ServiceAccount index (rules/shared/_b-service-account.ts)", () => {
  it("returns what filtering every resource of the file returned, per pod", () => {
    const sc = sourceCode(stream());
    const resources = sc.resources;
    const linear = resources.filter((r) => r.kind === "ServiceAccount" && r.apiVersion === "v1");
    expect(serviceAccountsIn(resources)).toEqual(linear);
    expect(linear.length).toBe(12);
    let found = 0;
    for (const r of resources) {
      for (const podSpec of r.podSpecs) {
        for (const name of ["sa-0", "sa-1", "sa-3", "sa-5", "nope"]) {
          const expected =
            linear.find((sa) => sa.name === name && (sa.namespace === null || podSpec.resource.namespace === null || sa.namespace === podSpec.resource.namespace)) ?? null;
          const got = findServiceAccount(resources, podSpec, name);
          expect(got).toBe(expected);
          if (got) found++;
        }
      }
    }
    expect(found).toBeGreaterThan(50);
    // A list that is not frozen is never cached: a later change is seen.
    const open = [...resources];
    const pod = resources.find((r) => r.podSpecs.length)!.podSpecs[0]!;
    expect(findServiceAccount(open, pod, "sa-0")).not.toBeNull();
    open.length = 0;
    expect(findServiceAccount(open, pod, "sa-0")).toBeNull();
  });
});

describe("formatJsonPieces", () => {
  it("concatenates to exactly formatJson's text", () => {
    const msg = (i: number) => ({
      ruleId: i % 3 ? `rule-${i}` : null,
      severity: (i % 2 ? 1 : 2) as 1 | 2,
      level: "high" as const,
      message: `m "${i}" \u2028 é`,
      line: i,
      column: 1,
      resource: i % 2 ? { apiVersion: "v1", kind: "Pod", namespace: null, name: `p${i}`, docIndex: i } : null,
      ...(i % 4 === 0 ? { suggestions: [{ desc: "d", fix: { range: [1, 2] as [number, number], text: "x\n" } }] } : {}),
      endLine: i % 5 ? i : undefined,
    });
    const results = [
      { filePath: "/a.yaml", messages: [msg(1), msg(2), msg(4)], suppressedMessages: [msg(8)], errorCount: 1, fatalErrorCount: 0, warningCount: 1, fixableErrorCount: 0, fixableWarningCount: 0 },
      { filePath: "/b \"q\".yaml", messages: [], suppressedMessages: [], errorCount: 0, fatalErrorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, extra: undefined },
    ] as unknown as KubeguardResult[];
    for (const list of [results, [], [results[1]!]]) expect([...formatJsonPieces(list)].join("")).toBe(formatJson(list, { cwd: "/", color: false } as never));
  });
});
