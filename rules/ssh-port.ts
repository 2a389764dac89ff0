/**
 * @fileoverview ssh-port: a container that exposes TCP port 22 usually runs an SSH server.
 */
import { containerPortRule } from "./shared/_b-container-port.js";

export default containerPortRule({
  name: "ssh-port",
  description: "Report containers that expose the SSH port (22/TCP)",
  severity: "low",
  message:
    "{{containerKind}} '{{name}}' exposes port 22/{{protocol}}: an SSH server in a container is an extra way in that bypasses the Kubernetes API's authentication and audit. Use kubectl exec or debug instead.",
  equivalents: { "kube-linter": ["ssh-port"], kubescape: ["C-0042"] },
  matches: (port, protocol) => port === 22 && protocol === "TCP",
});
