import rule from "../../rules/kubeconfig-removed-auth-provider.js";
import { runRuleTests } from "../rule-tester.js";

const kc = (name: string): string => `apiVersion: v1\nkind: Config\nusers:\n- name: u\n  user:\n    auth-provider:\n      name: ${name}\n`;

runRuleTests(rule, {
  valid: [
    { name: "gcp still exists in client-go 1.25", code: kc("gcp"), settings: { kubeguard: { kubernetesVersion: "1.25" } } },
    { name: "oidc is still in client-go", code: kc("oidc") },
  ],
  invalid: [{ name: "azure", code: kc("azure"), errors: [{ messageId: "removed", line: 7, column: 13, endLine: 7, endColumn: 18 }] }],
});
