import rule from "../../rules/default-namespace.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [
    { name: "the kubernetes Service lives in default by design", code: "apiVersion: v1\nkind: Service\nmetadata:\n  name: kubernetes\n  namespace: default\nspec:\n  ports: [{port: 443}]\n" },
    { name: "configuration kinds are not API objects", code: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nreadOnlyPort: 0\n" },
  ],
});
