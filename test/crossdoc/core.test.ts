/**
 * @fileoverview The cross-document core (src/crossdoc): what facts keep (and withhold), namespace
 * resolution, label-selector lookups, suppression semantics, and the CLI's run-wide step.
 */
import { describe, expect, it } from "vitest";
import { parseProgram } from "../../src/language/language.js";
import { K8sSourceCode } from "../../src/language/source-code.js";
import { fileFacts } from "../../src/crossdoc/facts.js";
import { ObjectIndex, RELEASE_NAMESPACE, readSelector } from "../../src/crossdoc/index.js";
import { at, str } from "../../src/crossdoc/snapshot.js";
import { suppressedBy } from "../../src/crossdoc/run.js";
import { project, run } from "../cli/helpers.js";

function facts(text: string, file = "m.yaml") {
  const ast = parseProgram(text, file);
  return fileFacts(new K8sSourceCode({ text, ast }));
}

const DEPLOY = (name: string, ns: string | null, labels: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
${ns ? `  namespace: ${ns}\n` : ""}spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: ${labels}
    spec:
      containers:
        - name: c
          image: example.com/${name}:1.0.0
          env:
            - name: DB_PASSWORD
              value: hunter2-literal
`;

describe("facts", () => {
  it("withhold Secret/ConfigMap values, literal env values and credential keys, keeping keys and ranges", () => {
    const text = `apiVersion: v1
kind: Secret
metadata: {name: db, namespace: shop}
stringData:
  password: s3cr3t-value
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg, namespace: shop}
data:
  token: abc-config-value
---
apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources: [secrets]
    providers:
      - aescbc:
          keys:
            - name: key1
              secret: c2VjcmV0LWtleS1tYXRlcmlhbC0xMjM0NTY3OA==
---
${DEPLOY("web", "shop", "{app: web}")}`;
    const f = facts(text);
    const json = JSON.stringify(f);
    for (const secret of ["s3cr3t-value", "abc-config-value", "c2VjcmV0LWtleS1tYXRlcmlhbC0xMjM0NTY3OA==", "hunter2-literal"]) expect(json).not.toContain(secret);
    const secret = f.objects[0]!;
    expect(Object.keys(at(secret.snap, "stringData")!.m!)).toEqual(["password"]);
    expect(at(secret.snap, "stringData", "password")!.x).toBe(1);
    const pw = at(secret.snap, "stringData", "password")!;
    expect(text.slice(pw.r[0], pw.r[1])).toBe("s3cr3t-value");
    const web = f.objects[3]!;
    expect(web.podSpecPaths).toEqual([["spec", "template", "spec"]]);
    expect(str(at(web.snap, "spec", "template", "spec", "containers", 0, "image"))).toBe("example.com/web:1.0.0");
  });

  it("keep volume sources named `secret` (a mapping, not a credential)", () => {
    const f = facts(`apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  volumes:
    - name: tls
      secret: {secretName: web-tls}
  containers:
    - name: c
      image: nginx:1.27
`);
    expect(str(at(f.objects[0]!.snap, "spec", "volumes", 0, "secret", "secretName"))).toBe("web-tls");
  });

  it("record suppression directives with qualified rule names", () => {
    const f = facts(`# kubeguard-disable-next-line service-dangling, duplicate-object -- reason
