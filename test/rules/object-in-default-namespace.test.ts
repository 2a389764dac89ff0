import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/eslint/index.js";
import rule from "../../rules/object-in-default-namespace.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);

// catalog-cluster.md §6: object-in-default-namespace and the workload rule default-namespace keep
// one behaviour — the same object is never reported under both ids.
const MIXED = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers: [{name: api, image: "ghcr.io/acme/api:1.0.0"}]
---
apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: default
spec:
  selector: {app: api}
  ports: [{port: 80}]
---
apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: api
spec:
  backend: {serviceName: api, servicePort: 80}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: api
  namespace: default
spec:
  hosts: [api]
  http: [{route: [{destination: {host: api}}]}]
---
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: api-alerts
spec:
  groups: []
`;

describe("object-in-default-namespace vs default-namespace", () => {
  it("never reports the same object under both ids", () => {
    const linter = new Linter({ configType: "flat" });
    const config = [
      {
        files: [(p: string) => p.length > 0],
        plugins: { kubeguard: plugin },
        language: "kubeguard/k8s",
        rules: { "kubeguard/object-in-default-namespace": "error", "kubeguard/default-namespace": "error" },
      },
    ] as unknown as Linter.Config[];
    const messages = linter.verify(MIXED, config, { filename: "mixed.yaml" });
    const docOf = (line: number): number => MIXED.split("\n").slice(0, line).filter((l) => l === "---").length;
    const byRule = (id: string): number[] => messages.filter((m) => m.ruleId === `kubeguard/${id}`).map((m) => docOf(m.line));
    // Documents 0 (Deployment) and 1 (Service) are default-namespace's; 2, 3 and 4 are this rule's.
    expect(byRule("default-namespace")).toEqual([0, 1]);
    expect(byRule("object-in-default-namespace")).toEqual([2, 3, 4]);
  });
});
