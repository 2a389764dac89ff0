import rule from "../../rules/apiserver-basic-auth-file.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (tag: string, flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n    - name: kube-apiserver\n      image: registry.k8s.io/kube-apiserver:${tag}\n      command:\n        - kube-apiserver\n${flags}`;

runRuleTests(rule, {
  invalid: [
    {
      name: "1.30: the flag is unknown",
      code: pod("v1.30.4", "        - --basic-auth-file=/srv/kubernetes/basic_auth.csv\n        - --secure-port=6443\n"),
      errors: [{ messageId: "present", data: { flag: "basic-auth-file", value: "/srv/kubernetes/basic_auth.csv", detail: "kube-apiserver 1.30 no longer has this flag (basic authentication was removed in 1.19) and exits at start-up ('unknown flag')" }, line: 12, column: 11, endLine: 12, endColumn: 59 }],
      output: pod("v1.30.4", "        - --secure-port=6443\n"),
    },
  ],
});
