import rule from "../../rules/admission-plugin-unknown.js";
import { runRuleTests } from "../rule-tester.js";

const adm = (name: string): string => `apiVersion: apiserver.config.k8s.io/v1\nkind: AdmissionConfiguration\nplugins:\n  - name: ${name}\n    path: /etc/kubernetes/admission/x.yaml\n`;

runRuleTests(rule, {
  valid: [
    { name: "PodSecurityPolicy still exists in 1.24", code: adm("PodSecurityPolicy"), settings: { kubeguard: { kubernetesVersion: "1.24" } } },
    { name: "a customised API server's plugin, allowed by option", code: adm("OpenShiftPodSecurityAdmission"), options: [{ additionalPlugins: ["OpenShiftPodSecurityAdmission"] }] },
  ],
  invalid: [
    { name: "unknown name without a close match", code: adm("ImagePolicy"), errors: [{ messageId: "unknown", data: { name: "ImagePolicy", hint: "" }, line: 4, column: 11, endLine: 4, endColumn: 22 }] },
    {
      name: "removed plugin at the target version",
      code: adm("SecurityContextDeny"),
      settings: { kubeguard: { kubernetesVersion: "1.30" } },
      errors: [{ messageId: "removed", line: 4, column: 11, endLine: 4, endColumn: 30 }],
    },
  ],
});
