/**
 * @fileoverview Cross-document rules in the language server: they see the open documents plus the
 * workspace files on disk, re-check other open documents when a document's objects change, and
 * carry the other objects as `relatedInformation`.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { LspClient, uriOf, workspace } from "./client.js";

const CONFIG = "extends: []\nrules:\n  service-dangling: error\n  duplicate-object: error\n";
const SERVICE = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n";
const deployment = (label: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: ${label}}\n  template:\n    metadata:\n      labels: {app: ${label}}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27.1\n`;

let root: string;
let client: LspClient;
beforeAll(async () => {
  root = workspace({ ".kubeguard.yaml": CONFIG, "deploy/web.yaml": deployment("web") });
  client = await LspClient.start(root);
});
afterAll(async () => {
  await client?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

test("a Service matched by a workload in a workspace file on disk is not dangling; an edited open workload makes it dangling", async () => {
  const svc = uriOf(join(root, "svc.yaml"));
  await client.open(svc, SERVICE);
  const first = await client.waitFor(svc);
  expect(first.diagnostics.map((d) => d.code)).toEqual([]);

  // Open the Deployment and rename its labels: the Service (another open document) is re-checked.
  const dep = uriOf(join(root, "deploy", "web.yaml"));
  await client.open(dep, deployment("web"));
  await client.waitFor(dep);
  const before = client.published.length;
  await client.change(dep, 2, [{ text: deployment("web-v2") }]);
  const after = await client.waitFor(svc, (p) => p.diagnostics.some((d) => d.code === "service-dangling"), before);
  const d = after.diagnostics.find((x) => x.code === "service-dangling")!;
  expect(d.range).toEqual({ start: { line: 6, character: 2 }, end: { line: 6, character: 10 } });
});

test("a duplicate carries the first declaration as relatedInformation", async () => {
  const uri = uriOf(join(root, "dup.yaml"));
  const cm = (v: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: shop\ndata:\n  LEVEL: ${v}\n`;
  await client.open(uri, `${cm("info")}---\n${cm("debug")}`);
  const p = await client.waitFor(uri, (x) => x.diagnostics.length > 0);
  expect(p.diagnostics).toHaveLength(1);
  expect(p.diagnostics[0]).toMatchObject({
    code: "duplicate-object",
    range: { start: { line: 11, character: 8 }, end: { line: 11, character: 16 } },
    relatedInformation: [{ location: { uri, range: { start: { line: 3, character: 8 }, end: { line: 3, character: 16 } } }, message: "First declaration of ConfigMap 'settings'" }],
  });
});
