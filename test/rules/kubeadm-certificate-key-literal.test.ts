import rule from "../../rules/kubeadm-certificate-key-literal.js";
import { runRuleTests } from "../rule-tester.js";
import { itNeverPrintsSecrets } from "./_no-secret.js";

runRuleTests(rule, {
  valid: [{ name: "templated key", code: 'apiVersion: kubeadm.k8s.io/v1beta4\nkind: InitConfiguration\ncertificateKey: "{{ kubeadm_certificate_key }}"\n' }],
});
itNeverPrintsSecrets("kubeadm-certificate-key-literal", "init-upload-certs.yaml", ["e6a2eb8581237ab72a4f494f30285ec12a9694d750b9785706a83bfcbbbd2204"], 1);
itNeverPrintsSecrets("kubeadm-certificate-key-literal", "join-control-plane.yaml", ["f8902e114ef118304e561c3ecd4d0b543adc226b7a07f675f56564185ffe0c07"], 1);
