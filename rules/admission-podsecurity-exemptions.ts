/**
 * @fileoverview admission-podsecurity-exemptions: PodSecurity `exemptions` that reach beyond the
 * control plane. A namespace exemption switches Pod Security off for everything in it; a username
 * exemption for a controller (`system:serviceaccount:kube-system:replicaset-controller`, …) exempts
 * every pod that controller creates, i.e. every Deployment; a runtimeClass exemption lets any pod
 * author opt out by naming that RuntimeClass.
 */
import { asScalar, getMap, getSeq, scalarString, seqItems } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { pluginConfigs } from "./shared/_admission.js";

type Options = [{ allowedNamespaces?: string[] }];

/** Identities whose exemption covers pods created on behalf of everyone. */
function broadUser(u: string): boolean {
  if (["system:anonymous", "system:admin", "system:kube-controller-manager", "system:kube-scheduler"].includes(u)) return true;
  if (u.startsWith("system:node:") || u.startsWith("system:serviceaccount:kube-system:") && /-controller$/u.test(u)) return true;
  return false;
}

export default createRule<"namespace" | "username" | "runtimeClass", Options>({
  name: "admission-podsecurity-exemptions",
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow Pod Security exemptions beyond the control-plane namespaces",
      severity: "low",
      presets: ["recommended"],
    },
    messages: {
      namespace: "PodSecurity exempts namespace '{{value}}': no Pod Security level applies to any pod in it. Label the namespace with the level its workloads need instead.",
      username: "PodSecurity exempts the user '{{value}}': every pod it creates — for a controller, every pod of every workload it manages — bypasses Pod Security.",
      runtimeClass: "PodSecurity exempts runtimeClass '{{value}}': any pod author can opt out of Pod Security by setting runtimeClassName: {{value}}.",
    },
    schema: [
      {
        type: "object",
        properties: { allowedNamespaces: { type: "array", items: { type: "string" }, description: "Namespaces that may be exempted (default: kube-system)." } },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ allowedNamespaces: ["kube-system"] }],
  create(context, [options]) {
    const allowed = new Set(options?.allowedNamespaces ?? ["kube-system"]);
    return {
      "Program:exit"() {
        for (const cfg of pluginConfigs(context.sourceCode, "PodSecurity")) {
          const ex = getMap(cfg.map, "exemptions");
          for (const item of seqItems(getSeq(ex, "namespaces"))) {
            const v = scalarString(item);
            if (v !== null && asScalar(item) && !allowed.has(v)) context.report({ node: item, messageId: "namespace", data: { value: v } });
          }
          for (const item of seqItems(getSeq(ex, "usernames"))) {
            const v = scalarString(item);
            if (v !== null && asScalar(item) && broadUser(v)) context.report({ node: item, messageId: "username", data: { value: v } });
          }
          for (const item of seqItems(getSeq(ex, "runtimeClasses"))) {
            const v = scalarString(item);
            if (v !== null && asScalar(item)) context.report({ node: item, messageId: "runtimeClass", data: { value: v } });
          }
        }
      },
    };
  },
});
