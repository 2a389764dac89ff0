/**
 * @fileoverview Factory for rules on `containers[*].ports[*].containerPort` (privileged-container-port, ssh-port).
 */
import { createRule, type RuleEquivalents, type Severity } from "../../src/rule.js";
import { asMap, getPair, getSeq, getString, scalarNumber, seqItems } from "../../src/language/query.js";
import { containerKindLabel, containerName } from "../../src/k8s-helpers/part-b.js";

export interface ContainerPortSpec {
  name: string;
  description: string;
  severity: Severity;
  message: string;
  equivalents: RuleEquivalents;
  /** Whether the port (with its protocol, default TCP) is reported. */
  matches(port: number, protocol: string): boolean;
}

export function containerPortRule(spec: ContainerPortSpec) {
  return createRule({
    name: spec.name,
    meta: {
      type: "suggestion",
      docs: { description: spec.description, severity: spec.severity, presets: [], equivalents: spec.equivalents },
      messages: { port: spec.message },
      schema: [],
    },
    defaultOptions: [],
    create(context) {
      return {
        Container(container) {
          for (const item of seqItems(getSeq(container.node, "ports"))) {
            const port = asMap(item);
            const pair = getPair(port, "containerPort");
            const value = scalarNumber(pair?.value ?? null);
            if (!pair || value === null) continue;
            const protocol = getString(port, "protocol") ?? "TCP";
            if (!spec.matches(value, protocol)) continue;
            context.report({
              node: pair,
              messageId: "port",
              data: { containerKind: containerKindLabel(container.containerKind), name: containerName(container), port: value, protocol },
            });
          }
        },
      };
    },
  });
}
