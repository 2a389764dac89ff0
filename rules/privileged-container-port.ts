/**
 * @fileoverview privileged-container-port: a container that listens on a port below 1024 needs
 * root or NET_BIND_SERVICE (or a lowered net.ipv4.ip_unprivileged_port_start).
 */
import { containerPortRule } from "./shared/_b-container-port.js";

export default containerPortRule({
  name: "privileged-container-port",
  description: "Report containers that listen on a privileged port (1-1023)",
  severity: "info",
  message:
    "{{containerKind}} '{{name}}' declares containerPort {{port}} (below 1024): binding it needs root or the NET_BIND_SERVICE capability. Prefer a port ≥ 1024 and map it in the Service.",
  equivalents: { "kube-linter": ["privileged-ports"], trivy: ["KSV117"] },
  matches: (port) => port >= 1 && port <= 1023,
});
