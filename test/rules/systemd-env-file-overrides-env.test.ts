import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import rule from "../../rules/systemd-env-file-overrides-env.js";
import plugin from "../../src/eslint/index.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [{ name: "a variable only Environment= sets", filename: "etc/systemd/system/kubelet.service.d/10-kubeadm.conf", code: "[Service]\nEnvironment=\"KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml\"\nEnvironmentFile=-/etc/default/kubelet\n" }],
  invalid: [],
});

describe("systemd-env-file-overrides-env with the environment file in the run", () => {
  const lint = (environmentFiles: Record<string, string>): Linter.LintMessage[] =>
    new Linter({ configType: "flat" }).verify(
      "[Service]\nEnvironment=\"KUBELET_EXTRA_ARGS=--node-ip=10.0.0.5\"\nEnvironmentFile=-/etc/kubernetes/kubelet.env\nExecStart=\nExecStart=/usr/bin/kubelet $KUBELET_EXTRA_ARGS\n",
      [
        {
          files: [(p: string) => p.length > 0],
          plugins: { kubeguard: plugin },
          language: "kubeguard/k8s",
          languageOptions: { environmentFiles },
          rules: { "kubeguard/systemd-env-file-overrides-env": "error" },
        },
      ] as unknown as Linter.Config[],
      { filename: "etc/systemd/system/kubelet.service.d/10-kubeadm.conf" },
    );

  it("reports the Environment= assignment with the file's value", () => {
    const messages = lint({ "/etc/kubernetes/kubelet.env": "KUBELET_EXTRA_ARGS=--max-pods=200\n" });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ messageId: "overridden", line: 2, column: 14, endLine: 2, endColumn: 51 });
    expect(messages[0]!.message).toContain('sets "--max-pods=200"');
  });

  it("is quiet when the file does not set the variable, or is not known", () => {
    expect(lint({ "/etc/kubernetes/kubelet.env": "OTHER=1\n" })).toEqual([]);
    expect(lint({})).toEqual([]);
  });
});
