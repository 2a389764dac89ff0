/**
 * @fileoverview admission-eventratelimit-no-limits: an EventRateLimit configuration
 * (`eventratelimit.admission.k8s.io/v1alpha1`, `kind: Configuration`) without any `limits`. The
 * plugin exists to cap the event flood one client, namespace or the whole server can push into
 * etcd (CIS 1.2.9); with no limit it caps nothing.
 */
import { getPair, getSeq, seqItems } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { pluginConfigs } from "./shared/_admission.js";

export default createRule({
  name: "admission-eventratelimit-no-limits",
  meta: {
    type: "problem",
    docs: {
      description: "Require an EventRateLimit configuration to define at least one limit",
      severity: "low",
      presets: ["recommended", "cis"],
      standards: { cis: ["1.2.9"] },
      equivalents: { "kube-bench": ["1.2.9"] },
    },
    messages: {
      noLimits: "EventRateLimit configuration has no limits: the plugin limits nothing, so clients can still flood the API server and etcd with events. Add limits (e.g. type: Server and type: Namespace with qps/burst).",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      "Program:exit"() {
        for (const cfg of pluginConfigs(context.sourceCode, "EventRateLimit")) {
          if (seqItems(getSeq(cfg.map, "limits")).length) continue;
          const pair = getPair(cfg.map, "limits");
          context.report({ node: pair?.key ?? cfg.anchor, messageId: "noLimits" });
        }
      },
    };
  },
});
