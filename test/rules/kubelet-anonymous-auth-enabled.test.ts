import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import rule from "../../rules/kubelet-anonymous-auth-enabled.js";
import plugin from "../../src/eslint/index.js";
import { runRuleTests } from "../rule-tester.js";

const staticPod = (flag: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kubelet\n  namespace: kube-system\nspec:\n  hostNetwork: true\n  containers:\n    - name: kubelet\n      image: registry.k8s.io/kubelet:v1.30.2\n      command:\n        - /usr/local/bin/kubelet\n        - --kubeconfig=/etc/kubernetes/kubelet.conf\n${flag}`;

runRuleTests(rule, {
  valid: [
    { name: "static-pod kubelet with --config (config defaults apply)", code: staticPod("        - --config=/var/lib/kubelet/config.yaml\n") },
    { name: "static-pod kubelet with --anonymous-auth=false", code: staticPod("        - --anonymous-auth=false\n") },
    { name: "KubeletConfiguration without the field (default false)", code: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nauthentication:\n  webhook:\n    enabled: true\n" },
    { name: "same field in another group is not a KubeletConfiguration", code: "apiVersion: example.com/v1\nkind: KubeletConfiguration\nauthentication:\n  anonymous:\n    enabled: true\n" },
    {
      name: "unit whose flags come from a missing optional EnvironmentFile (unknown)",
      filename: "kubelet.service",
      code: "[Service]\nEnvironmentFile=-/etc/default/kubelet\nExecStart=/usr/bin/kubelet $KUBELET_EXTRA_ARGS\n",
    },
    { name: "--anonymous-auth=false after an earlier true (last wins)", filename: "kubelet.service", code: "[Service]\nExecStart=/usr/bin/kubelet --anonymous-auth=true --config=/etc/kubelet.yaml --anonymous-auth=false\n" },
  ],
  invalid: [
    {
      name: "static-pod kubelet without --config and without the flag",
      code: staticPod(""),
      errors: [{ messageId: "missingFlag", data: { carrier: "container command" }, line: 12, column: 11, endLine: 12, endColumn: 33 }],
      output: staticPod('        - "--anonymous-auth=false"\n'),
    },
    {
      name: "static-pod `--anonymous-auth false` (space form) reads as true; report only",
      code: staticPod("        - --config=/var/lib/kubelet/config.yaml\n        - --anonymous-auth\n        - \"false\"\n"),
      errors: [{ messageId: "insecureFlag", line: 15, column: 11, endLine: 16, endColumn: 18 }],
      output: null,
    },
    {
      name: "unit `--anonymous-auth false` (space form) is true plus a stray argument; ExecStart= is never edited",
      filename: "kubelet.service",
      code: "[Service]\nExecStart=/usr/bin/kubelet --config=/etc/kubernetes/kubelet.yaml --anonymous-auth false --v=2\n",
      errors: [{ messageId: "insecureFlag", data: { value: "true", carrier: "systemd unit" }, line: 2, column: 66, endLine: 2, endColumn: 82 }],
      output: null,
    },
    {
      name: "drop-in with ExecStart reset, value with spaces in a quoted Environment",
      filename: "etc/systemd/system/kubelet.service.d/20-auth.conf",
      code: '[Service]\nEnvironment="KUBELET_AUTH_ARGS=--anonymous-auth=1 --client-ca-file=/etc/kubernetes/pki/ca.crt"\nExecStart=\nExecStart=/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml $KUBELET_AUTH_ARGS\n',
      errors: [{ messageId: "insecureFlag", data: { value: "1", carrier: "systemd unit" }, line: 2, column: 32, endLine: 2, endColumn: 50 }],
      output: '[Service]\nEnvironment="KUBELET_AUTH_ARGS=--anonymous-auth=false --client-ca-file=/etc/kubernetes/pki/ca.crt"\nExecStart=\nExecStart=/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml $KUBELET_AUTH_ARGS\n',
    },
    {
      name: "kubeadm config: insecure flag next to a secure KubeletConfiguration (flag wins)",
      code: 'apiVersion: kubeadm.k8s.io/v1beta4\nkind: JoinConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n  - name: anonymous-auth\n    value: "true"\n---\napiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nauthentication:\n  anonymous:\n    enabled: false\n',
      errors: [{ messageId: "insecureFlag", data: { value: "true", carrier: "kubeadm kubeletExtraArgs" }, line: 6, column: 5, endLine: 6, endColumn: 18 }],
      output: 'apiVersion: kubeadm.k8s.io/v1beta4\nkind: JoinConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n  - name: anonymous-auth\n    value: "false"\n---\napiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nauthentication:\n  anonymous:\n    enabled: false\n',
    },
  ],
});

describe("kubelet-anonymous-auth-enabled with environment files", () => {
  const config = (environmentFiles: Record<string, string>): Linter.Config[] =>
    [
      {
        files: [(p: string) => p.length > 0],
        plugins: { kubeguard: plugin },
        language: "kubeguard/k8s",
        languageOptions: { environmentFiles },
        rules: { "kubeguard/kubelet-anonymous-auth-enabled": "error" },
      },
    ] as unknown as Linter.Config[];
  const dropIn =
    '[Service]\nEnvironment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"\nEnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env\nExecStart=\nExecStart=/usr/bin/kubelet $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS\n';

  it("reports a flag from kubeadm-flags.env at the $VAR reference, without a fix", () => {
    const linter = new Linter({ configType: "flat" });
    const messages = linter.verify(
      dropIn,
      config({ "/var/lib/kubelet/kubeadm-flags.env": 'KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///run/containerd/containerd.sock --anonymous-auth=true"\n' }),
      { filename: "etc/systemd/system/kubelet.service.d/10-kubeadm.conf" },
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ messageId: "insecureFlag", line: 5, column: 49, endLine: 5, endColumn: 70 });
    expect(messages[0]!.message).toContain("environment file");
    expect(messages[0]!.fix).toBeUndefined();
  });

  it("is quiet when the environment file sets the flag to false", () => {
    const linter = new Linter({ configType: "flat" });
    const messages = linter.verify(dropIn, config({ "/var/lib/kubelet/kubeadm-flags.env": "KUBELET_KUBEADM_ARGS=--anonymous-auth=false\n" }), {
      filename: "etc/systemd/system/kubelet.service.d/10-kubeadm.conf",
    });
    expect(messages).toEqual([]);
  });
});
