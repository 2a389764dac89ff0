/**
 * @fileoverview automount-service-account-token: the pod gets an API token mounted unless
 * `automountServiceAccountToken: false` is set on the pod or (when the pod leaves it unset) on its
 * ServiceAccount.
 */
import { createRule, reportHardening } from "../src/rule.js";
import { asFix, replaceNode, setMapValue } from "../src/fix/index.js";
import { getPair, scalarBool } from "../src/language/query.js";
import { podAnchor } from "../src/k8s-helpers/part-b.js";
import { effectiveServiceAccount, findServiceAccount, serviceAccountAutomount } from "./shared/_b-service-account.js";

export default createRule({
  name: "automount-service-account-token",
  meta: {
    type: "problem",
    docs: {
      description: "Require automountServiceAccountToken: false unless the pod calls the Kubernetes API",
      severity: "medium",
      presets: ["recommended"],
      aliases: ["serviceaccount-automount-token"],
      standards: { cis: ["5.1.6"], nsa: "Authentication and authorization: service account tokens" },
      equivalents: {
        polaris: ["automountServiceAccountToken"],
        checkov: ["CKV_K8S_38"],
        trivy: ["KSV036"],
        kubescape: ["C-0034", "C-0190", "C-0261"],
        kubesec: ["AutomountServiceAccountToken"],
      },
    },
    messages: {
      explicitTrue: "The pod sets automountServiceAccountToken: true: every container gets a token for service account '{{sa}}', which an attacker in any container can use against the API server.",
      inherited:
        "The pod does not set automountServiceAccountToken and {{why}}: every container gets a token for service account '{{sa}}', which an attacker in any container can use against the API server.",
      setFalse: "Set automountServiceAccountToken: false on the pod (in-cluster API clients then need a projected token volume).",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      PodSpec(podSpec) {
        if (!podSpec.containers.length) return;
        const pair = getPair(podSpec.node, "automountServiceAccountToken");
        const own = scalarBool(pair?.value ?? null);
        if (own === false) return;
        const sa = effectiveServiceAccount(podSpec);
        if (own === true && pair?.value) {
          reportHardening(context, { node: pair, messageId: "explicitTrue", data: { sa: sa.name } }, { messageId: "setFalse", fix: asFix(replaceNode(sourceCode, pair.value, "false")) });
          return;
        }
        // Unset on the pod: the ServiceAccount decides (default: mount).
        const saObject = findServiceAccount(sourceCode.resources, podSpec, sa.name);
        const saValue = saObject ? serviceAccountAutomount(saObject) : null;
        if (saValue === false) return;
        const why = saObject
          ? saValue === true
            ? `its ServiceAccount '${sa.name}' sets automountServiceAccountToken: true`
            : `its ServiceAccount '${sa.name}' does not set automountServiceAccountToken: false`
          : `its ServiceAccount '${sa.name}' is not in this file (the default is to mount)`;
        reportHardening(
          context,
          { node: pair ?? sa.pair ?? podAnchor(podSpec), messageId: "inherited", data: { sa: sa.name, why } },
          { messageId: "setFalse", fix: asFix(setMapValue(sourceCode, podSpec.node, "automountServiceAccountToken", "false")) },
        );
      },
    };
  },
});
