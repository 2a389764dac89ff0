import rule from "../../rules/flag-duplicate-conflict.js";
import { runRuleTests } from "../rule-tester.js";

const etcd = (flags: string, env = ""): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: etcd\n  namespace: kube-system\nspec:\n  containers:\n    - name: etcd\n      image: registry.k8s.io/etcd:3.5.15-0\n      command:\n        - etcd\n${flags}${env}`;

// More cases: fixtures/rules/flag-duplicate-conflict/{valid,invalid}.
runRuleTests(rule, {
  valid: [
    { name: "ETCD_* env var shadowed by the flag is not a duplicate", code: etcd("        - --snapshot-count=5000\n", '      env:\n        - name: ETCD_SNAPSHOT_COUNT\n          value: "10000"\n') },
    { name: "bare bool and =true are the same value", code: etcd("        - --client-cert-auth\n        - --client-cert-auth=true\n") },
  ],
  invalid: [
    {
      name: "etcd: last occurrence wins (Go flag package)",
      code: etcd("        - --snapshot-count=10000\n        - --snapshot-count=5000\n"),
      errors: [
        { messageId: "overridden", line: 12, column: 11, endLine: 12, endColumn: 33, suggestions: [{ messageId: "removeOverridden", output: etcd("        - --snapshot-count=5000\n") }] },
        { messageId: "winner", line: 13, column: 11, endLine: 13, endColumn: 32 },
      ],
    },
  ],
});
