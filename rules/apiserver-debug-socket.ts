/**
 * @fileoverview apiserver-debug-socket: `--debug-socket-path` opens an unprotected unix-domain
 * socket (no authentication, no authorization) for profiling.
 */
import { flagRule } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-debug-socket",
  description: "Disallow the unauthenticated kube-apiserver debug socket (--debug-socket-path)",
  severity: "low",
  component: "kube-apiserver",
  flags: ["debug-socket-path"],
  kind: "scalar",
  insecureWhen: (value) => value !== null && value.trim() !== "",
  fix: { kind: "remove" },
  fixMode: "safe",
  messages: {
    present:
      "kube-apiserver --{{flag}}={{value}}: the API server listens on an unprotected unix-domain socket for profiling (no authentication, no authorization); any local process that can open the path gets it.",
    absent: "kube-apiserver has no --{{flag}}.",
    fix: "Remove --{{flag}}.",
  },
});
