/**
 * @fileoverview kubelet-legacy-defaults-no-config: a kubelet started without `--config` takes its
 * command-line defaults, three of which are insecure (`--anonymous-auth=true`,
 * `--authorization-mode=AlwaysAllow`, `--read-only-port=10255`; catalog-config.md §0.2). Reported
 * once per command line, listing the defaults that are not overridden by a flag.
 */
import type { FlagSetNode } from "../src/language/ast.js";
import { effectiveFlag } from "../src/language/flags.js";
import { unitFlagSetInfo } from "../src/language/systemd.js";
import { createRule } from "../src/rule.js";
import { appendFlagItem, carrierLabel, fixFrom } from "./shared/_kubelet-rule.js";

type MessageIds = "legacyDefaults" | "addConfig";

/** The insecure command-line defaults a flag set leaves in effect (flags absent). */
export function legacyDefaultsInEffect(set: FlagSetNode): string[] {
  const out: string[] = [];
  if (!effectiveFlag(set, "anonymous-auth")) out.push("--anonymous-auth=true");
  if (!effectiveFlag(set, "authorization-mode")) out.push("--authorization-mode=AlwaysAllow");
  if (!effectiveFlag(set, "read-only-port")) out.push("--read-only-port=10255");
  return out;
}

export default createRule<MessageIds, []>({
  name: "kubelet-legacy-defaults-no-config",
  meta: {
    type: "problem",
    docs: {
      description: "Start the kubelet with a KubeletConfiguration file",
      severity: "critical",
      presets: ["recommended", "cis"],
      standards: { cis: ["4.2.1", "4.2.2", "4.2.4"] },
    },
    messages: {
      legacyDefaults:
        "kubelet in {{carrier}} is started without --config, so its insecure command-line defaults apply: {{defaults}}. Unauthenticated requests reach the kubelet API and are authorized (with AlwaysAllow: /exec, /run, /pods).",
      addConfig: "Add --config=/var/lib/kubelet/config.yaml and write a KubeletConfiguration there (its defaults are secure).",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      FlagSet(set) {
        if (set.component !== "kubelet" || set.hasConfigFile) return;
        if (set.carrier === "extraArgs" || set.carrier === "environment") return; // kubeadm uses --config; env files are fragments
        const defaults = legacyDefaultsInEffect(set);
        if (!defaults.length) return;
        const data = { carrier: carrierLabel(set.carrier), defaults: defaults.join(", ") };
        if (set.carrier === "systemd") {
          const info = unitFlagSetInfo(set);
          if (!info || info.bare || info.unknownVariables.length) return;
          // Never edit ExecStart=: the message says what to add.
          context.report({ node: { range: info.commandRange }, messageId: "legacyDefaults", data });
          return;
        }
        const seq = set.container?.type === "Seq" ? set.container : null;
        const first = seq?.items[0];
        if (!seq || !first) return;
        const fix = fixFrom(appendFlagItem(context.sourceCode, seq, "--config=/var/lib/kubelet/config.yaml"));
        context.report({ node: first, messageId: "legacyDefaults", data, ...(fix ? { suggest: [{ messageId: "addConfig", fix }] } : {}) });
      },
    };
  },
});
