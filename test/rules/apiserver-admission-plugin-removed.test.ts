import rule from "../../rules/apiserver-admission-plugin-removed.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (image: string, flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n    - name: kube-apiserver\n      image: ${image}\n      command:\n        - kube-apiserver\n${flags}`;

runRuleTests(rule, {
  valid: [
    {
      name: "SecurityContextDeny still exists in 1.29 (image tag)",
      code: pod("registry.k8s.io/kube-apiserver:v1.29.8", "        - --enable-admission-plugins=NodeRestriction,SecurityContextDeny\n"),
    },
    {
      name: "settings.kubernetesVersion when the image has no version",
      code: pod("registry.k8s.io/kube-apiserver@sha256:0000000000000000000000000000000000000000000000000000000000000000", "        - --enable-admission-plugins=PodSecurityPolicy\n"),
      settings: { kubeguard: { kubernetesVersion: "1.24" } },
    },
    { name: "PodSecurity (the replacement) is fine", code: pod("registry.k8s.io/kube-apiserver:v1.31.0", "        - --enable-admission-plugins=NodeRestriction,PodSecurity\n") },
  ],
  invalid: [
    {
      name: "--disable-admission-plugins is validated too; first item removed",
      code: pod("registry.k8s.io/kube-apiserver:v1.30.4", "        - --disable-admission-plugins=PodSecurityPolicy,DefaultStorageClass\n"),
      errors: [{ messageId: "removed", data: { flag: "disable-admission-plugins", plugin: "PodSecurityPolicy", version: "1.30", note: "removed in 1.25; its replacement is the built-in PodSecurity admission (on by default)" }, line: 12, column: 11, endLine: 12, endColumn: 76 }],
      output: pod("registry.k8s.io/kube-apiserver:v1.30.4", "        - --disable-admission-plugins=DefaultStorageClass\n"),
    },
    {
      name: "unknown version: every removed plugin is reported",
      code: pod("example.local/kube-apiserver:latest", "        - --enable-admission-plugins=NodeRestriction,PersistentVolumeLabel\n"),
      errors: [{ messageId: "removed", data: { flag: "enable-admission-plugins", plugin: "PersistentVolumeLabel", version: "1.31 and later", note: "removed in 1.31 (kubernetes/kubernetes#124505); use cloud-pv-admission-labeler" }, line: 12, column: 11, endLine: 12, endColumn: 75 }],
      output: pod("example.local/kube-apiserver:latest", "        - --enable-admission-plugins=NodeRestriction\n"),
    },
  ],
});
