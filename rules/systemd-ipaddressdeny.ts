/**
 * @fileoverview systemd-ipaddressdeny: a kubelet unit or drop-in writes `IPAddressDeny=` but the
 * list in effect is not `any` (only some ranges are denied, or an empty assignment reset it), so it
 * is not the allow-list filter CIS 1.11 4.2.15 describes.
 */
import type { UnitEntry } from "../src/language/ast.js";
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

export default createRule<"notAny" | "reset", []>({
  name: "systemd-ipaddressdeny",
  meta: {
    type: "suggestion",
    docs: { description: "Deny every address in the kubelet unit's IPAddressDeny", severity: "info", presets: [], equivalents: { "kube-bench": ["cis-1.11 4.2.15"] } },
    messages: {
      notAny: "IPAddressDeny={{value}} denies only some addresses: everything else stays reachable. Use IPAddressDeny=any with an IPAddressAllow= list.",
      reset: "This empty IPAddressDeny= resets the list, so the kubelet's traffic is not filtered. Use IPAddressDeny=any with an IPAddressAllow= list.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      UnitFile(unit) {
        const kubelet = unit.flagSets.some((s) => s.component === "kubelet") || /kubelet\.service(\.d\/|$)/u.test(context.filename.replace(/\\/gu, "/"));
        if (!kubelet) return;
        const { last, values } = ipAddressDeny(unit.entries);
        if (!last) return;
        if (values.includes("any") || (values.includes("0.0.0.0/0") && values.includes("::/0"))) return;
        if (!values.length) context.report({ node: { range: last.range }, messageId: "reset" });
        else context.report({ node: { range: last.range }, messageId: "notAny", data: { value: values.join(" ") } });
      },
    };
  },
});
