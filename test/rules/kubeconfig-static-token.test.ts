import rule from "../../rules/kubeconfig-static-token.js";
import { runRuleTests } from "../rule-tester.js";
import { itNeverPrintsSecrets } from "./_no-secret.js";

const kc = (user: string): string =>
  `apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: https://10.0.0.1:6443\nusers:\n- name: u\n  user:\n${user}`;

runRuleTests(rule, {
  valid: [
    { name: "tokenFile", code: kc("    tokenFile: /var/run/secrets/token\n") },
    { name: "envsubst placeholder", code: kc("    token: ${K8S_TOKEN}\n") },
    { name: "skaffold `kind: Config` is not a kubeconfig", code: "apiVersion: skaffold/v2beta29\nkind: Config\nusers:\n- name: u\n  user:\n    token: abc\n" },
  ],
  invalid: [{ name: "literal token", code: kc("    token: 0123456789abcdef0123456789abcdef\n"), errors: [{ messageId: "token", data: { user: "'u'" }, line: 10, column: 5, endLine: 10, endColumn: 10 }] }],
});
itNeverPrintsSecrets("kubeconfig-static-token", "ci-token.yaml", ["eyJhbGciOiJSUzI1NiIsImtpZCI6ImZha2UifQ", "ZmFrZS1zaWduYXR1cmU"], 1);
