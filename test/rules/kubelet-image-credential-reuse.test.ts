import rule from "../../rules/kubelet-image-credential-reuse.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [{ name: "the default policy", code: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nimagePullCredentialsVerificationPolicy: NeverVerifyPreloadedImages\n" }],
  invalid: [
    {
      name: "quoted NeverVerify",
      code: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nimagePullCredentialsVerificationPolicy: \"NeverVerify\"\n",
      errors: [{ messageId: "insecureConfig", data: { value: '"NeverVerify"' }, line: 3, column: 1, endLine: 3, endColumn: 54 }],
      output: null,
    },
  ],
});
