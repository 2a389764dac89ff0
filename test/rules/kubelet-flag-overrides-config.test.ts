import rule from "../../rules/kubelet-flag-overrides-config.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [
    { name: "a secure flag next to --config", filename: "etc/systemd/system/kubelet.service", code: "[Service]\nExecStart=/usr/bin/kubelet --config=/c.yaml --anonymous-auth=false\n" },
    { name: "no --config: nothing to override (kubelet-legacy-defaults-no-config)", filename: "etc/systemd/system/kubelet.service", code: "[Service]\nExecStart=/usr/bin/kubelet --anonymous-auth=true\n" },
    { name: "the document is as weak as the flag", code: "apiVersion: kubeadm.k8s.io/v1beta3\nkind: JoinConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    anonymous-auth: \"true\"\n---\napiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nauthentication:\n  anonymous:\n    enabled: true\n" },
  ],
  invalid: [
    {
      name: "kubeadm v1beta3: the flag overrides kubeadm's default rotateCertificates: true",
      code: "apiVersion: kubeadm.k8s.io/v1beta3\nkind: JoinConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    node-ip: \"10.0.0.21\"\n    rotate-certificates: \"false\"\n---\napiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\ncgroupDriver: systemd\n",
      errors: [{ messageId: "overridesDocument", data: { flag: "rotate-certificates", value: "false", carrier: "kubeadm kubeletExtraArgs", field: "rotateCertificates", configValue: "true", line: "9" }, line: 6, column: 5, endLine: 6, endColumn: 33, suggestions: [{ messageId: "removeFlag", output: "apiVersion: kubeadm.k8s.io/v1beta3\nkind: JoinConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    node-ip: \"10.0.0.21\"\n---\napiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\ncgroupDriver: systemd\n" }] }],
      output: null,
    },
  ],
});
