/**
 * @fileoverview kubelet-tls-min-version-weak: `--tls-min-version` / `tlsMinVersion` allows TLS 1.0
 * or 1.1 on the kubelet's server (unset means TLS 1.2).
 */
import { kubeletRule, readConfigString } from "./shared/_kubelet-rule.js";

export default kubeletRule({
  name: "kubelet-tls-min-version-weak",
  description: "Disallow TLS 1.0 and 1.1 on the kubelet's server",
  severity: "medium",
  flag: "tls-min-version",
  configPath: [],
  configField: "tlsMinVersion",
  readConfig: readConfigString,
  isInsecure: (v) => v === "VersionTLS10" || v === "VersionTLS11",
  flagDefault: null,
  configDefault: null,
  fix: { kind: "set", flag: () => "VersionTLS12", config: () => "VersionTLS12" },
  fixMode: "safe",
  risk: "clients can negotiate TLS 1.0/1.1 with the kubelet's server (ports 10250 and the read-only port).",
  messages: { setFlag: "Set --tls-min-version=VersionTLS12.", setConfig: "Set tlsMinVersion: VersionTLS12." },
});
