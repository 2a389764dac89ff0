import rule from "../../rules/automount-service-account-token.js";
import { runRuleTests } from "../rule-tester.js";

const sa = (ns: string, automount: string): string => `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: app, namespace: ${ns}}\nautomountServiceAccountToken: ${automount}\n---\n`;
const pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: prod}\nspec:\n  serviceAccountName: app\n  containers: [{name: a, image: 'x:1'}]\n";

runRuleTests(rule, {
  valid: [{ name: "the ServiceAccount in the same namespace opts out", code: sa("prod", "false") + pod }],
  invalid: [
    {
      name: "a ServiceAccount of the same name in another namespace does not count",
      code: sa("staging", "false") + pod,
      errors: [{ messageId: "inherited", line: 10, column: 3, endLine: 10, endColumn: 26, suggestions: [{ messageId: "setFalse", output: `${sa("staging", "false")}${pod}  automountServiceAccountToken: false\n` }] }],
      output: `${sa("staging", "false")}${pod}  automountServiceAccountToken: false\n`,
    },
    {
      name: "the ServiceAccount sets true",
      code: sa("prod", "true") + pod,
      errors: [{ messageId: "inherited", line: 10, column: 3, endLine: 10, endColumn: 26, suggestions: [{ messageId: "setFalse", output: `${sa("prod", "true")}${pod}  automountServiceAccountToken: false\n` }] }],
      output: `${sa("prod", "true")}${pod}  automountServiceAccountToken: false\n`,
    },
  ],
});
