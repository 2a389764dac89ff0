import rule from "../../rules/apiserver-requestheader-allowed-names-empty.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (tag: string, flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n    - name: kube-apiserver\n      image: registry.k8s.io/kube-apiserver:${tag}\n      command:\n        - kube-apiserver\n${flags}`;

runRuleTests(rule, {
  valid: [{ name: "a later occurrence appends a name", code: pod("v1.34.1", "        - --requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt\n        - --requestheader-allowed-names=\n        - --requestheader-allowed-names=front-proxy-client\n") }],
});
