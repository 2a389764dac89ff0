/**
 * @fileoverview flag-duplicate-conflict: a scalar flag is given two or more times with different
 * values in one invocation (static-pod `command` + `args`, a kubeadm v1beta4 `extraArgs` list, a
 * systemd `ExecStart` with its `$VAR` expansions). The component uses the last occurrence
 * (pflag; Go's flag package for etcd), which a reader — and tools that test membership of one
 * string — easily miss. Reported on every losing occurrence and on the winning one.
 */
import type { FlagNode, FlagSetNode } from "../src/language/ast.js";
import { removeFlag } from "../src/fix/flags.js";
import { createRule } from "../src/rule.js";
import { APPEND_FLAGS, carrierLabel, isBoolFlag, isTwoItemForm } from "./shared/_flag-hygiene.js";
import { etcdConfigFile, parseGoBool } from "./shared/_flag-rule.js";

type MessageIds = "overridden" | "winner" | "removeOverridden";

/** The value an occurrence stands for, for comparison (bools parsed; bare or space-form bool = true). */
function comparable(set: FlagSetNode, f: FlagNode): string {
  if (isBoolFlag(set.component, f.name)) {
    if (f.value === null || isTwoItemForm(f)) return "true";
    const b = parseGoBool(f.value.trim());
    return b === null ? f.value : String(b);
  }
  return (f.value ?? "").trim();
}

const shown = (f: FlagNode): string => (f.value === null ? "(bare)" : f.value);

export default createRule<MessageIds>({
  name: "flag-duplicate-conflict",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow a component flag given twice with different values (the last occurrence wins)",
      severity: "medium",
      presets: ["recommended"],
    },
    hasSuggestions: true,
    messages: {
      overridden:
        "--{{flag}}={{value}} ({{carrier}}) has no effect: a later --{{flag}}={{winner}} (line {{line}}) overrides it, because {{component}} uses the last occurrence of a flag.",
      winner:
        "--{{flag}}={{value}} ({{carrier}}) silently overrides {{count}} earlier occurrence(s) with a different value ({{losers}}): {{component}} uses the last one, so check this is the value you mean.",
      removeOverridden: "Delete the overridden --{{flag}}={{value}}.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      FlagSet(set) {
        // etcd with --config-file ignores the command line (etcd-config-file-shadows-flags).
        if (etcdConfigFile(set)) return;
        const byName = new Map<string, FlagNode[]>();
        for (const f of set.flags) {
          const list = byName.get(f.name);
          if (list) list.push(f);
          else byName.set(f.name, [f]);
        }
        for (const [name, occ] of byName) {
          if (occ.length < 2 || APPEND_FLAGS[set.component]?.has(name)) continue;
          const winner = occ[occ.length - 1]!;
          const want = comparable(set, winner);
          const losers = occ.slice(0, -1).filter((f) => comparable(set, f) !== want);
          if (!losers.length) continue;
          const winnerLine = sourceCode.getLoc(winner).start.line;
          for (const l of losers) {
            const edits = removeFlag(sourceCode, set, l);
            context.report({
              node: l,
              messageId: "overridden",
              data: { flag: name, value: shown(l), winner: shown(winner), line: String(winnerLine), carrier: carrierLabel(l), component: set.component },
              ...(edits ? { suggest: [{ messageId: "removeOverridden", data: { flag: name, value: shown(l) }, fix: () => edits }] } : {}),
            });
          }
          context.report({
            node: winner,
            messageId: "winner",
            data: {
              flag: name,
              value: shown(winner),
              carrier: carrierLabel(winner),
              component: set.component,
              count: String(losers.length),
              losers: losers.map((l) => `${shown(l)} on line ${sourceCode.getLoc(l).start.line}`).join(", "),
            },
          });
        }
      },
    };
  },
});
