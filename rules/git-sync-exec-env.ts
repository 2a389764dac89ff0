/**
 * @fileoverview git-sync-exec-env: git-sync's `GITSYNC_GIT` (v3: `GIT_SYNC_GIT`) variable or `--git`
 * flag names the binary git-sync executes: whoever controls it runs arbitrary code in the pod.
 */
import { createRule } from "../src/rule.js";
import { asMap, asScalar, getPair, getSeq, scalarString, seqItems } from "../src/language/query.js";
import { containerLabel } from "../src/k8s-helpers/part-c.js";

const ENV_NAMES = new Set(["GITSYNC_GIT", "GIT_SYNC_GIT"]);

export default createRule({
  name: "git-sync-exec-env",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow overriding the git binary that git-sync executes",
      severity: "medium",
      presets: ["recommended"],
      equivalents: { checkov: ["CKV_K8S_159"] },
    },
    messages: {
      env: "{{container}} sets {{env}}: git-sync executes the binary it names instead of git, so this runs an arbitrary program in the pod. Remove it.",
      flag: "{{container}} passes --git to git-sync: it executes the binary it names instead of git, so this runs an arbitrary program in the pod. Remove it.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Container(c) {
        for (const item of seqItems(getSeq(c.node, "env"))) {
          const namePair = getPair(asMap(item), "name");
          const name = scalarString(namePair?.value);
          if (namePair && name !== null && ENV_NAMES.has(name)) context.report({ node: namePair, messageId: "env", data: { container: containerLabel(c), env: name } });
        }
        const image = scalarString(getPair(c.node, "image")?.value) ?? "";
        if (!/git-sync/u.test(image)) return;
        for (const key of ["command", "args"]) {
          for (const arg of seqItems(getSeq(c.node, key))) {
            const s = asScalar(arg);
            if (s && typeof s.value === "string" && /^--git(?:=|$)/u.test(s.value)) context.report({ node: s, messageId: "flag", data: { container: containerLabel(c) } });
          }
        }
      },
    };
  },
});
