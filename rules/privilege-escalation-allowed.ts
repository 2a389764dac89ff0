/**
 * @fileoverview privilege-escalation-allowed: a container whose `securityContext.allowPrivilegeEscalation`
 * is `true` or absent can gain more privileges than its parent process (setuid binaries, file
 * capabilities): the kernel's `no_new_privs` flag is not set. PSS restricted requires `false`.
 */
import { createRule, reportHardening } from "../src/rule.js";
import { asFix, replaceNode, setIn } from "../src/fix/index.js";
import { asScalar, getMap, getPair, getString } from "../src/language/query.js";
import { kindLabel } from "./privileged-container.js";

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
      standards: { pss: "restricted: Privilege Escalation", cis: ["5.2.5"], nsa: "Kubernetes Pod security: non-root containers and privilege escalation" },
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
      setFalse: "Set securityContext.allowPrivilegeEscalation: false.",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      Container(container) {
        // PSS exempts Windows pods (policy ≥ v1.25); the field cannot be set there.
        if (getString(getMap(container.podSpec.node, "os"), "name") === "windows") return;
        const ape = container.effective.allowPrivilegeEscalation;
        if (ape.value === false) return;
        const pair = getPair(container.securityContext, "allowPrivilegeEscalation");
        // A quoted "false"/"true" is a string: the API server rejects the object (not a runtime risk).
        if (pair && typeof asScalar(pair.value)?.value === "string") return;
        const data = { containerKind: kindLabel(container.containerKind), name: container.name ?? `#${container.index}` };
        const explicit = ape.value === true && ape.pair !== null;
        const reason = explicit ? "allowPrivilegeEscalation: true" : "allowPrivilegeEscalation not set";
        const at = explicit ? ape.pair! : (pair ?? container.namePair ?? container.node.pairs[0] ?? container.node);

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
