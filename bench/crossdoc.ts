/**
 * @fileoverview `npm run bench:crossdoc` — issue 5's "a 10,000-object generated set with services,
 * policies and bindings lints in time linear in its size". Generates namespaces of 10 related
 * objects each (Namespace, Deployment, Service, two NetworkPolicies, ServiceAccount, Role,
 * RoleBinding, PodDisruptionBudget, HorizontalPodAutoscaler), 100 objects per file, at 2,500,
 * 5,000, 10,000 and 20,000 objects; lints each set with every rule on (`--preset all`, one thread, so the
 * cross-document step sees the whole run) and prints time per 1,000 objects and the spread.
 * Also checks that the expected cross-document findings scale with the set (one dangling Service
 * per namespace whose labels are deliberately wrong, every 10th namespace).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const BIN = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "bin", "kubeguard.js");

function namespace(i: number): string {
  const ns = `team-${i}`;
  const app = `app-${i}`;
  const selected = i % 10 === 0 ? `${app}-typo` : app;
  return `apiVersion: v1
kind: Namespace
metadata:
  name: ${ns}
  labels: {pod-security.kubernetes.io/enforce: restricted}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${app}, namespace: ${ns}}
spec:
  replicas: 2
  selector: {matchLabels: {app: ${app}}}
  template:
    metadata: {labels: {app: ${app}}}
    spec:
      serviceAccountName: ${app}
      containers:
        - name: web
          image: registry.example.com/${app}@sha256:${"0".repeat(64)}
          ports: [{name: http, containerPort: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: ${app}, namespace: ${ns}}
spec:
  selector: {app: ${selected}}
  ports: [{name: http, port: 80, targetPort: http}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: ${ns}}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-http, namespace: ${ns}}
spec:
  podSelector: {matchLabels: {app: ${app}}}
  ingress: [{ports: [{port: 8080}]}]
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: ${app}, namespace: ${ns}}
automountServiceAccountToken: false
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: ${app}, namespace: ${ns}}
rules: [{apiGroups: [""], resources: [configmaps], verbs: [get, list, watch]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: ${app}, namespace: ${ns}}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: ${app}}
subjects: [{kind: ServiceAccount, name: ${app}, namespace: ${ns}}]
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: ${app}, namespace: ${ns}}
spec:
  maxUnavailable: 1
  selector: {matchLabels: {app: ${app}}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: ${app}, namespace: ${ns}}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${app}}
  minReplicas: 2
  maxReplicas: 10
  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}}]
`;
}

const root = mkdtempSync(join(tmpdir(), "kubeguard-bench-crossdoc-"));
const rows: { objects: number; ms: number; dangling: number }[] = [];
try {
  for (const objects of [2500, 5000, 10000, 20000]) {
    const dir = join(root, String(objects));
    mkdirSync(dir, { recursive: true });
    const namespaces = objects / 10;
    for (let f = 0; f < namespaces / 10; f++) {
      const docs: string[] = [];
      for (let i = f * 10; i < f * 10 + 10; i++) docs.push(namespace(i));
      writeFileSync(join(dir, `ns-${f}.yaml`), docs.join("---\n"));
    }
    const out = join(root, `${objects}.json`);
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [BIN, dir, "--preset", "all", "--concurrency", "off", "--format", "json", "-o", out], { encoding: "utf8", maxBuffer: 1 << 26 });
    const ms = performance.now() - t0;
    if (r.status !== 0 && r.status !== 1) throw new Error(`kubeguard exited ${r.status}: ${r.stderr}`);
    const results = JSON.parse(readFileSync(out, "utf8")) as { messages: { ruleId: string }[] }[];
    const dangling = results.reduce((n, x) => n + x.messages.filter((m) => m.ruleId === "service-dangling").length, 0);
    rows.push({ objects, ms, dangling });
    process.stdout.write(`${objects} objects: ${(ms / 1000).toFixed(2)} s, ${((ms / objects) * 1000 / 1000).toFixed(2)} s per 1,000 objects, service-dangling ${dangling} (expected ${namespaces / 10})\n`);
    if (dangling !== namespaces / 10) throw new Error(`expected ${namespaces / 10} dangling Services, got ${dangling}`);
  }
  // Marginal cost per object between consecutive sizes (start-up, ~3 s, is a fixed cost): equal
  // marginal costs mean linear time; a growing one would show superlinear work.
  const marginal = rows.slice(1).map((r, i) => (r.ms - rows[i]!.ms) / (r.objects - rows[i]!.objects));
  // Superlinear work would make the marginal cost grow with the size; JIT warm-up makes it fall.
  const growth = marginal[marginal.length - 1]! / marginal[0]!;
  process.stdout.write(`marginal time per 1,000 objects: ${marginal.map((m) => `${m.toFixed(2)} s`).join(", ")}; last/first ${growth.toFixed(2)} (linear or better: ≤ 1.5) — ${growth <= 1.5 ? "met" : "NOT met"}\n`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
