/**
 * @fileoverview kubeconfig-exec-relative-command: an exec credential plugin whose `command` is not
 * an absolute path. client-go looks a bare name up in `PATH` (and resolves `./x` against the
 * kubeconfig's directory), so whoever can put a program earlier in `PATH` — or next to the file —
 * runs it with the user's credentials and decides which token the client sends.
 */
import { asScalar, getMap, getPair, scalarString } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { isKubeconfig, label, namedEntries } from "./shared/_kubeconfig.js";

export default createRule({
  name: "kubeconfig-exec-relative-command",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require kubeconfig exec credential plugins to be given by absolute path",
      severity: "low",
      presets: [],
    },
    messages: {
      relative: "kubeconfig user {{user}} runs the credential plugin '{{command}}' by {{how}}: whatever program is found there runs with this user's environment and supplies the credentials. Give the absolute path of the plugin.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isKubeconfig(resource)) return;
        for (const u of namedEntries(resource, "users")) {
          const s = asScalar(getPair(getMap(u.body, "exec"), "command")?.value ?? null);
          const cmd = scalarString(s);
          if (!s || cmd === null || cmd.trim() === "") continue;
          const c = cmd.trim();
          if (c.startsWith("/") || /^[A-Za-z]:[\\/]/u.test(c) || c.startsWith("\\\\")) continue;
          const how = /[\\/]/u.test(c) ? "a relative path (resolved against the kubeconfig's directory)" : "name (looked up in PATH)";
          context.report({ node: s, messageId: "relative", data: { user: label(u), command: c, how } });
        }
      },
    };
  },
});
