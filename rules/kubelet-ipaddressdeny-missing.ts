/**
 * @fileoverview kubelet-ipaddressdeny-missing: the kubelet's unit (or drop-in) that defines its
 * `ExecStart=` has no `IPAddressDeny=` in `[Service]` (CIS 1.11 4.2.15, Manual; dropped in 1.12).
 * Informational: with `IPAddressDeny=any` plus an `IPAddressAllow=` list, systemd filters the
 * kubelet's traffic to the listed peers.
 */
import type { UnitEntry } from "../src/language/ast.js";
import { unitFlagSetInfo } from "../src/language/systemd.js";
import { createRule } from "../src/rule.js";

/** `IPAddressDeny=` entries of `[Service]` in effect at the end of the file (an empty one resets the list). */
export function ipAddressDeny(entries: UnitEntry[]): { last: UnitEntry | null; values: string[] } {
  let values: string[] = [];
  let last: UnitEntry | null = null;
  for (const e of entries) {
    if (e.section !== "Service" || e.key !== "IPAddressDeny") continue;
    last = e;
    if (e.value.trim() === "") values = [];
    else values.push(...e.value.trim().split(/\s+/u));
  }
  return { last, values };
}

export default createRule<"missing", []>({
  name: "kubelet-ipaddressdeny-missing",
  meta: {
    type: "suggestion",
    docs: { description: "Restrict the kubelet unit's network peers with IPAddressDeny", severity: "info", presets: [], equivalents: { "kube-bench": ["cis-1.11 4.2.15"] } },
    messages: {
      missing: "The kubelet unit sets no IPAddressDeny=: systemd does not restrict which addresses the kubelet talks to (IPAddressDeny=any with an IPAddressAllow= list of the API server, nodes and pod networks would).",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      UnitFile(unit) {
        const set = unit.flagSets.find((s) => s.component === "kubelet");
        const info = set ? unitFlagSetInfo(set) : null;
        if (!info) return;
        if (ipAddressDeny(unit.entries).last) return; // systemd-ipaddressdeny judges a written value
        context.report({ node: { range: info.commandRange }, messageId: "missing" });
      },
    };
  },
});
