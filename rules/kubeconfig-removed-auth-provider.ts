/**
 * @fileoverview kubeconfig-removed-auth-provider: a kubeconfig user with an in-tree
 * `auth-provider` that client-go no longer has — `gcp` and `azure` (removed in 1.26,
 * kubernetes/kubernetes#112341) and `openstack` (removed earlier). kubectl and every client-go
 * program fail with "no Auth Provider found for name".
 */
import { asScalar, getMap, getPair, scalarString } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { DEFAULT_KUBERNETES_MINOR, minorOf } from "./shared/_flag-rule.js";
import { isKubeconfig, label, namedEntries } from "./shared/_kubeconfig.js";

/** Provider → first client-go minor without it, and the replacement. */
const REMOVED: Record<string, { minor: number; use: string }> = {
  gcp: { minor: 26, use: "the gke-gcloud-auth-plugin exec plugin" },
  azure: { minor: 26, use: "the kubelogin exec plugin (Azure/kubelogin)" },
  openstack: { minor: 0, use: "the client-keystone-auth exec plugin" },
};

export default createRule({
  name: "kubeconfig-removed-auth-provider",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow kubeconfig auth-provider plugins that client-go has removed",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      removed: "kubeconfig user {{user}} uses auth-provider '{{name}}', which client-go {{since}} no longer has: kubectl fails with 'no Auth Provider found for name \"{{name}}\"'. Use {{use}}.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const target = minorOf(context.settings.kubeguard?.kubernetesVersion) ?? DEFAULT_KUBERNETES_MINOR;
    return {
      Resource(resource) {
        if (!isKubeconfig(resource)) return;
        for (const u of namedEntries(resource, "users")) {
          const s = asScalar(getPair(getMap(u.body, "auth-provider"), "name")?.value ?? null);
          const name = scalarString(s);
          const r = name === null ? undefined : REMOVED[name.trim()];
          if (!s || !r || target < r.minor) continue;
          context.report({ node: s, messageId: "removed", data: { user: label(u), name: name!, since: r.minor ? `1.${r.minor} and later` : "(any supported release)", use: r.use } });
        }
      },
    };
  },
});
