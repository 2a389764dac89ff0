/**
 * @fileoverview Flag-rule specs shared by kube-controller-manager and kube-scheduler, which serve
 * the same secure endpoints (healthz, metrics, debug) from the same component-base options:
 * `--authorization-always-allow-paths` and `--bind-address` (catalog-config.md §1.2, §1.3).
 * Each rule file gives its id, component and CIS/equivalent ids.
 */
import { flagRule, isLoopbackHost, listItems, type FlagRuleSpec } from "./_flag-rule.js";

type Component = "kube-controller-manager" | "kube-scheduler";

const DEFAULT_PATHS = ["/healthz", "/readyz", "/livez"];
const extraPaths = (value: string | null): string[] => listItems(value).filter((p) => !DEFAULT_PATHS.includes(p));

/** `--authorization-always-allow-paths` (a string slice; default /healthz,/readyz,/livez) beyond the health endpoints. Safe fix: delete the flag. */
export function alwaysAllowPathsRule(id: string, component: Component): ReturnType<typeof flagRule> {
  return flagRule({
    id,
    description: `Disallow ${component} --authorization-always-allow-paths beyond /healthz, /readyz and /livez`,
    severity: "medium",
    component,
    flags: ["authorization-always-allow-paths"],
    kind: "list",
    defaultValue: () => DEFAULT_PATHS.join(","),
    insecureWhen: (value) => extraPaths(value).length > 0,
    detail: (value) => extraPaths(value).join(", "),
    fix: { kind: "remove" },
    fixMode: "safe",
    messages: {
      present: `${component} --{{flag}}={{value}} skips authorization for {{detail}}: anyone who reaches the secure port can read it without credentials.`,
      absent: `${component} has no --{{flag}}.`,
      fix: "Delete --{{flag}} (the default /healthz,/readyz,/livez applies).",
    },
  });
}

/** `--bind-address` (default 0.0.0.0) not a loopback address. Suggestion only: remote metrics scrapers stop working. */
export function bindAddressRule(id: string, component: Component, ids: Pick<FlagRuleSpec, "cis" | "equivalents">): ReturnType<typeof flagRule> {
  return flagRule({
    id,
    description: `Bind the ${component} serving endpoints to a loopback address (--bind-address=127.0.0.1)`,
    severity: "medium",
    ...ids,
    component,
    flags: ["bind-address"],
    kind: "scalar",
    defaultValue: () => "0.0.0.0",
    insecureWhen: (value) => value !== null && !isLoopbackHost(value.trim().replace(/^\[|\]$/gu, "").toLowerCase()),
    fix: { kind: "set", value: "127.0.0.1" },
    fixMode: "suggest",
    messages: {
      present: `${component} --{{flag}}={{value}} serves its secure port (metrics, health, /debug/pprof when profiling is on) on every interface the node has; anything that reaches the node can probe it.`,
      absent: `${component} runs without --{{flag}}, so the default {{default}} applies: it serves its secure port (metrics, health, /debug/pprof when profiling is on) on every interface of the node.`,
      fix: "Set --bind-address=127.0.0.1 (remote metrics scrapers then need another path, e.g. a local proxy).",
    },
  });
}
