import rule from "../../rules/enc-identity-first.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [
    {
      name: "flow providers list: identity last",
      code: "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [secrets]\n    providers: [{secretbox: {keys: [{name: k, secret: 3Hs6SBz1GUEu5Rb0g8dqp3zqhq8YQFkqf3ZBGsx7kYo=}]}}, {identity: {}}]\n",
    },
  ],
  invalid: [
    {
      name: "flow providers list: reported, not fixed (flow sequences are not reordered)",
      code: "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: ['*.*']\n    providers: [{identity: {}}, {kms: {apiVersion: v2, name: vault, endpoint: 'unix:///run/kms.sock'}}]\n",
      errors: [{ messageId: "identityFirstSecrets", data: { resources: "*.*" }, line: 5, column: 17, endLine: 5, endColumn: 31 }],
      output: null,
    },
    {
      name: "CRLF file, comment on the moved line is kept",
      code: "apiVersion: apiserver.config.k8s.io/v1\r\nkind: EncryptionConfiguration\r\nresources:\r\n  - resources:\r\n      - secrets\r\n    providers:\r\n      - identity: {} # migration in progress\r\n      - aesgcm:\r\n          keys:\r\n            - name: key1\r\n              secret: c2VjcmV0IGlzIHNlY3VyZQ==\r\n",
      errors: [{ messageId: "identityFirstSecrets", line: 7, column: 9, endLine: 8, endColumn: 1 }],
      output:
        "apiVersion: apiserver.config.k8s.io/v1\r\nkind: EncryptionConfiguration\r\nresources:\r\n  - resources:\r\n      - secrets\r\n    providers:\r\n      - aesgcm:\r\n          keys:\r\n            - name: key1\r\n              secret: c2VjcmV0IGlzIHNlY3VyZQ==\r\n      - identity: {} # migration in progress\r\n",
    },
  ],
});
