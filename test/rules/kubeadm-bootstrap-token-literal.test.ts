import rule from "../../rules/kubeadm-bootstrap-token-literal.js";
import { runRuleTests } from "../rule-tester.js";
import { itNeverPrintsSecrets } from "./_no-secret.js";

const join = (token: string): string =>
  `apiVersion: kubeadm.k8s.io/v1beta4\nkind: JoinConfiguration\ndiscovery:\n  bootstrapToken:\n    apiServerEndpoint: 10.0.0.10:6443\n    token: ${token}\n    caCertHashes:\n      - sha256:{{ hash }}\n`;

runRuleTests(rule, {
  valid: [
    { name: "envsubst placeholder", code: join('"${KUBEADM_TOKEN}"') },
    { name: "angle-bracket placeholder", code: join('"<token>"') },
    { name: "not a kubeadm document", code: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  token: abcdef.0123456789abcdef\n" },
  ],
  invalid: [{ name: "literal join token", code: join("783bde.3f89s0fje9f38fhf"), errors: [{ messageId: "literal", data: { field: "discovery.bootstrapToken.token" }, line: 6, column: 5, endLine: 6, endColumn: 10 }] }],
});
itNeverPrintsSecrets("kubeadm-bootstrap-token-literal", "join-literal.yaml", ["9a08jv.c0izixklcxtmnze7", "c0izixklcxtmnze7"], 2);
itNeverPrintsSecrets("kubeadm-bootstrap-token-literal", "init-defaults.yaml", ["abcdef.0123456789abcdef"], 1);
