/**
 * @fileoverview sudo-in-command: a container command that calls `sudo` needs root-capable binaries
 * and setuid escalation inside the image, which defeats running as non-root.
 */
import { createRule } from "../src/rule.js";
import { asScalar, getSeq, seqItems } from "../src/language/query.js";
import { containerLabel } from "../src/k8s-helpers/part-c.js";

export default createRule({
  name: "sudo-in-command",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow sudo in container commands",
      severity: "low",
      presets: ["recommended"],
      equivalents: { kubescape: ["C-0062"] },
    },
    messages: {
      sudo: "{{container}} runs sudo in its {{key}}: the image ships a setuid escalation path to root. Run the process with the user and capabilities it needs instead.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Container(c) {
        for (const key of ["command", "args"] as const) {
          for (const item of seqItems(getSeq(c.node, key))) {
            const s = asScalar(item);
            // The word `sudo` as a program: the whole item, or a command inside a shell string.
            if (s && typeof s.value === "string" && /(?:^|[\s;&|(`]|\$\()sudo(?=\s|$)/u.test(s.value)) {
              context.report({ node: s, messageId: "sudo", data: { container: containerLabel(c), key } });
            }
          }
        }
      },
    };
  },
});
