/**
 * @fileoverview apiserver-logs-handler: `--enable-logs-handler=true` installs the deprecated
 * /logs handler, which serves the control-plane host's log directory over the API.
 */
import { flagRule } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-logs-handler",
  description: "Disallow the deprecated /logs handler of kube-apiserver (--enable-logs-handler=true)",
  severity: "low",
  component: "kube-apiserver",
  flags: ["enable-logs-handler"],
  kind: "bool",
  // Only an explicit true is reported: the built-in default is left to the release.
  insecureWhen: (value) => value === "true",
  fix: { kind: "remove" },
  fixMode: "safe",
  messages: {
    present:
      "kube-apiserver --{{flag}}={{value}} installs the /logs handler (deprecated): log files of the control-plane host are served to any client allowed to get /logs.",
    absent: "kube-apiserver has no --{{flag}}.",
    fix: "Remove --{{flag}}.",
  },
});
