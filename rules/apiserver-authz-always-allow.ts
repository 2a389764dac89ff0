/**
 * @fileoverview apiserver-authz-always-allow: kube-apiserver authorizes every request — the
 * `AlwaysAllow` authorizer in `--authorization-mode` (or in an `AuthorizationConfiguration`), or
 * neither `--authorization-mode` nor `--authorization-config` set (the default is AlwaysAllow).
 */
import { effectiveFlag, flagListValues } from "../src/language/flags.js";
import { asMap, getSeq, getString, seqItems } from "../src/language/query.js";
import { removeFromListFlag, setFlag } from "../src/fix/flags.js";
import { createRule } from "../src/rule.js";
import { unitFlagSetInfo } from "../src/language/systemd.js";
import type { RuleTextEdit } from "../src/rule.js";

export default createRule({
  name: "apiserver-authz-always-allow",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow the AlwaysAllow authorizer in kube-apiserver (explicit, or by default when no authorization mode is set)",
      severity: "critical",
      presets: ["recommended", "cis"],
      standards: { cis: ["1.2.6"] },
      equivalents: { checkov: ["CKV_K8S_74"], trivy: ["KCV-0007"], "kube-bench": ["1.2.6"] },
    },
    messages: {
      alwaysAllow:
        "--authorization-mode includes AlwaysAllow: every authenticated (and, with anonymous auth, unauthenticated) request is allowed; authorizers after it are never consulted.",
      absent:
        "kube-apiserver sets neither --authorization-mode nor --authorization-config: the default authorizer is AlwaysAllow, so every request is allowed.",
      configAlwaysAllow:
        "AuthorizationConfiguration lists an AlwaysAllow authorizer: every request that reaches it is allowed; authorizers after it are never consulted.",
      removeAlwaysAllow: "Remove AlwaysAllow from --authorization-mode.",
      setNodeRbac: "Set --authorization-mode=Node,RBAC (kubeadm's default; nodes need system:node:<name> client certificates).",
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
        const occurrences = set.flags.filter((f) => f.name === "authorization-mode");
        if (!occurrences.length) {
          // With --authorization-config the file decides. kubeadm writes --authorization-mode=Node,RBAC
          // itself, so an extraArgs without the flag is not AlwaysAllow.
          if (effectiveFlag(set, "authorization-config") || set.carrier === "extraArgs") return;
          // A systemd unit: the flag may come from an environment file that is not in the run.
          const unit = unitFlagSetInfo(set);
          if (unit && unit.unknownVariables.length > 0) return;
          const edits = setFlag(sourceCode, set, "authorization-mode", "Node,RBAC");
          context.report({
            // A unit: on the ExecStart= command word.
            node: set.container ?? (unit ? { range: unit.commandRange } : set),
            messageId: "absent",
            suggest: edits ? [{ messageId: "setNodeRbac", fix: () => edits }] : null,
          });
          return;
        }
        if (!flagListValues(set, "authorization-mode").includes("AlwaysAllow")) return;
        for (const flag of occurrences) {
          const items = (flag.value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
          if (!items.includes("AlwaysAllow")) continue;
          let suggest: { messageId: "removeAlwaysAllow" | "setNodeRbac"; fix: () => RuleTextEdit[] }[] | null = null;
          const others = items.filter((i) => i !== "AlwaysAllow");
          if (others.length) {
            const edits = removeFromListFlag(sourceCode, set, flag, "AlwaysAllow");
            // Every occurrence of AlwaysAllow in this flag must go for the finding to disappear.
            if (edits && items.filter((i) => i === "AlwaysAllow").length === 1) suggest = [{ messageId: "removeAlwaysAllow", fix: () => edits }];
          } else if (occurrences.length === 1) {
            const edits = setFlag(sourceCode, set, "authorization-mode", "Node,RBAC");
            if (edits) suggest = [{ messageId: "setNodeRbac", fix: () => edits }];
          }
          context.report({ node: { range: flag.range }, messageId: "alwaysAllow", suggest });
        }
      },
      Resource(resource) {
        if (resource.kind !== "AuthorizationConfiguration" || !resource.apiVersion?.startsWith("apiserver.config.k8s.io/")) return;
        for (const item of seqItems(getSeq(resource.node, "authorizers"))) {
          const m = asMap(item);
          if (m && getString(m, "type") === "AlwaysAllow") context.report({ node: m, messageId: "configAlwaysAllow" });
        }
      },
    };
  },
});
