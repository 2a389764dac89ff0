/**
 * @fileoverview flag-underscore-name: a flag name written with underscores (`--anonymous_auth`).
 * Kubernetes components normalise `_` to `-` (component-base `WordSepNormalizeFunc`), so it works,
 * but tools and readers that compare literal strings miss it. etcd (Go's flag package) does not
 * normalise and refuses to start with an unknown flag. Safe fix: rename with dashes.
 */
import { canEdit } from "../src/fix/index.js";
import { createRule } from "../src/rule.js";
import type { RuleTextEdit } from "../src/rule.js";
import { carrierLabel } from "./shared/_flag-hygiene.js";

type MessageIds = "underscore" | "underscoreEtcd";

export default createRule<MessageIds>({
  name: "flag-underscore-name",
  meta: {
    type: "suggestion",
    docs: {
      description: "Write component flag names with dashes, not underscores",
      severity: "info",
      presets: ["recommended"],
    },
    fixable: "code",
    messages: {
      underscore:
        "--{{raw}} ({{carrier}}) is read by {{component}} as --{{name}} (underscores are normalised to dashes), but tools and reviewers that compare literal flag names miss it. Write --{{name}}.",
      underscoreEtcd:
        "--{{raw}} ({{carrier}}): etcd does not normalise underscores (Go's flag package), so it does not know this flag and refuses to start. Write --{{name}}.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const text = sourceCode.text;
    return {
      FlagSet(set) {
        for (const f of set.flags) {
          if (!f.rawName.includes("_")) continue;
          // ETCD_* env vars carry the dashed name (rawName is derived); nothing written here has underscores.
          if (f.carrier === "environment" && f.node) continue;
          const [a, b] = f.nameRange;
          const at = text.slice(a, b).indexOf(f.rawName);
          let edits: RuleTextEdit[] | null = null;
          const editable = f.carrier === "systemd" ? f.editable : f.carrier !== "environment" && canEdit(sourceCode, a, b);
          if (at !== -1 && editable) edits = [{ range: [a + at, a + at + f.rawName.length], text: f.rawName.replace(/_/gu, "-") }];
          context.report({
            node: { range: f.nameRange },
            messageId: set.component === "etcd" ? "underscoreEtcd" : "underscore",
            data: { raw: f.rawName, name: f.name, carrier: carrierLabel(f), component: set.component },
            ...(edits ? { fix: () => edits } : {}),
          });
        }
      },
    };
  },
});
