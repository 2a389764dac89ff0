/**
 * @fileoverview admission-podsecurity-version-pinned: `defaults.enforce-version` pinned to a
 * Kubernetes minor older than the cluster's. Pod Security levels evolve (new controls, tightened
 * ones); a pinned old version keeps enforcing the old definition. The default is `latest`.
 */
import { asScalar, getMap, getPair, scalarString } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { pluginConfigs } from "./shared/_admission.js";
import { DEFAULT_KUBERNETES_MINOR, minorOf } from "./shared/_flag-rule.js";

export default createRule({
  name: "admission-podsecurity-version-pinned",
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow pinning the cluster-wide Pod Security enforce-version to an older Kubernetes minor",
      severity: "low",
      presets: ["recommended"],
    },
    messages: {
      pinned: "PodSecurity defaults.enforce-version is {{version}}, older than the cluster's 1.{{target}}: pods are checked against the {{version}} definition of the level, without the controls added since. Use latest.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const target = minorOf(context.settings.kubeguard?.kubernetesVersion) ?? DEFAULT_KUBERNETES_MINOR;
    return {
      "Program:exit"() {
        for (const cfg of pluginConfigs(context.sourceCode, "PodSecurity")) {
          const pair = getPair(getMap(cfg.map, "defaults"), "enforce-version");
          const s = asScalar(pair?.value ?? null);
          const v = scalarString(s);
          const m = minorOf(v);
          if (!s || v === null || m === null || m >= target) continue;
          context.report({ node: s, messageId: "pinned", data: { version: v, target } });
        }
      },
    };
  },
});
