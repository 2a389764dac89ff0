/**
 * @fileoverview missing-service-account (cross-resource): the pod names a ServiceAccount that is not
 * in the input, so the pod is rejected at creation (or uses an account managed elsewhere).
 */
import { createRule } from "../src/rule.js";
import { effectiveServiceAccount, findServiceAccount, serviceAccountsIn } from "./shared/_b-service-account.js";

type Options = [{ assumeCompleteInput?: boolean }];

export default createRule<"missing", Options>({
  name: "missing-service-account",
  meta: {
    type: "problem",
    docs: {
      description: "Report pods whose service account is not defined in the input",
      severity: "low",
      presets: [],
      aliases: ["serviceaccount-not-found"],
      equivalents: { "kube-linter": ["non-existent-service-account"], kubescape: ["C-0307"] },
    },
    messages: {
      missing:
        "Service account '{{sa}}'{{ns}} is not defined in this file: the pod is rejected until it exists, or it runs with permissions managed somewhere else.",
    },
    schema: [
      {
        type: "object",
        properties: {
          assumeCompleteInput: {
            type: "boolean",
            description: "Report even when the file defines no ServiceAccount at all (by default such files are assumed to be partial).",
          },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ assumeCompleteInput: false }],
  create(context, [options]) {
    const resources = context.sourceCode.resources;
    // A file without any ServiceAccount is evidently not the whole application: do not guess.
    if (!options.assumeCompleteInput && serviceAccountsIn(resources).length === 0) return {};
    return {
      PodSpec(podSpec) {
        if (!podSpec.containers.length) return;
        const sa = effectiveServiceAccount(podSpec);
        // Every namespace has a `default` service account.
        if (sa.name === "default" || !sa.pair) return;
        if (findServiceAccount(resources, podSpec, sa.name)) return;
        const ns = podSpec.resource.namespace;
        context.report({ node: sa.pair, messageId: "missing", data: { sa: sa.name, ns: ns ? ` (namespace '${ns}')` : "" } });
      },
    };
  },
});
