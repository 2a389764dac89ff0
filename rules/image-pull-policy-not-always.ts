/**
 * @fileoverview image-pull-policy-not-always: with `IfNotPresent`/`Never` a node reuses a cached
 * image without asking the registry, so a pod can start from an image its service account may not
 * pull, or from stale content under a moved tag. Digest-pinned images are exempt.
 */
import { createRule } from "../src/rule.js";
import { asFix, replaceNode, setMapValue } from "../src/fix/index.js";
import { getPair, scalarString } from "../src/language/query.js";
import { containerKindLabel, containerName, imageOf, parseImage } from "../src/k8s-helpers/part-b.js";

export default createRule({
  name: "image-pull-policy-not-always",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require imagePullPolicy: Always for images not pinned by digest",
      severity: "low",
      presets: [],
      equivalents: { polaris: ["pullPolicyNotAlways"], checkov: ["CKV_K8S_15"], kubescape: ["C-0075"], "kube-score": ["container-image-pull-policy"] },
    },
    messages: {
      explicit: "{{containerKind}} '{{name}}' sets imagePullPolicy: {{policy}}: a node reuses a cached '{{image}}' without checking the registry (stale content, no pull authorization).",
      defaulted:
        "{{containerKind}} '{{name}}' has no imagePullPolicy, so it defaults to IfNotPresent for the tagged image '{{image}}': a node reuses a cached copy without checking the registry.",
      setAlways: "Set imagePullPolicy: Always.",
    },
    fixable: "code",
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      Container(container) {
        const img = imageOf(container);
        const ref = img ? parseImage(img.value) : null;
        // Digest-pinned images cannot change: the pull policy does not matter (FairwindsOps/polaris#1058).
        if (!img || !ref || ref.digest) return;
        const pair = getPair(container.node, "imagePullPolicy");
        const policy = scalarString(pair?.value ?? null);
        const data = { containerKind: containerKindLabel(container.containerKind), name: containerName(container), image: img.value };
        if (policy !== null) {
          if (policy === "Always") return;
          context.report({ node: pair!, messageId: "explicit", data: { ...data, policy }, fix: asFix(replaceNode(sourceCode, pair!.value!, "Always")) });
          return;
        }
        // Absent: Always for ':latest' and untagged images, else IfNotPresent.
        if (ref.tag === null || ref.tag === "latest") return;
        context.report({ node: img.pair, messageId: "defaulted", data, fix: asFix(setMapValue(sourceCode, container.node, "imagePullPolicy", "Always")) });
      },
    };
  },
});
