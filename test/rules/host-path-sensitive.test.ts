import { describe, expect, it } from "vitest";
import rule from "../../rules/host-path-sensitive.js";
import { exposedRuntimeSocket, isUnder, normaliseHostPath } from "../../src/k8s-helpers/part-b.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (path: string): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: "x:1"}]\n  volumes:\n    - name: v\n      hostPath: {path: "${path}"}\n`;

describe("host path helpers", () => {
  it("normalises like the kernel resolves lexically", () => {
    expect(normaliseHostPath("/etc/")).toBe("/etc");
    expect(normaliseHostPath("//var//lib/../lib/kubelet/.")).toBe("/var/lib/kubelet");
    expect(normaliseHostPath("/var/run/docker.sock")).toBe("/run/docker.sock");
    expect(normaliseHostPath("/var/running")).toBe("/var/running");
    expect(normaliseHostPath("/../..")).toBe("/");
  });
  it("matches directories at path boundaries; / only itself", () => {
    expect(isUnder("/etc/ssl", "/etc")).toBe(true);
    expect(isUnder("/etcd", "/etc")).toBe(false);
    expect(isUnder("/etc", "/")).toBe(false);
    expect(isUnder("/", "/")).toBe(true);
  });
  it("finds runtime sockets through ancestors but not through /var", () => {
    expect(exposedRuntimeSocket("/")).toBe("/run/docker.sock");
    expect(exposedRuntimeSocket("/run")).toBe("/run/docker.sock");
    expect(exposedRuntimeSocket("/run/containerd/io.containerd.runtime.v2.task")).toBe("/run/containerd");
    expect(exposedRuntimeSocket("/var")).toBeNull();
    expect(exposedRuntimeSocket("/run/xtables.lock")).toBeNull();
  });
});

runRuleTests(rule, {
  valid: [
    { name: "/ is left to container-runtime-socket", code: pod("/") },
    { name: "/etcd is not under /etc", code: pod("/etcd") },
  ],
  invalid: [
    { name: "/proc/../sys resolves to /sys", code: pod("/proc/../sys"), errors: [{ messageId: "sensitive", data: { volume: "v", path: "/proc/../sys", where: "the", dir: "/sys" }, line: 8, column: 18, endLine: 8, endColumn: 38 }] },
    { name: "home directories", code: pod("/home/ubuntu/.aws"), errors: [{ messageId: "sensitive", line: 8, column: 18, endLine: 8, endColumn: 43 }] },
  ],
});
