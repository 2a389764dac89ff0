/**
 * @fileoverview image-deprecated-registry: `k8s.gcr.io` was frozen in April 2023 and is being shut
 * down; the same images are served from `registry.k8s.io`.
 */
import { createRule } from "../src/rule.js";
import { canEdit } from "../src/fix/index.js";
import type { RuleTextEdit } from "../src/rule.js";
import { containerKindLabel, containerName, imageOf, parseImage } from "../src/k8s-helpers/part-b.js";

const OLD = "k8s.gcr.io";
const NEW = "registry.k8s.io";

export default createRule({
  name: "image-deprecated-registry",
  meta: {
    type: "problem",
    docs: {
      description: "Replace images from the frozen k8s.gcr.io registry with registry.k8s.io",
      severity: "low",
      presets: ["recommended"],
      equivalents: { kubescape: ["C-0253"] },
    },
    messages: {
      deprecated:
        "{{containerKind}} '{{name}}' pulls '{{image}}' from k8s.gcr.io, which has been frozen since April 2023 and is being shut down: pulls will fail. The same images are on registry.k8s.io.",
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
        if (!img || !ref || ref.registry !== OLD) return;
        // Replace only the host text inside the scalar (plain or quoted), keeping the quoting.
        const [start, end] = img.node.range;
        const written = sourceCode.text.slice(start, end);
        const at = written.indexOf(OLD);
        const hostAt = start + at;
        const edit: RuleTextEdit | null = (at === 0 || at === 1) && written.slice(at, at + OLD.length + 1) === `${OLD}/` && canEdit(sourceCode, hostAt, hostAt + OLD.length) ? { range: [hostAt, hostAt + OLD.length], text: NEW } : null;
        context.report({
          node: img.node,
          messageId: "deprecated",
          data: { containerKind: containerKindLabel(container.containerKind), name: containerName(container), image: img.value },
          fix: edit ? () => edit : null,
        });
      },
    };
  },
});
