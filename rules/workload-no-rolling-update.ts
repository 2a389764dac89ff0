/**
 * @fileoverview workload-no-rolling-update: a Deployment with `strategy.type: Recreate` (every pod
 * is stopped before new ones start: downtime on each rollout) or a DaemonSet with
 * `updateStrategy.type: OnDelete` (pods keep the old spec, including old images with known
 * vulnerabilities, until someone deletes them). Unset means RollingUpdate for both.
 */
import { getMap, getPair, getString } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { isWorkload } from "./shared/_availability.js";

export default createRule({
  name: "workload-no-rolling-update",
  meta: {
    type: "suggestion",
    docs: {
      description: "Report Deployments and DaemonSets that do not use the RollingUpdate strategy",
      severity: "low",
      presets: ["all"],
      equivalents: { "kube-linter": ["no-rolling-update-strategy"], kubescape: ["C-0305"], "kube-score": ["deployment-strategy"] },
    },
    messages: {
      recreate: "Deployment '{{name}}' uses strategy Recreate: every pod is stopped before the new ones start, so each rollout is an outage.",
      onDelete: "DaemonSet '{{name}}' uses updateStrategy OnDelete: pods keep running the old spec (and old images) until someone deletes them.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        const spec = getMap(resource.node, "spec");
        if (isWorkload(resource, ["Deployment"])) {
          const strategy = getMap(spec, "strategy");
          if (getString(strategy, "type") === "Recreate") context.report({ node: getPair(strategy, "type")!.value!, messageId: "recreate", data: { name: resource.name ?? "(unnamed)" } });
        } else if (isWorkload(resource, ["DaemonSet"])) {
          const strategy = getMap(spec, "updateStrategy");
          if (getString(strategy, "type") === "OnDelete") context.report({ node: getPair(strategy, "type")!.value!, messageId: "onDelete", data: { name: resource.name ?? "(unnamed)" } });
        }
      },
    };
  },
});
