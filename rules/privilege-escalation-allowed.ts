/**
 * @fileoverview privilege-escalation-allowed: a container whose `securityContext.allowPrivilegeEscalation`
 * is `true` or absent can gain more privileges than its parent process (setuid binaries, file
 * capabilities): the kernel's `no_new_privs` flag is not set. PSS restricted requires `false`
 * from policy v1.8 (silent below); Windows pods are exempt from policy v1.25 (before that they are
 * reported without a fix: the API server rejects the field on a Windows pod).
 */
import { createRule, reportHardening } from "../src/rule.js";
import { asFix, replaceNode, setIn } from "../src/fix/index.js";
import { asScalar, getPair } from "../src/language/query.js";
import { kindLabel } from "./privileged-container.js";
import { atLeast, isWindowsPod, pssWindowsExempt, targetVersion } from "./shared/_part-a.js";

/** Capabilities that, when added, make the API server reject `allowPrivilegeEscalation: false`. */
const SYS_ADMIN = new Set(["CAP_SYS_ADMIN", "SYS_ADMIN"]);

export default createRule({
  name: "privilege-escalation-allowed",
  meta: {
    type: "problem",
    docs: {
      description: "Require allowPrivilegeEscalation: false on every container",
      severity: "high",
      presets: ["recommended", "restricted"],
      standards: { pss: "restricted: Privilege Escalation", cis: ["5.2.6"], nsa: "Kubernetes Pod security: non-root containers and privilege escalation" },
      equivalents: {
        "kube-linter": ["privilege-escalation-container"],
        polaris: ["privilegeEscalationAllowed"],
        checkov: ["CKV_K8S_20"],
        trivy: ["KSV001"],
        kubescape: ["C-0016", "C-0211"],
        kubesec: ["AllowPrivilegeEscalation"],
      },
    },
    messages: {
      explicitTrue:
        "{{containerKind}} '{{name}}' sets allowPrivilegeEscalation: true (high): a process can gain more privileges than its parent (setuid binaries, file capabilities).",
      absent:
        "{{containerKind}} '{{name}}' does not set securityContext.allowPrivilegeEscalation (medium): when absent, privilege escalation is allowed (no_new_privs is not set).",
      forcedByPrivilege:
        "{{containerKind}} '{{name}}' allows privilege escalation ({{reason}}): {{cause}} always allows it, and the API server rejects allowPrivilegeEscalation: false with it. Remove {{cause}} first.",
      windowsBeforeExemption:
        "{{containerKind}} '{{name}}' does not set allowPrivilegeEscalation: false, which PSS restricted at policy v{{version}} requires on Windows pods too (their exemption starts at v1.25); the API server rejects the field on a pod with spec.os.name: windows, so this pod meets restricted only under policy v1.25 or later.",
      setFalse: "Set securityContext.allowPrivilegeEscalation: false.",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const version = targetVersion(context);
    // PSS "Privilege Escalation" starts at policy v1.8.
    if (!atLeast(version, 1, 8)) return {};
    return {
      Container(container) {
        // PSS exempts Windows pods from policy v1.25.
        if (pssWindowsExempt(container.podSpec, version)) return;
        const ape = container.effective.allowPrivilegeEscalation;
        if (ape.value === false) return;
        const pair = getPair(container.securityContext, "allowPrivilegeEscalation");
        // A quoted "false"/"true" is a string: the API server rejects the object (not a runtime risk).
        if (pair && typeof asScalar(pair.value)?.value === "string") return;
        const data = { containerKind: kindLabel(container.containerKind), name: container.name ?? `#${container.index}` };
        const explicit = ape.value === true && ape.pair !== null;
        const reason = explicit ? "allowPrivilegeEscalation: true" : "allowPrivilegeEscalation not set";
        const at = explicit ? ape.pair! : (pair ?? container.namePair ?? container.node.pairs[0] ?? container.node);

        if (isWindowsPod(container.podSpec)) {
          // Policy < v1.25: not exempt, but the field cannot be set on a Windows pod: report only.
          context.report({ node: at, messageId: "windowsBeforeExemption", data: { ...data, version: `${version[0]}.${version[1]}` } });
          return;
        }

        const privileged = container.effective.privileged.value === true;
        const sysAdmin = container.effective.capabilitiesAdd.find((c) => SYS_ADMIN.has(c));
        if (privileged || sysAdmin) {
          // The API server rejects allowPrivilegeEscalation: false here: report only.
          context.report({
            node: at,
            messageId: "forcedByPrivilege",
            data: { ...data, reason, cause: privileged ? "privileged: true" : `capabilities.add ${sysAdmin}` },
          });
          return;
        }
        const edits = explicit && ape.node ? replaceNode(sourceCode, ape.node, "false") : setIn(sourceCode, container.node, ["securityContext"], "allowPrivilegeEscalation", "false");
        reportHardening(context, { node: at, messageId: explicit ? "explicitTrue" : "absent", data }, { messageId: "setFalse", fix: asFix(edits) });
      },
    };
  },
});
