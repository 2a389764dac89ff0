import rule from "../../rules/audit-unknown-field.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  invalid: [
    {
      name: "'namespace' typo: no rename offered when 'namespaces' is already there",
      code: 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: None\n    namespaces: ["kube-system"]\n    namespace: ["default"]\n',
      errors: [{ messageId: "unknownRule", data: { key: "namespace", hint: " (did you mean 'namespaces'?)", level: "None" }, line: 6, column: 5, endLine: 6, endColumn: 14 }],
    },
  ],
});
