/**
 * @fileoverview kubeconfig-impersonate-privileged: a kubeconfig user that impersonates a privileged
 * identity on every request (`as: system:admin`, `as-groups: [system:masters]`). Anyone using the
 * file acts with RBAC-bypassing rights, and the audit log records the impersonated identity.
 */
import type { YamlNode } from "../src/language/ast.js";
import { asScalar, getPair, getSeq, scalarString, seqItems } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { isKubeconfig, label, namedEntries } from "./shared/_kubeconfig.js";

const PRIVILEGED_USERS = new Set(["system:admin", "kubernetes-admin", "kubernetes-super-admin", "system:kube-controller-manager"]);
const PRIVILEGED_GROUPS = new Set(["system:masters", "kubeadm:cluster-admins"]);

export default createRule({
  name: "kubeconfig-impersonate-privileged",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow kubeconfig users that impersonate privileged identities",
      severity: "medium",
      presets: ["recommended"],
    },
    messages: {
      user: "kubeconfig user {{user}} impersonates '{{who}}' (as): every request made with this file runs as that privileged identity.",
      group: "kubeconfig user {{user}} impersonates the group '{{who}}' (as-groups): every request made with this file carries cluster-admin rights{{bypass}}.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isKubeconfig(resource)) return;
        for (const u of namedEntries(resource, "users")) {
          const as = asScalar(getPair(u.body, "as")?.value ?? null);
          const who = scalarString(as);
          if (as && who !== null && PRIVILEGED_USERS.has(who.trim())) context.report({ node: as, messageId: "user", data: { user: label(u), who } });
          for (const g of seqItems(getSeq(u.body, "as-groups")) as YamlNode[]) {
            const name = scalarString(g);
            if (name === null || !asScalar(g) || !PRIVILEGED_GROUPS.has(name.trim())) continue;
            context.report({ node: g, messageId: "group", data: { user: label(u), who: name, bypass: name.trim() === "system:masters" ? " that bypass RBAC and authorization webhooks" : "" } });
          }
        }
      },
    };
  },
});
