/**
 * @fileoverview secret-from-env (opt-in, CIS 5.4.1): Secrets exposed as environment variables leak
 * through crash dumps, `/proc/<pid>/environ`, child processes and logging of the environment;
 * mounted files can be rotated and are not inherited.
 */
import { createRule } from "../src/rule.js";
import { asMap, getMap, getPair, getSeq, scalarString, seqItems } from "../src/language/query.js";
import { containerLabel } from "../src/k8s-helpers/part-c.js";

export default createRule({
  name: "secret-from-env",
  meta: {
    type: "suggestion",
    docs: {
      description: "Prefer Secrets mounted as files over Secrets in environment variables",
      severity: "low",
      presets: ["all"],
      aliases: ["env-secret-reference"],
      standards: { cis: ["5.4.1"], nsa: "Kubernetes Pod security: secrets" },
      equivalents: {
        "kube-linter": ["read-secret-from-env-var"],
        checkov: ["CKV_K8S_35"],
        kubescape: ["C-0207"],
        kubesec: ["SecretsAsEnvironmentVariables"],
      },
    },
    messages: {
      env: "{{container}}: environment variable {{env}} reads Secret '{{secret}}': secrets in the environment leak through /proc/<pid>/environ, crash dumps and child processes. Mount the Secret as a file instead.",
      envFrom: "{{container}}: envFrom loads every key of Secret '{{secret}}' into the environment: secrets in the environment leak through /proc/<pid>/environ, crash dumps and child processes. Mount the Secret as a file instead.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Container(c) {
        for (const item of seqItems(getSeq(c.node, "env"))) {
          const env = asMap(item);
          const refPair = getPair(getMap(env, "valueFrom"), "secretKeyRef");
          if (!refPair) continue;
          context.report({
            node: refPair.key ?? refPair,
            messageId: "env",
            data: { container: containerLabel(c), env: scalarString(getPair(env, "name")?.value) ?? "?", secret: scalarString(getPair(asMap(refPair.value), "name")?.value) ?? "?" },
          });
        }
        for (const item of seqItems(getSeq(c.node, "envFrom"))) {
          const refPair = getPair(asMap(item), "secretRef");
          if (!refPair) continue;
          context.report({
            node: refPair.key ?? refPair,
            messageId: "envFrom",
            data: { container: containerLabel(c), secret: scalarString(getPair(asMap(refPair.value), "name")?.value) ?? "?" },
          });
        }
      },
    };
  },
});
