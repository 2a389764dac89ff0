/**
 * @fileoverview Factory for liveness-probe-missing and readiness-probe-missing (catalog-workload.md §1H).
 */
import { createRule, type RuleEquivalents } from "../../src/rule.js";
import { getPair } from "../../src/language/query.js";
import { containerAnchor, containerLabel, isLongRunningContainer, isRunToCompletion } from "../../src/k8s-helpers/part-c.js";

export function probeMissingRule(spec: { name: string; probe: "livenessProbe" | "readinessProbe"; description: string; consequence: string; equivalents: RuleEquivalents }) {
  return createRule({
    name: spec.name,
    meta: {
      type: "suggestion",
      docs: { description: spec.description, severity: "low", presets: ["all"], equivalents: spec.equivalents },
      messages: { missing: `{{container}} has no ${spec.probe}: ${spec.consequence}` },
      schema: [],
    },
    defaultOptions: [],
    create(context) {
      return {
        Container(c) {
          // Probes matter for long-running containers only: not Jobs/CronJobs or pods that run to
          // completion, not plain init containers (only native sidecars), never ephemeral containers.
          if (!isLongRunningContainer(c) || isRunToCompletion(c.podSpec)) return;
          if (getPair(c.node, spec.probe)) return;
          context.report({ node: containerAnchor(c), messageId: "missing", data: { container: containerLabel(c) } });
        },
      };
    },
  });
}
