/**
 * @fileoverview apiserver-anonymous-auth-enabled: kube-apiserver accepts anonymous requests
 * (`--anonymous-auth` absent or true; the default is true). Suggestion only: setting it to false
 * breaks health probes that call /livez, /readyz and /healthz without credentials.
 */
import { effectiveFlag } from "../src/language/flags.js";
import { isSpaceForm, setFlag } from "../src/fix/flags.js";
import { createRule } from "../src/rule.js";
import { unitFlagSetInfo } from "../src/language/systemd.js";

/** Go's strconv.ParseBool, which pflag uses for bool flags. Null when the value is not a bool. */
export function parseGoBool(value: string): boolean | null {
  if (["1", "t", "T", "TRUE", "true", "True"].includes(value)) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(value)) return false;
  return null;
}

export default createRule({
  name: "apiserver-anonymous-auth-enabled",
  meta: {
    type: "suggestion",
    docs: {
      description: "Flag a kube-apiserver that accepts anonymous requests (--anonymous-auth absent or true)",
      severity: "medium",
      presets: ["recommended", "cis"],
      standards: { cis: ["1.2.1"] },
      equivalents: { checkov: ["CKV_K8S_68"], trivy: ["KCV-0001"], "kube-bench": ["1.2.1"] },
    },
    messages: {
      absent:
        "kube-apiserver accepts anonymous requests: --anonymous-auth is not set and defaults to true. Unauthenticated users get whatever RBAC grants system:anonymous and system:unauthenticated.",
      enabled:
        "kube-apiserver accepts anonymous requests: --anonymous-auth is {{value}}. Unauthenticated users get whatever RBAC grants system:anonymous and system:unauthenticated.",
      spaceForm:
        "kube-apiserver accepts anonymous requests: '--anonymous-auth {{value}}' is written with a space, so the flag is set to true and '{{value}}' becomes a stray argument.",
      setFalse:
        "Set --anonymous-auth=false (unauthenticated liveness/readiness probes and load-balancer checks of /livez, /readyz, /healthz will then fail; see the rule docs for the AuthenticationConfiguration alternative).",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      FlagSet(set) {
        if (set.component !== "kube-apiserver") return;
        const flag = effectiveFlag(set, "anonymous-auth");
        const suggest = () => {
          const edits = setFlag(sourceCode, set, "anonymous-auth", "false");
          return edits ? [{ messageId: "setFalse" as const, fix: () => edits }] : null;
        };
        if (!flag) {
          // With --authentication-config the file decides (the two are mutually exclusive).
          if (effectiveFlag(set, "authentication-config")) return;
          // A systemd unit: the flag may come from an environment file that is not in the run.
          const unit = unitFlagSetInfo(set);
          if (unit && unit.unknownVariables.length > 0) return;
          // A unit: on the ExecStart= command word.
          const node = set.container ?? (unit ? { range: unit.commandRange } : set);
          context.report({ node, messageId: "absent", suggest: suggest() });
          return;
        }
        if (isSpaceForm(flag)) {
          // pflag: `--bool false` sets true; the rewrite belongs to flag-bool-space-value.
          context.report({ node: { range: flag.range }, messageId: "spaceForm", data: { value: flag.value ?? "" } });
          return;
        }
        const value = flag.value === null ? true : parseGoBool(flag.value.trim());
        if (value !== true) return; // false, or not a bool (the server refuses to start: another rule's finding)
        context.report({
          node: { range: flag.range },
          messageId: "enabled",
          data: { value: flag.value === null ? "set without a value (true)" : `'${flag.value}'` },
          suggest: suggest(),
        });
      },
    };
  },
});
