/**
 * @fileoverview etcd-weak-tls: etcd allows weak TLS: `--tls-min-version` below TLS1.2 (default
 * TLS1.2) or `--cipher-suites` with a weak suite (RC4, 3DES, CBC-SHA256, RSA key exchange). etcd
 * replaces a flag's value on each occurrence (Go's flag package), so the last one counts.
 * Safe fix: TLS1.2; drop the weak suites (delete the flag when none is left).
 */
import { weakCipherReason } from "./shared/_flag-hygiene.js";
import { flagRule, listItems } from "./shared/_flag-rule.js";

const WEAK_VERSIONS = new Set(["TLS1.0", "TLS1.1"]);

export default flagRule({
  id: "etcd-weak-tls",
  description: "Disallow TLS versions below 1.2 and weak cipher suites in etcd",
  severity: "medium",
  component: "etcd",
  flags: ["tls-min-version", "cipher-suites"],
  kind: "scalar",
  insecureWhen: (value, ctx) => {
    if (value === null) return false;
    if (ctx.flag === "tls-min-version") return WEAK_VERSIONS.has(value.trim());
    return listItems(value).some((c) => weakCipherReason(c) !== null);
  },
  detail: (value, ctx) =>
    ctx.flag === "tls-min-version"
      ? "TLS 1.0 and 1.1 are deprecated (RFC 8996) and open to downgrade attacks"
      : `weak suites: ${listItems(value)
          .filter((c) => weakCipherReason(c) !== null)
          .map((c) => `${c} (${weakCipherReason(c)})`)
          .join(", ")}`,
  fix: (ctx) => {
    if (ctx.flag === "tls-min-version") return { kind: "set", value: "TLS1.2" };
    const kept = listItems(ctx.value("cipher-suites")).filter((c) => weakCipherReason(c) === null);
    return kept.length ? { kind: "set", value: kept.join(",") } : { kind: "remove" };
  },
  fixMode: "safe",
  messages: {
    present: "etcd --{{flag}}={{value}}: {{detail}}.",
    absent: "etcd has no --{{flag}}.",
    fix: "Use TLS1.2 or later and drop the weak cipher suites.",
  },
});
