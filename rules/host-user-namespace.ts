/**
 * @fileoverview host-user-namespace (opt-in): pods without `hostUsers: false` run in the node's
 * user namespace, so UID 0 in the container is UID 0 on the node.
 */
import { createRule, reportHardening } from "../src/rule.js";
import { asFix, replaceNode, setMapValue } from "../src/fix/index.js";
import { getMap, getPair, getString, scalarBool } from "../src/language/query.js";
import { podAnchor, podTrue, targetVersion, versionAtLeast } from "../src/k8s-helpers/part-b.js";

export default createRule({
  name: "host-user-namespace",
  meta: {
    type: "suggestion",
    docs: {
      description: "Suggest user namespaces (hostUsers: false) for pods",
      severity: "info",
      presets: [],
      standards: { pss: "(none; hostUsers: false relaxes runAsNonRoot, runAsUser and baseline procMount from v1.35)" },
      equivalents: { kubesec: ["HostUsers"] },
    },
    messages: {
      absent: "The pod does not set hostUsers: false: it shares the node's user namespace, so root in a container is root on the node after an escape.",
      explicitTrue: "The pod sets hostUsers: true: it shares the node's user namespace, so root in a container is root on the node after an escape.",
      setFalse: "Set hostUsers: false (needs Linux ≥ 6.3 and a runtime with user-namespace support on the nodes).",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    // User namespaces are on by default (beta, feature gate UserNamespacesSupport) from v1.33.
    if (!versionAtLeast(targetVersion(context.settings), 1, 33)) return {};
    const sourceCode = context.sourceCode;
    return {
      PodSpec(podSpec) {
        if (!podSpec.containers.length) return;
        // Windows pods cannot use user namespaces (the API rejects hostUsers: false there).
        if (getString(getMap(podSpec.node, "os"), "name") === "windows") return;
        const pair = getPair(podSpec.node, "hostUsers");
        const value = scalarBool(pair?.value ?? null);
        if (value === false) return;
        if (pair && value === null && pair.value && pair.value.type === "Scalar" && pair.value.value !== null) return; // a string: the API rejects it
        const explicit = value === true && pair !== null;
        // The API rejects hostUsers: false together with host namespaces: report only.
        const blocked = ["hostNetwork", "hostPID", "hostIPC"].some((k) => podTrue(podSpec, k));
        const edits = blocked ? null : explicit && pair?.value ? replaceNode(sourceCode, pair.value, "false") : setMapValue(sourceCode, podSpec.node, "hostUsers", "false");
        reportHardening(context, { node: explicit ? pair! : podAnchor(podSpec), messageId: explicit ? "explicitTrue" : "absent" }, { messageId: "setFalse", fix: asFix(edits) });
      },
    };
  },
});
