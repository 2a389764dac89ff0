import rule from "../../rules/apiserver-admission-noderestriction-missing.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n    - name: kube-apiserver\n      image: registry.k8s.io/kube-apiserver:v1.33.2\n      command:\n        - kube-apiserver\n${flags}`;

runRuleTests(rule, {
  valid: [
    { name: "a later occurrence appends NodeRestriction", code: pod("        - --enable-admission-plugins=PodSecurity\n        - --enable-admission-plugins=NodeRestriction\n") },
    { name: "legacy --admission-control names it", code: pod("        - --admission-control=NamespaceLifecycle,NodeRestriction\n") },
    { name: "ClusterConfiguration without apiServer: kubeadm writes NodeRestriction", code: "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nkubernetesVersion: v1.34.1\n" },
  ],
  invalid: [
    {
      name: "flow command list without the flag",
      code: pod("").replace("      command:\n        - kube-apiserver\n", "      command: [kube-apiserver, --secure-port=6443]\n"),
      errors: [{ messageId: "absent", line: 10, column: 16, endLine: 10, endColumn: 52 }],
      output: pod("").replace("      command:\n        - kube-apiserver\n", "      command: [kube-apiserver, --secure-port=6443, --enable-admission-plugins=NodeRestriction]\n"),
    },
  ],
});
