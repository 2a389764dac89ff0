import rule from "../../rules/enc-kms-v1.js";
import { runRuleTests } from "../rule-tester.js";

const V1 = "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [secrets]\n    providers:\n      - kms: {name: aws, endpoint: 'unix:///var/run/kmsplugin/socket.sock'}\n";

runRuleTests(rule, {
  valid: [{ name: "KMS v2 does not exist before 1.27: v1 is the only choice", code: V1, settings: { kubeguard: { kubernetesVersion: "1.26" } } }],
  invalid: [
    {
      name: "1.28: deprecated, not yet refused; flow map gets apiVersion appended",
      code: V1,
      settings: { kubeguard: { kubernetesVersion: "1.28" } },
      errors: [
        {
          messageId: "kmsV1",
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 12,
          suggestions: [{ messageId: "useV2", output: V1.replace("socket.sock'}", "socket.sock', apiVersion: v2}") }],
        },
      ],
    },
  ],
});
