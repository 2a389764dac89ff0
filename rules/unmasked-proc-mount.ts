/**
 * @fileoverview unmasked-proc-mount: PSS baseline "/proc Mount Type" — `securityContext.procMount`
 * must be unset or `Default`. From policy v1.35 baseline allows any value in a user-namespace pod
 * (`hostUsers: false`); restricted (v1.35+) never does (option `allowInUserNamespacePods`).
 */
import { asFix, replaceNode } from "../src/fix/index.js";
import { getPair, getString } from "../src/language/query.js";
import { createRule, reportHardening } from "../src/rule.js";
import { containerLabel, pssUserNamespaceRelaxed, targetVersion } from "./shared/_part-a.js";

type Options = [{ allowInUserNamespacePods?: boolean }];

export default createRule<"unmasked" | "useDefault", Options>({
  name: "unmasked-proc-mount",
  meta: {
    type: "problem",
    docs: {
      description: "Forbid procMount values other than Default (unmasked /proc)",
      severity: "high",
      presets: ["recommended", "baseline", "restricted"],
      standards: { pss: "baseline: /proc Mount Type; restricted: /proc Mount Type (v1.35+)", nsa: "Kubernetes Pod security" },
      equivalents: { "kube-linter": ["unsafe-proc-mount"], polaris: ["procMount"], trivy: ["KSV027"], kubescape: ["C-0211"] },
    },
    messages: {
      unmasked:
        "{{container}} sets procMount: {{value}}: /proc is mounted without the kernel paths the runtime masks (/proc/kcore, /proc/sysrq-trigger, …), exposing host information and controls. PSS baseline allows only Default.",
      useDefault: "Set procMount: Default.",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: { allowInUserNamespacePods: { type: "boolean" } },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ allowInUserNamespacePods: true }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const version = targetVersion(context);
    return {
      Container(c) {
        const pair = getPair(c.securityContext, "procMount");
        const value = getString(c.securityContext, "procMount");
        if (!pair || value === null || value === "Default") return;
        if (options.allowInUserNamespacePods !== false && pssUserNamespaceRelaxed(c.podSpec, version)) return;
        reportHardening(
          context,
          { node: pair, messageId: "unmasked", data: { container: containerLabel(c), value } },
          { messageId: "useDefault", fix: pair.value ? asFix(replaceNode(sourceCode, pair.value, "Default")) : null },
        );
      },
    };
  },
});
