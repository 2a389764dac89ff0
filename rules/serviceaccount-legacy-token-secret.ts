/**
 * @fileoverview serviceaccount-legacy-token-secret: a Secret of type
 * `kubernetes.io/service-account-token` makes the token controller store a token that never
 * expires; ServiceAccount `secrets[]` entries naming such Secrets (same file) keep them in use.
 */
import { createRule } from "../src/rule.js";
import { asMap, getPair, getSeq, getString, seqItems } from "../src/language/query.js";
import { isCoreSecret } from "./secret-manifest-committed.js";

const TOKEN_TYPE = "kubernetes.io/service-account-token";

export default createRule({
  name: "serviceaccount-legacy-token-secret",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow long-lived service account token Secrets",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      tokenSecret:
        "Secret '{{name}}' has type kubernetes.io/service-account-token{{account}}: the token controller fills it with a token that never expires and stays valid until the Secret is deleted. Use short-lived tokens (projected serviceAccountToken volumes, TokenRequest / kubectl create token).",
      referenced:
        "ServiceAccount '{{name}}' lists secrets[{{index}}] '{{secret}}', a service-account-token Secret (line {{line}}): a non-expiring token for this account. Remove the entry and the Secret; pods get short-lived projected tokens.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (isCoreSecret(resource)) {
          const typePair = getPair(resource.node, "type");
          if (getString(resource.node, "type") !== TOKEN_TYPE || !typePair?.value) return;
          const sa = resource.annotations["kubernetes.io/service-account.name"];
          context.report({ node: typePair.value, messageId: "tokenSecret", data: { name: resource.name ?? "(unnamed)", account: sa ? ` for ServiceAccount '${sa}'` : "" } });
          return;
        }
        if (resource.kind !== "ServiceAccount" || resource.apiVersion !== "v1") return;
        seqItems(getSeq(resource.node, "secrets")).forEach((item, index) => {
          const m = asMap(item);
          const secretName = getString(m, "name");
          if (!m || !secretName) return;
          const secret = context.sourceCode.resources.find(
            (r) => isCoreSecret(r) && r.name === secretName && (r.namespace ?? null) === (resource.namespace ?? null) && getString(r.node, "type") === TOKEN_TYPE,
          );
          if (!secret) return;
          context.report({
            node: getPair(m, "name")?.value ?? m,
            messageId: "referenced",
            data: { name: resource.name ?? "(unnamed)", index, secret: secretName, line: context.sourceCode.getLoc(secret.node).start.line },
          });
        });
      },
    };
  },
});
