/**
 * @fileoverview etcd-config-file-shadows-flags: etcd is given `--config-file` (or
 * `ETCD_CONFIG_FILE`): it then reads only that YAML file and ignores every other command-line
 * flag and `ETCD_*` variable (etcd `etcdmain/config.go`: "other configuration command line flags
 * and environment variables will be ignored if provided"). The etcd flag rules do not judge the
 * ignored flags; this rule says so. Info, no fix.
 */
import { createRule } from "../src/rule.js";
import { carrierLabel } from "./shared/_flag-hygiene.js";
import { etcdConfigFile } from "./shared/_flag-rule.js";

type MessageIds = "shadows";

export default createRule<MessageIds>({
  name: "etcd-config-file-shadows-flags",
  meta: {
    type: "suggestion",
    docs: {
      description: "Report etcd --config-file, which makes etcd ignore every other flag and ETCD_* variable",
      severity: "info",
      presets: ["recommended"],
    },
    messages: {
      shadows:
        "etcd --config-file={{file}} ({{carrier}}): etcd reads only this file and ignores the other {{ignored}} flag(s) and ETCD_* variable(s) here{{names}}. Lint the configuration file itself; the flags here are not checked.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      FlagSet(set) {
        const cf = etcdConfigFile(set);
        if (!cf) return;
        const others = set.flags.filter((f) => f.name !== "config-file");
        const names = [...new Set(others.map((f) => `--${f.name}`))];
        context.report({
          node: cf,
          messageId: "shadows",
          data: {
            file: cf.value ?? "",
            carrier: carrierLabel(cf),
            ignored: String(others.length),
            names: names.length ? ` (${names.slice(0, 6).join(", ")}${names.length > 6 ? ", …" : ""})` : "",
          },
        });
      },
    };
  },
});
