import rule from "../../rules/kubeconfig-proxy-http.js";
import { runRuleTests } from "../rule-tester.js";
import { itNeverPrintsSecrets } from "./_no-secret.js";

runRuleTests(rule, {
  valid: [{ name: "https proxy", code: "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: https://10.0.0.1:6443\n    proxy-url: https://proxy.corp.example:3128\n" }],
  invalid: [
    {
      name: "http proxy without credentials",
      code: "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: https://10.0.0.1:6443\n    proxy-url: http://proxy.corp.example:3128\n",
      errors: [{ messageId: "http", data: { cluster: "'c'", proxy: "http://proxy.corp.example:3128", creds: "" }, line: 7, column: 16, endLine: 7, endColumn: 46 }],
    },
  ],
});
itNeverPrintsSecrets("kubeconfig-proxy-http", "corp-proxy.yaml", ["proxypass", "proxyuser"], 1);
