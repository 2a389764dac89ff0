import rule from "../../rules/apiserver-admission-denyserviceexternalips-missing.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (tag: string, flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n    - name: kube-apiserver\n      image: registry.k8s.io/kube-apiserver:${tag}\n      command:\n        - kube-apiserver\n${flags}`;

runRuleTests(rule, {
  valid: [{ name: "settings say 1.20 (the plugin does not exist yet)", code: pod("latest", "        - --enable-admission-plugins=NodeRestriction\n"), settings: { kubeguard: { kubernetesVersion: "1.20" } } }],
});
