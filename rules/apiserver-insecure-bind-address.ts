/**
 * @fileoverview apiserver-insecure-bind-address: `--insecure-bind-address` / `--address` on
 * kube-apiserver. Up to 1.19 it exposes the unauthenticated insecure port on that address; from
 * 1.20 it has no effect, and from 1.24 the flag does not exist and the server exits.
 */
import { flagRule, isLoopbackHost } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-insecure-bind-address",
  description: "Disallow the kube-apiserver insecure bind address (--insecure-bind-address, --address)",
  severity: "critical",
  equivalents: { checkov: ["CKV_K8S_86"], "kube-bench": ["1.2.18"] },
  component: "kube-apiserver",
  flags: ["insecure-bind-address", "address"],
  kind: "scalar",
  insecureWhen(value, ctx) {
    if (value === null) return false;
    if (ctx.minor >= 20) return true;
    // Up to 1.19: harmful only on a non-loopback address with the insecure port on (default 8080).
    const port = ctx.value("insecure-port") ?? ctx.value("port");
    return port?.trim() !== "0" && !isLoopbackHost(value.trim().replace(/^\[|\]$/gu, "").toLowerCase());
  },
  detail(_value, ctx) {
    if (ctx.minor <= 19) return "the insecure port (no authentication, no authorization) listens on this address";
    if (ctx.minor >= 24) return `kube-apiserver 1.${ctx.minor} does not know this flag and exits at start-up ('unknown flag')`;
    return `the flag has no effect since 1.20 and is removed in 1.24 (the server then exits at start-up)`;
  },
  // Up to 1.19 removing it falls back to 127.0.0.1 (the default), still the insecure port, but local only.
  fix: { kind: "remove" },
  fixMode: "safe",
  messages: {
    present: "kube-apiserver --{{flag}}={{value}}: {{detail}}.",
    absent: "kube-apiserver has no --{{flag}}.",
    fix: "Remove --{{flag}}.",
  },
});
