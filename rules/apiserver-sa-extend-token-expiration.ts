/**
 * @fileoverview apiserver-sa-extend-token-expiration: `--service-account-extend-token-expiration`
 * absent or true (default true): admission-injected tokens live up to a year.
 * Suggestion only: old client libraries that do not reload tokens break with short-lived ones.
 */
import { flagRule } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-sa-extend-token-expiration",
  description: "Flag extended lifetimes of injected service-account tokens in kube-apiserver (--service-account-extend-token-expiration)",
  severity: "medium",
  type: "suggestion",
  cis: ["1.2.30"],
  equivalents: { "kube-bench": ["1.2.30"] },
  component: "kube-apiserver",
  flags: ["service-account-extend-token-expiration"],
  kind: "bool",
  defaultValue: () => "true",
  insecureWhen: (value) => value === "true",
  fix: { kind: "set", value: "false" },
  fixMode: "suggest",
  messages: {
    present:
      "kube-apiserver --{{flag}}={{value}}: service-account tokens injected into pods are valid for up to a year, whatever --service-account-max-token-expiration says, so a stolen token stays usable for months.",
    absent:
      "kube-apiserver runs without --{{flag}} (default true): service-account tokens injected into pods are valid for up to a year, whatever --service-account-max-token-expiration says, so a stolen token stays usable for months.",
    fix: "Set --{{flag}}=false (first check that no workload uses a client library that reads its token only once at start-up).",
  },
});
