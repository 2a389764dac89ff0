/**
 * @fileoverview run-as-user-root: PSS restricted "Running as Non-root user" — `runAsUser: 0` in the
 * pod or any container securityContext. With an effective `runAsNonRoot: true` it is also a
 * contradiction: the kubelet refuses to start the container. User-namespace pods
 * (`hostUsers: false`) are exempt from policy v1.35 (UID 0 in the pod is not root on the host).
 * The control exists from policy v1.23: the rule is silent for older target versions.
 */
import type { MapNode } from "../src/language/ast.js";
import { getNumber, getPair } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { atLeast, containerLabel, pssUserNamespaceRelaxed, targetVersion } from "./shared/_part-a.js";

export default createRule({
  name: "run-as-user-root",
  meta: {
    type: "problem",
    docs: {
      description: "Forbid runAsUser: 0 (root) in the pod or container securityContext",
      severity: "high",
      presets: ["recommended", "restricted"],
      standards: { pss: "restricted: Running as Non-root user", cis: ["5.2.7"], nsa: "Kubernetes Pod security: non-root containers" },
      equivalents: {
        "kube-linter": ["run-as-non-root"],
        polaris: ["runAsRootAllowed"],
        checkov: ["CKV_K8S_23"],
        trivy: ["KSV105"],
        kubescape: ["C-0013"],
        "kube-score": ["container-security-context-user-group-id"],
      },
    },
    messages: {
      root: "{{where}} sets runAsUser: 0: {{who}} run as root. Use a non-zero UID (for example 10001) that the image supports.",
      contradiction:
        "{{where}} sets runAsUser: 0 while runAsNonRoot is true for {{who}}: the kubelet refuses to start such a container. Use a non-zero UID (for example 10001).",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const version = targetVersion(context);
    // PSS "Running as Non-root user" starts at policy v1.23; before it restricted admits UID 0.
    if (!atLeast(version, 1, 23)) return {};
    const rootPair = (sc: MapNode | null) => (getNumber(sc, "runAsUser") === 0 ? getPair(sc, "runAsUser") : null);
    return {
      PodSpec(podSpec) {
        if (pssUserNamespaceRelaxed(podSpec, version)) return;
        const pod = rootPair(podSpec.securityContext);
        if (pod) {
          // The containers that inherit the pod's UID 0 and also have runAsNonRoot: true cannot start.
          const inheriting = podSpec.containers.filter((c) => c.effective.runAsUser.source === "pod");
          const contradiction = inheriting.some((c) => c.effective.runAsNonRoot.value === true);
          context.report({ node: pod, messageId: contradiction ? "contradiction" : "root", data: { where: "The pod securityContext", who: "containers that do not set their own runAsUser" } });
        }
        for (const c of podSpec.containers) {
          const p = rootPair(c.securityContext);
          if (!p) continue;
          const contradiction = c.effective.runAsNonRoot.value === true;
          context.report({ node: p, messageId: contradiction ? "contradiction" : "root", data: { where: containerLabel(c), who: contradiction ? "it" : "its processes" } });
        }
      },
    };
  },
});
