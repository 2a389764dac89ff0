import rule from "../../rules/admission-podsecurity-version-pinned.js";
import { runRuleTests } from "../rule-tester.js";

const psc = (v: string): string => `apiVersion: pod-security.admission.config.k8s.io/v1\nkind: PodSecurityConfiguration\ndefaults:\n  enforce: baseline\n  enforce-version: ${v}\n`;

runRuleTests(rule, {
  valid: [{ name: "pinned to the target version", code: psc("v1.29"), settings: { kubeguard: { kubernetesVersion: "1.29" } } }],
  invalid: [
    { name: "older than the target", code: psc("v1.28"), settings: { kubeguard: { kubernetesVersion: "1.29" } }, errors: [{ messageId: "pinned", data: { version: "v1.28", target: 29 }, line: 5, column: 20, endLine: 5, endColumn: 25 }] },
  ],
});
