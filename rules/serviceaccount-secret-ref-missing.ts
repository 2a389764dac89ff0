/**
 * @fileoverview serviceaccount-secret-ref-missing: a ServiceAccount whose `secrets[]` or
 * `imagePullSecrets[]` names a Secret that nothing in the run provides (no Secret, and no
 * SealedSecret / ExternalSecret / cert-manager Certificate / … producing one of that name).
 * A missing pull secret makes every pod of the account fail with ImagePullBackOff; a typo in
 * `secrets[]` is silently ignored (Popeye POP-304/POP-305, live cluster).
 *
 * Reference integrity: reported as low, and only in namespaces where the run provides at least one
 * Secret (otherwise Secrets are evidently managed outside the set — a good practice). Absent is
 * never taken as fine. Cross-document: kubeguard's CLI and language server look at every file of
 * the run; inside a user's own ESLint, at the documents of one file.
 */
import { at, crossRule, items, str } from "../src/crossdoc/index.js";
import { isServiceAccount, nameOf, nameTemplated } from "./shared/_crossdoc-identity.js";
import { secretNames } from "./shared/_crossdoc-net.js";

type Options = [{ assumeCompleteInput?: boolean }];

export default crossRule({
  name: "serviceaccount-secret-ref-missing",
  meta: {
    type: "problem",
    docs: {
      description: "Report ServiceAccounts that reference Secrets missing from the linted set",
      severity: "low",
      presets: ["recommended"],
    },
    messages: {
      missing:
        "ServiceAccount '{{name}}' lists Secret '{{secret}}' in `{{field}}`, but nothing in the linted set provides a Secret of that name in namespace '{{namespace}}' (the set provides {{count}} there){{effect}}",
    },
    schema: [
      {
        type: "object",
        properties: {
          assumeCompleteInput: { type: "boolean", description: "Report even in namespaces for which the run provides no Secret at all." },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ assumeCompleteInput: false }] as Options,
  check({ index, report, optionsFor }) {
    const accounts = index.ofKind("ServiceAccount").filter(isServiceAccount);
    if (!accounts.length) return;
    const provided = secretNames(index);
    for (const sa of accounts) {
      if (sa.ns === null) continue;
      const names = provided.names.get(sa.ns);
      if (!names?.size && !(optionsFor(sa.file)[0]?.assumeCompleteInput ?? false)) continue;
      for (const field of ["imagePullSecrets", "secrets"] as const) {
        for (const item of items(at(sa.snap, field))) {
          const nameNode = at(item, "name");
          const secret = str(nameNode);
          if (!secret || nameTemplated(secret) || names?.has(secret)) continue;
          report({
            obj: sa,
            node: nameNode,
            messageId: "missing",
            data: {
              name: nameOf(sa),
              secret,
              field,
              namespace: sa.ns,
              count: names?.size ?? 0,
              effect: field === "imagePullSecrets" ? ": pods of this account cannot pull images from the private registry (ImagePullBackOff)." : ": the reference is a typo or the Secret is managed elsewhere.",
            },
          });
        }
      }
    }
  },
});
