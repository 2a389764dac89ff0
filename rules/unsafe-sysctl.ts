/**
 * @fileoverview unsafe-sysctl: PSS baseline "Sysctls" — `spec.securityContext.sysctls[*].name` must
 * be in the safe set of the target Kubernetes version (cumulative: v1.0, +1.27, +1.29, +1.32, +1.37).
 */
import { asMap, getPair, getSeq, getString, seqItems } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { atLeast, targetVersion } from "./shared/_part-a.js";

/** The PSS safe sysctls by the policy version that added them (pod-security-admission policy/check_sysctls.go). */
export const SAFE_SYSCTLS: readonly { since: [number, number]; names: readonly string[] }[] = [
  { since: [1, 0], names: ["kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range"] },
  { since: [1, 27], names: ["net.ipv4.ip_local_reserved_ports"] },
  { since: [1, 29], names: ["net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes"] },
  { since: [1, 32], names: ["net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"] },
  { since: [1, 37], names: ["net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat"] },
];

export function safeSysctls(version: [number, number]): Set<string> {
  const out = new Set<string>();
  for (const s of SAFE_SYSCTLS) if (atLeast(version, s.since[0], s.since[1])) for (const n of s.names) out.add(n);
  return out;
}

type Options = [{ allow?: string[] }];

export default createRule<"unsafe" | "notYet", Options>({
  name: "unsafe-sysctl",
  meta: {
    type: "problem",
    docs: {
      description: "Forbid sysctls outside the Pod Security Standards safe set",
      severity: "high",
      presets: ["recommended", "baseline", "restricted"],
      standards: { pss: "baseline: Sysctls", nsa: "Kubernetes Pod security" },
      equivalents: { "kube-linter": ["unsafe-sysctls"], trivy: ["KSV026"], kubescape: ["C-0211"] },
    },
    messages: {
      unsafe: "The pod sets the sysctl '{{name}}', which is not in the PSS safe set: it can affect other pods on the node or the node itself.",
      notYet: "The pod sets the sysctl '{{name}}', which PSS counts as safe only from Kubernetes v{{since}} (target version {{version}}).",
    },
    schema: [
      {
        type: "object",
        properties: { allow: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true } },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ allow: [] }],
  create(context, [options]) {
    const version = targetVersion(context);
    const safe = safeSysctls(version);
    const allow = new Set(options.allow ?? []);
    return {
      PodSpec(podSpec) {
        for (const item of seqItems(getSeq(podSpec.securityContext, "sysctls"))) {
          const m = asMap(item);
          const name = getString(m, "name");
          if (name === null || safe.has(name) || allow.has(name)) continue;
          const at = getPair(m, "name") ?? item;
          const later = SAFE_SYSCTLS.find((s) => s.names.includes(name));
          if (later) context.report({ node: at, messageId: "notYet", data: { name, since: `${later.since[0]}.${later.since[1]}`, version: `${version[0]}.${version[1]}` } });
          else context.report({ node: at, messageId: "unsafe", data: { name } });
        }
      },
    };
  },
});
