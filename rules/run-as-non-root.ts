/**
 * @fileoverview run-as-non-root: every container must run with an effective `runAsNonRoot: true`
 * (container value, else the pod's). An explicit `false` at either level always fails (PSS restricted).
 * Without it the image's USER decides, and that is root (UID 0) when the image sets none.
 */
import { createRule, reportHardening } from "../src/rule.js";
import type { ContainerNode, PairNode, PodSpecNode } from "../src/language/ast.js";
import { asFix, replaceNode, setIn } from "../src/fix/index.js";
import { asScalar, getBool, getPair } from "../src/language/query.js";
import { targetVersionOf, versionAtLeast } from "../src/k8s-version.js";
import { kindLabel } from "./privileged-container.js";


function label(c: ContainerNode): string {
  return `${kindLabel(c.containerKind).toLowerCase()} '${c.name ?? `#${c.index}`}'`;
}

/** The explicit boolean `false` pair at `runAsNonRoot` of a securityContext, if any. */
function explicitFalse(sc: ContainerNode["securityContext"]): PairNode | null {
  const p = getPair(sc, "runAsNonRoot");
  return p && asScalar(p.value)?.value === false ? p : null;
}

/** Where a pod-level finding is reported: the pod's `securityContext` key, else the first container list key. */
function podAnchor(podSpec: PodSpecNode): { range: [number, number] } {
  for (const key of ["securityContext", "containers", "initContainers", "ephemeralContainers"]) {
    const p = getPair(podSpec.node, key);
    if (p?.key) return p.key;
  }
  return podSpec;
}

export default createRule({
  name: "run-as-non-root",
  meta: {
    type: "problem",
    docs: {
      description: "Require containers to run with runAsNonRoot: true (pod or container level)",
      severity: "high",
      presets: ["recommended", "restricted"],
      standards: { pss: "restricted: Running as Non-root", cis: ["5.2.7"], nsa: "Kubernetes Pod security: non-root containers" },
      equivalents: {
        "kube-linter": ["run-as-non-root"],
        polaris: ["runAsRootAllowed"],
        checkov: ["CKV_K8S_23"],
        trivy: ["KSV012"],
        kubescape: ["C-0013", "C-0211"],
        kubesec: ["RunAsNonRoot"],
      },
    },
    messages: {
      podFalse: "The pod securityContext sets runAsNonRoot: false: containers that do not override it may run as root (UID 0).",
      containerFalse: "{{containerKind}} '{{name}}' sets runAsNonRoot: false: it may run as root (UID 0). An explicit false always fails, whatever the pod sets.",
      unset:
        "runAsNonRoot is set neither in the pod securityContext nor in {{containers}}: the image's USER decides, which is root (UID 0) when the image sets none.",
      setPodTrue: "Set runAsNonRoot: true in the pod securityContext (the pod fails to start if an image runs as UID 0 without a non-zero runAsUser).",
      setContainerTrue: "Set runAsNonRoot: true on this container.",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const version = targetVersionOf(context.settings);
    return {
      PodSpec(podSpec) {
        if (!podSpec.containers.length) return;
        // User-namespace pods: PSS (≥ v1.35) allows any runAsNonRoot value.
        if (getBool(podSpec.node, "hostUsers") === false && versionAtLeast(version, 1, 35)) return;
        const podFalse = explicitFalse(podSpec.securityContext);
        if (podFalse?.value) {
          reportHardening(context, { node: podFalse, messageId: "podFalse" }, { messageId: "setPodTrue", fix: asFix(replaceNode(sourceCode, podFalse.value, "true")) });
        }
        const unset: ContainerNode[] = [];
        for (const c of podSpec.containers) {
          const own = explicitFalse(c.securityContext);
          if (own?.value) {
            reportHardening(
              context,
              { node: own, messageId: "containerFalse", data: { containerKind: kindLabel(c.containerKind), name: c.name ?? `#${c.index}` } },
              { messageId: "setContainerTrue", fix: asFix(replaceNode(sourceCode, own.value, "true")) },
            );
          } else if (c.effective.runAsNonRoot.value !== true) unset.push(c);
        }
        // A pod-level false is already reported; fixing it covers the containers that leave the field unset.
        if (!unset.length || podFalse) return;
        const names = unset.map(label);
        const containers = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
        reportHardening(
          context,
          { node: podAnchor(podSpec), messageId: "unset", data: { containers } },
          { messageId: "setPodTrue", fix: asFix(setIn(sourceCode, podSpec.node, ["securityContext"], "runAsNonRoot", "true")) },
        );
      },
    };
  },
});
