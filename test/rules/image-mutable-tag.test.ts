import { describe, expect, it } from "vitest";
import rule from "../../rules/image-mutable-tag.js";
import { parseImage, registryMatches } from "../../src/k8s-helpers/part-b.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (image: string, kind = "containers"): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  ${kind}:\n    - name: a\n      image: ${image}\n`;

describe("parseImage", () => {
  it("reads a registry port as part of the host, not as a tag", () => {
    expect(parseImage("host:5000/app")).toMatchObject({ registry: "host:5000", repository: "app", tag: null });
    expect(parseImage("host:5000/team/app:1.2")).toMatchObject({ registry: "host:5000", repository: "team/app", tag: "1.2" });
  });
  it("defaults to Docker Hub library images", () => {
    expect(parseImage("nginx")).toMatchObject({ registry: "docker.io", explicitRegistry: false, repository: "library/nginx", tag: null });
    expect(parseImage("bitnami/redis:7")).toMatchObject({ registry: "docker.io", repository: "bitnami/redis", tag: "7" });
    expect(parseImage("index.docker.io/nginx:1")).toMatchObject({ registry: "docker.io", repository: "library/nginx" });
    expect(parseImage("localhost/app")).toMatchObject({ registry: "localhost", repository: "app" });
  });
  it("keeps a digest and a tag together", () => {
    const d = `sha256:${"a".repeat(64)}`;
    expect(parseImage(`r.example.com/app:1.0@${d}`)).toMatchObject({ tag: "1.0", digest: d });
  });
  it("skips unrendered templates", () => {
    expect(parseImage("{{ .Values.image }}")).toBeNull();
    expect(parseImage("")).toBeNull();
  });
  it("matches registry patterns at host and path boundaries", () => {
    const img = parseImage("myacr.azurecr.io/team/app:1")!;
    expect(registryMatches(img, "*.azurecr.io")).toBe(true);
    expect(registryMatches(img, "azurecr.io")).toBe(false);
    expect(registryMatches(img, "myacr.azurecr.io/team")).toBe(true);
    expect(registryMatches(img, "myacr.azurecr.io/te")).toBe(false);
    expect(registryMatches(parseImage("nginx:1")!, "docker.io/library")).toBe(true);
  });
});

runRuleTests(rule, {
  valid: [
    { name: "registry port with a tag", code: pod("host:5000/app:1.2") },
    { name: "unrendered template", code: pod('"{{ .Values.image }}"') },
  ],
  invalid: [
    { name: "registry port without a tag (Polaris passes it)", code: pod("host:5000/app"), errors: [{ messageId: "noTag", line: 7, column: 14, endLine: 7, endColumn: 27 }] },
    { name: "ephemeral container", code: pod("busybox:latest", "ephemeralContainers"), errors: [{ messageId: "latest", data: { containerKind: "Ephemeral container", name: "a", image: "busybox:latest" }, line: 7, column: 14, endLine: 7, endColumn: 28 }] },
  ],
});
