import rule from "../../rules/audit-sensitive-body-logged.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [
    {
      name: "Request level for reads only: get/list/watch carry no request body",
      code: 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: Request\n    verbs: ["get", "list", "watch"]\n  - level: Metadata\n',
    },
    {
      name: "an earlier Metadata rule takes Secrets, ConfigMaps and TokenReviews first",
      code: 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: Metadata\n    resources:\n      - group: ""\n        resources: ["secrets", "configmaps"]\n      - group: authentication.k8s.io\n        resources: ["tokenreviews"]\n  - level: RequestResponse\n',
    },
  ],
  invalid: [
    {
      name: "resource '*' of the core group logs Secrets and ConfigMaps, not TokenReviews",
      code: 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: RequestResponse\n    resources:\n      - group: ""\n        resources: ["*"]\n  - level: Metadata\n',
      errors: [
        {
          messageId: "bodyLogged",
          data: { rule: 1, what: "secrets, configmaps", restriction: "", level: "RequestResponse", effect: "request and response bodies (secret values, tokens)" },
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 27,
          suggestions: [
            {
              messageId: "insertMetadata",
              output:
                'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: Metadata\n    resources:\n      - group: ""\n        resources: ["secrets", "configmaps"]\n  - level: RequestResponse\n    resources:\n      - group: ""\n        resources: ["*"]\n  - level: Metadata\n',
            },
          ],
        },
      ],
    },
  ],
});
