/**
 * @fileoverview flag-removed: a flag the target Kubernetes version no longer has. pflag rejects
 * unknown flags, so the component exits at start-up ("unknown flag: --insecure-port"). The
 * target version is the static pod's image tag, a ClusterConfiguration's `kubernetesVersion`,
 * else `settings.kubeguard.kubernetesVersion` (default 1.34). Safe fix: delete the occurrence.
 */
import type { FlagSetNode } from "../src/language/ast.js";
import { removeFlag } from "../src/fix/flags.js";
import { createRule } from "../src/rule.js";
import { carrierLabel } from "./shared/_flag-hygiene.js";
import { targetMinor } from "./shared/_flag-rule.js";

type MessageIds = "removed";

interface Removal {
  /** First minor version without the flag. */
  removedIn: number;
  why: string;
}

/**
 * Removed flags with the release that removed them (catalog-config.md §1.0 row flag-removed):
 * the insecure-serving flags (no effect since 1.20, removed in 1.24 — kubernetes/kubernetes#95856,
 * "unknown flag: --insecure-port" in openshift/cluster-kube-apiserver-operator#1346) and basic
 * authentication (removed in 1.19).
 */
const REMOVED: Record<string, Record<string, Removal>> = {
  "kube-apiserver": {
    "insecure-port": { removedIn: 24, why: "the insecure HTTP port was removed" },
    port: { removedIn: 24, why: "the insecure HTTP port was removed" },
    "insecure-bind-address": { removedIn: 24, why: "the insecure HTTP port was removed" },
    address: { removedIn: 24, why: "the insecure HTTP port was removed" },
    "basic-auth-file": { removedIn: 19, why: "static password (basic) authentication was removed" },
  },
};

export default createRule<MessageIds>({
  name: "flag-removed",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow component flags that the target Kubernetes version removed (the component exits at start-up)",
      severity: "high",
      presets: ["recommended"],
    },
    fixable: "code",
    messages: {
      removed:
        "--{{flag}} ({{carrier}}) does not exist in {{component}} 1.{{minor}} ({{why}} in 1.{{removedIn}}): the component exits at start-up with 'unknown flag: --{{flag}}'. Delete it.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const settingsVersion = context.settings.kubeguard?.kubernetesVersion;
    return {
      FlagSet(set: FlagSetNode) {
        const table = REMOVED[set.component];
        if (!table) return;
        const minor = targetMinor(set, set.resource ?? null, settingsVersion);
        for (const f of set.flags) {
          const r = table[f.name];
          if (!r || minor < r.removedIn) continue;
          const edits = removeFlag(sourceCode, set, f);
          context.report({
            node: f,
            messageId: "removed",
            data: { flag: f.name, carrier: carrierLabel(f), component: set.component, minor: String(minor), why: r.why, removedIn: String(r.removedIn) },
            ...(edits ? { fix: () => edits } : {}),
          });
        }
      },
    };
  },
});