apiVersion: v1
kind: Service
metadata: {name: s}
`);
    expect(f.directives).toEqual([
      expect.objectContaining({ type: "disable-next-line", line: 1, rules: ["kubeguard/service-dangling"], justification: "reason" }),
      expect.objectContaining({ type: "disable-next-line", line: 1, rules: ["kubeguard/duplicate-object"], justification: "reason" }),
    ]);
  });
});

describe("ObjectIndex", () => {
  it("resolves namespaces: written, default, Helm release namespace, cluster-scoped", () => {
    const helm = `---\n# Source: shop/templates/deploy.yaml\n${DEPLOY("helm-web", null, "{app: helm-web}")}`;
    const plain = `${DEPLOY("web", null, "{app: web}")}---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: reader}\n`;
    const files = new Map([
      ["/a/helm.yaml", facts(helm)],
      ["/a/plain.yaml", facts(plain)],
    ]);
    const byName = (index: ObjectIndex, name: string) => index.objects.find((o) => o.name === name)!;
    const index = new ObjectIndex(files);
    expect(byName(index, "helm-web").ns).toBe(RELEASE_NAMESPACE);
    expect(byName(index, "web").ns).toBe("default");
    expect(byName(index, "reader").ns).toBeNull();
    expect(byName(new ObjectIndex(files, { releaseNamespace: "shop" }), "helm-web").ns).toBe("shop");
  });

  it("selects pod templates by matchLabels and matchExpressions within a namespace", () => {
    const text = [DEPLOY("a", "ns1", "{app: a, tier: web}"), DEPLOY("b", "ns1", "{app: b, tier: web, canary: 'true'}"), DEPLOY("c", "ns2", "{app: c, tier: web}")].join("---\n");
    const index = new ObjectIndex(new Map([["/m.yaml", facts(text)]]));
    const names = (sel: string, ns: string) => {
      const s = facts(`apiVersion: v1\nkind: X\nmetadata: {name: x}\nsel: ${sel}\n`).objects[0]!.snap;
      return index
        .selectPods(ns, readSelector(at(s, "sel"))!)
        .map((p) => p.obj.name)
        .sort();
    };
    expect(names("{matchLabels: {tier: web}}", "ns1")).toEqual(["a", "b"]);
    expect(names("{matchLabels: {tier: web}}", "ns2")).toEqual(["c"]);
    expect(names("{matchExpressions: [{key: canary, operator: DoesNotExist}]}", "ns1")).toEqual(["a"]);
    expect(names("{matchExpressions: [{key: app, operator: In, values: [b, c]}]}", "ns1")).toEqual(["b"]);
    expect(names("{matchExpressions: [{key: app, operator: NotIn, values: [a]}]}", "ns1")).toEqual(["b"]);
    expect(names("{}", "ns1")).toEqual(["a", "b"]);
    expect(names("{matchLabels: {tier: db}}", "ns1")).toEqual([]);
  });
});

describe("suppressedBy (ESLint's directive semantics)", () => {
  const d = (type: "disable" | "enable" | "disable-line" | "disable-next-line", line: number, rules: string[] | null, column = 0) => ({ type, line, column, endLine: line, rules, justification: "" });
  const R = "kubeguard/r";
  it("disable-line and disable-next-line", () => {
    expect(suppressedBy([d("disable-line", 5, [R])], R, 5, 2)).not.toBeNull();
    expect(suppressedBy([d("disable-line", 5, [R])], R, 6, 2)).toBeNull();
    expect(suppressedBy([d("disable-next-line", 4, null)], R, 5, 2)).not.toBeNull();
    expect(suppressedBy([d("disable-next-line", 4, ["kubeguard/other"])], R, 5, 2)).toBeNull();
  });
  it("disable/enable blocks, with rule exceptions inside a disable-all", () => {
    expect(suppressedBy([d("disable", 2, null), d("enable", 10, null)], R, 5, 0)).not.toBeNull();
    expect(suppressedBy([d("disable", 2, null), d("enable", 10, null)], R, 11, 0)).toBeNull();
    expect(suppressedBy([d("disable", 2, null), d("enable", 3, [R])], R, 5, 0)).toBeNull();
    expect(suppressedBy([d("disable", 2, [R]), d("enable", 3, ["kubeguard/other"])], R, 5, 0)).not.toBeNull();
    expect(suppressedBy([d("disable", 7, [R])], R, 5, 0)).toBeNull();
  });
});

describe("the CLI's run-wide step", () => {
  const files = {
    "svc.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n",
    "a/deploy.yaml": DEPLOY("web", "shop", "{app: web}"),
    "b/other.yaml": DEPLOY("api", "shop", "{app: api}"),
  };
  it("matches across files, and gives the same results serially, in workers and from the cache", async () => {
    const dir = project(files);
    const outputs: string[] = [];
    for (const extra of [["--concurrency", "off"], ["--concurrency", "2"], ["--cache", "--concurrency", "off"], ["--cache", "--concurrency", "off"]]) {
      const res = await run(dir, [".", "-f", "json", "--rule", "service-dangling=error", ...extra]);
      const findings = (JSON.parse(res.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[]).flatMap((r) => r.messages.filter((m) => m.ruleId === "service-dangling").map((m) => `${r.filePath.slice(dir.length)}:${m.line}`));
      outputs.push(JSON.stringify(findings));
    }
    expect(outputs[0]).toBe("[]");
    expect(new Set(outputs).size).toBe(1);
  });
  it("reports when the selected workload is missing from the run", async () => {
    const dir = project({ "svc.yaml": files["svc.yaml"], "b/other.yaml": files["b/other.yaml"] });
    const res = await run(dir, [".", "-f", "json", "--rule", "service-dangling=error"]);
    const svc = (JSON.parse(res.stdout) as { filePath: string; messages: { ruleId: string; line: number; resource: { kind: string; name: string } }[] }[]).find((r) => r.filePath.endsWith("svc.yaml"))!;
    const m = svc.messages.filter((x) => x.ruleId === "service-dangling");
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ line: 7, resource: { kind: "Service", name: "web" } });
  });
});
