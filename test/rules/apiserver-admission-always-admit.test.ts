import rule from "../../rules/apiserver-admission-always-admit.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n    - name: kube-apiserver\n      image: registry.k8s.io/kube-apiserver:v1.33.2\n      command:\n        - kube-apiserver\n${flags}`;

runRuleTests(rule, {
  valid: [{ name: "AlwaysAdmit only in the disable list", code: pod("        - --disable-admission-plugins=AlwaysAdmit\n") }],
  invalid: [
    {
      name: "both occurrences of a repeated (appending) flag are reported and fixed",
      code: pod("        - --enable-admission-plugins=AlwaysAdmit,NodeRestriction\n        - --enable-admission-plugins=PodSecurity,AlwaysAdmit\n"),
      errors: [
        { messageId: "present", line: 12, column: 11, endLine: 12, endColumn: 65 },
        { messageId: "present", line: 13, column: 11, endLine: 13, endColumn: 61 },
      ],
      output: pod("        - --enable-admission-plugins=NodeRestriction\n        - --enable-admission-plugins=PodSecurity\n"),
    },
  ],
});
