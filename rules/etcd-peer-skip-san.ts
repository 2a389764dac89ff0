/**
 * @fileoverview etcd-peer-skip-san: etcd does not check that a peer's client certificate names
 * the address it connects from (`--experimental-peer-skip-client-san-verification`, called
 * `--peer-skip-client-san-verification` from etcd v3.6). Safe fix: delete the flag.
 */
import { flagRule } from "./shared/_flag-rule.js";

export default flagRule({
  id: "etcd-peer-skip-san",
  description: "Disallow skipping the SAN check of etcd peer certificates",
  severity: "medium",
  component: "etcd",
  flags: ["experimental-peer-skip-client-san-verification", "peer-skip-client-san-verification"],
  kind: "bool",
  defaultValue: () => "false",
  insecureWhen: (value) => value === "true",
  fix: { kind: "remove" },
  fixMode: "safe",
  messages: {
    present:
      "etcd --{{flag}}={{value}}: any holder of a certificate from the peer CA can join as a member from any address, not only the hosts named in its certificate.",
    absent: "etcd has no --{{flag}}.",
    fix: "Delete --{{flag}} (the default is false).",
  },
});
