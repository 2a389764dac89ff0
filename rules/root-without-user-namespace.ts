/**
 * @fileoverview root-without-user-namespace: a container that may run as root (runAsUser 0, or no
 * runAsUser and no runAsNonRoot: true) in a pod without a user namespace is root on the host too
 * once it escapes. With `hostUsers: false` its UID 0 maps to an unprivileged host UID.
 */
import { createRule, reportHardening } from "../src/rule.js";
import { asFix, insertPair } from "../src/fix/index.js";
import { getBool, getPair } from "../src/language/query.js";
import { containerLabel, isWindowsPod, podAnchor, targetVersion, versionAtLeast } from "../src/k8s-helpers/part-c.js";

export default createRule({
  name: "root-without-user-namespace",
  meta: {
    type: "problem",
    docs: {
      description: "Require a user namespace (hostUsers: false) for pods that may run as root",
      severity: "medium",
      presets: ["all"],
      standards: { pss: "relaxes restricted: Running as Non-root and Running as Non-root user (v1.35+)" },
      equivalents: {},
    },
    messages: {
      root: "{{containers}} may run as root (UID 0) and the pod has no user namespace (hostUsers is not false): after a container escape it is root on the node.",
      setHostUsersFalse: "Set hostUsers: false (the pod's UID 0 maps to an unprivileged host UID; needs node support for user namespaces).",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const version = targetVersion(context.settings);
    return {
      PodSpec(podSpec) {
        if (!podSpec.containers.length || isWindowsPod(podSpec)) return;
        if (getBool(podSpec.node, "hostUsers") === false) return;
        const root = podSpec.containers.filter((c) => {
          const user = c.effective.runAsUser.value;
          if (user === 0) return true;
          return user === null && c.effective.runAsNonRoot.value !== true;
        });
        if (!root.length) return;
        const names = root.map(containerLabel);
        const containers = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
        // hostUsers: false cannot be combined with host namespaces; user namespaces are on by default from 1.33.
        const hostNs = ["hostNetwork", "hostPID", "hostIPC"].some((k) => getBool(podSpec.node, k) === true);
        const fixable = !hostNs && !getPair(podSpec.node, "hostUsers") && versionAtLeast(version, 1, 33);
        reportHardening(
          context,
          { node: getPair(podSpec.node, "hostUsers") ?? podAnchor(podSpec), messageId: "root", data: { containers } },
          { messageId: "setHostUsersFalse", fix: asFix(fixable ? insertPair(context.sourceCode, podSpec.node, "hostUsers", "false") : null) },
        );
      },
    };
  },
});
