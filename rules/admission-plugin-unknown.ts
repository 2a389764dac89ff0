/**
 * @fileoverview admission-plugin-unknown: an AdmissionConfiguration entry names a plugin that
 * kube-apiserver (of the target version) does not have — a typo (`podsecurity`), or a removed
 * plugin such as `PodSecurityPolicy`. kube-apiserver looks plugin configurations up by exact name,
 * so the entry configures nothing and the plugin meant here runs with its defaults (for
 * PodSecurity: `privileged`, no enforcement).
 */
import { asScalar } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { KNOWN_PLUGINS, isAdmissionConfiguration, pluginEntries } from "./shared/_admission.js";
import { REMOVED_PLUGINS } from "./apiserver-admission-plugin-removed.js";
import { DEFAULT_KUBERNETES_MINOR, minorOf } from "./shared/_flag-rule.js";

type Options = [{ additionalPlugins?: string[] }];

export default createRule<"unknown" | "removed", Options>({
  name: "admission-plugin-unknown",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow AdmissionConfiguration entries for admission plugins kube-apiserver does not have",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      unknown: "AdmissionConfiguration configures '{{name}}', which is not a kube-apiserver admission plugin{{hint}}: plugin configurations are looked up by exact name, so this entry configures nothing.",
      removed: "AdmissionConfiguration configures '{{name}}', which kube-apiserver 1.{{minor}} no longer has ({{note}}): this entry configures nothing.",
    },
    schema: [
      {
        type: "object",
        properties: { additionalPlugins: { type: "array", items: { type: "string" }, description: "Plugin names of a customised API server to accept as well." } },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ additionalPlugins: [] }],
  create(context, [options]) {
    const extra = new Set(options?.additionalPlugins ?? []);
    const minor = minorOf(context.settings.kubeguard?.kubernetesVersion) ?? DEFAULT_KUBERNETES_MINOR;
    return {
      Resource(resource) {
        if (!isAdmissionConfiguration(resource)) return;
        for (const e of pluginEntries(resource)) {
          const node = asScalar(e.namePair?.value ?? null);
          if (!node || e.name === null || KNOWN_PLUGINS.has(e.name) || extra.has(e.name)) continue;
          const removed = REMOVED_PLUGINS[e.name];
          if (removed) {
            if (minor < removed.removedIn) continue;
            context.report({ node, messageId: "removed", data: { name: e.name, minor, note: removed.note } });
            continue;
          }
          const close = [...KNOWN_PLUGINS].find((p) => p.toLowerCase() === e.name!.toLowerCase().replace(/[\s_-]/gu, ""));
          context.report({ node, messageId: "unknown", data: { name: e.name, hint: close ? ` (did you mean '${close}'? names are case-sensitive)` : "" } });
        }
      },
    };
  },
});
