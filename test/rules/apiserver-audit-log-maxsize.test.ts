import rule from "../../rules/apiserver-audit-log-maxsize.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (tag: string, flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n    - name: kube-apiserver\n      image: registry.k8s.io/kube-apiserver:${tag}\n      command:\n        - kube-apiserver\n${flags}`;

runRuleTests(rule, {
  valid: [{ name: "settings say 1.36 (default 100)", code: pod("latest", "        - --audit-log-path=/var/log/kubernetes/audit/audit.log\n"), settings: { kubeguard: { kubernetesVersion: "1.36" } } }],
  invalid: [
    {
      name: "settings say 1.35 (default 0)",
      code: pod("latest", "        - --audit-log-path=/var/log/kubernetes/audit/audit.log\n"),
      settings: { kubeguard: { kubernetesVersion: "1.35" } },
      errors: [{ messageId: "absent", line: 11, column: 9, endLine: 13, endColumn: 1 }],
      output: pod("latest", "        - --audit-log-path=/var/log/kubernetes/audit/audit.log\n        - --audit-log-maxsize=100\n"),
    },
  ],
});
