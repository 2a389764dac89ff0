/**
 * @fileoverview apiserver-insecure-port: `--insecure-port` / `--port` on kube-apiserver. Up to
 * 1.19 a non-zero value (default 8080) serves the API over HTTP with no authentication or
 * authorization; 1.20–1.23 accept only 0; from 1.24 the flags do not exist and the server exits.
 */
import { flagRule } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-insecure-port",
  description: "Disallow the kube-apiserver insecure port (--insecure-port, --port)",
  severity: "critical",
  equivalents: { checkov: ["CKV_K8S_88"], "kube-bench": ["1.2.19"] },
  component: "kube-apiserver",
  flags: ["insecure-port", "port"],
  kind: "scalar",
  defaultValue: (minor, flag) => (minor <= 19 && flag === "insecure-port" ? "8080" : null),
  insecureWhen(value, ctx) {
    if (value === null) return false;
    const written = ctx.set?.flags.some((f) => f.name === ctx.flag) ?? false;
    if (ctx.minor <= 19) {
      // kubeadm wrote --insecure-port=0 itself before 1.20.
      if (!written && ctx.kubeadm) return false;
      return value.trim() !== "0";
    }
    if (!written) return false;
    return ctx.minor >= 24 || value.trim() !== "0";
  },
  detail(_value, ctx) {
    if (ctx.minor <= 19) return "the API is served over plain HTTP with no authentication and no authorization";
    if (ctx.minor >= 24) return `kube-apiserver 1.${ctx.minor} does not know this flag and exits at start-up ('unknown flag')`;
    return `kube-apiserver 1.${ctx.minor} accepts only 0 here and exits at start-up`;
  },
  fix: (ctx) => (ctx.minor <= 19 ? { kind: "set", value: "0" } : { kind: "remove" }),
  fixMode: "safe",
  messages: {
    present: "kube-apiserver --{{flag}}={{value}}: {{detail}}.",
    absent: "kube-apiserver runs without --{{flag}}, so the default {{default}} applies: {{detail}}.",
    fix: "Set --{{flag}}=0 (or remove it on 1.20 and later).",
  },
});
