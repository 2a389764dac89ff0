import rule from "../../rules/apiserver-kubelet-ca-missing.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n    - name: kube-apiserver\n      image: registry.k8s.io/kube-apiserver:v1.33.2\n      args:\n${flags}`;

runRuleTests(rule, {
  valid: [{ name: "flags in args (image entrypoint), `--flag value` form", code: pod("        - --kubelet-certificate-authority\n        - /etc/kubernetes/pki/ca.crt\n") }],
  invalid: [
    {
      name: "args without the flag: reported on args, suggestion appends to args",
      code: pod("        - --secure-port=6443\n"),
      errors: [
        {
          messageId: "absent",
          line: 11,
          column: 9,
          endLine: 12,
          endColumn: 1,
          suggestions: [{ messageId: "fix", output: pod("        - --secure-port=6443\n        - --kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt\n") }],
        },
      ],
    },
  ],
});
