/**
 * @fileoverview Helpers for the kube-apiserver audit-log rules (apiserver-audit-log-path-missing,
 * -maxage, -maxbackup, -maxsize): the integer value of a flag, whether audit events go to a file,
 * and the `cisStrict` option the cis preset sets (CIS v1.12 1.2.16–1.2.19 as kube-bench tests them:
 * the flag must be written, with a value of at least 30 / 10 / 100; kube-bench
 * `cfg/cis-1.12/master.yaml`, `check/test.go`: a test item without `set:` requires the flag).
 */
import { flagRule } from "./_flag-rule.js";
import type { FlagCheckContext, FlagRuleSpec } from "./_flag-rule.js";
import type { K8sRuleDefinition, K8sRuleVisitor } from "../../src/rule.js";

/** A pflag int value (decimal, optional sign); null when not an integer (the server then refuses to start). */
export function intValue(value: string | null): number | null {
  if (value === null) return null;
  const t = value.trim();
  return /^[+-]?\d+$/u.test(t) ? Number(t) : null;
}

/** Text for {{detail}}: whether an audit log file is configured at all. */
export function auditFileDetail(ctx: FlagCheckContext): string {
  const path = (ctx.value("audit-log-path") ?? "").trim();
  if (path === "") return " (no --audit-log-path is set yet: this applies once audit logging to a file is turned on)";
  if (path === "-") return " (--audit-log-path=- writes to stdout: the setting has no effect there)";
  return "";
}

/** Options of the audit-log rules: `cisStrict` reports what CIS v1.12 / kube-bench fail as well. */
export interface AuditCisOptions {
  cisStrict?: boolean;
}

/** What the `cis` preset sets on these rules (src/eslint/index.ts `presetRules` reads `meta.docs.presetOptions`). */
export const CIS_PRESET_OPTIONS = { cis: [{ cisStrict: true }] } as const;

const CIS_STRICT_SCHEMA = [
  {
    type: "object",
    properties: {
      cisStrict: {
        type: "boolean",
        description:
          "Also report what CIS Kubernetes Benchmark v1.12 / kube-bench fail although the component's own default is acceptable (the flag not written, 0, or a webhook-only audit backend). Set by the cis preset.",
      },
    },
    additionalProperties: false,
  },
];

/**
 * A flag rule with a `cisStrict` option. `base` is the catalog row (what every preset reports);
 * `strictOnly` reports only the extra cases CIS/kube-bench fail (its `insecureWhen` must be false
 * wherever base's is true, so nothing is reported twice) and never auto-fixes: those cases are not
 * insecure in themselves, writing the flag is a retention decision (suggestion only).
 * Both specs must share the same `messages`: ESLint resolves message ids against one rule meta.
 */
export function withCisStrict(base: FlagRuleSpec, strictOnly: Pick<FlagRuleSpec, "insecureWhen" | "fix">): K8sRuleDefinition<string, [AuditCisOptions]> {
  const baseRule = flagRule(base);
  const strictRule = flagRule({ ...base, ...strictOnly, fixMode: "suggest" });
  const docs = { ...baseRule.meta.docs, presetOptions: CIS_PRESET_OPTIONS };
  return {
    name: baseRule.name,
    meta: { ...baseRule.meta, docs, hasSuggestions: true, schema: CIS_STRICT_SCHEMA, defaultOptions: [{}] },
    defaultOptions: [{}],
    create(context) {
      const first = baseRule.create(context as never);
      if (!(context.options[0] as AuditCisOptions | undefined)?.cisStrict) return first;
      const second = strictRule.create(context as never);
      const merged: K8sRuleVisitor = {};
      for (const key of new Set([...Object.keys(first), ...Object.keys(second)]) as Set<keyof K8sRuleVisitor>) {
        const a = first[key] as ((n: never) => void) | undefined;
        const b = second[key] as ((n: never) => void) | undefined;
        (merged as Record<string, (n: never) => void>)[key] = (n: never) => {
          a?.(n);
          b?.(n);
        };
      }
      return merged;
    },
  };
}

/**
 * The extra cases CIS/kube-bench fail for a "flag ≥ minimum" check (1.2.17–1.2.19, `op: gte`):
 * the flag not written (kube-bench: a test item without `set:` requires the flag), or an integer
 * below the minimum that the catalog row accepts (e.g. 0 = keep everything). Never reported twice:
 * only where `baseInsecure` is false.
 */
export function cisMinimumExtra(minimum: number, baseInsecure: FlagRuleSpec["insecureWhen"]): FlagRuleSpec["insecureWhen"] {
  return (value, ctx) => {
    if (baseInsecure(value, ctx)) return false;
    if (!ctx.has(ctx.flag)) return true;
    const n = intValue(value);
    return n !== null && n < minimum;
  };
}

/** The value a CIS suggestion writes: the current/default value when it already meets the minimum (1.36 defaults do), else the minimum. */
export function cisMinimumValue(minimum: number): (ctx: FlagCheckContext, current: string | null) => string {
  return (_ctx, current) => {
    const n = intValue(current);
    return n !== null && n >= minimum ? String(n) : String(minimum);
  };
}
