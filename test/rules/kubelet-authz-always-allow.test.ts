import rule from "../../rules/kubelet-authz-always-allow.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [
    { name: "KubeletConfiguration without authorization (default Webhook)", code: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nauthentication:\n  anonymous:\n    enabled: false\n" },
    { name: "unit with --authorization-mode Webhook (space form)", filename: "kubelet.service", code: "[Service]\nExecStart=/usr/bin/kubelet --kubeconfig=/etc/kubernetes/kubelet.conf --authorization-mode Webhook\n" },
  ],
  invalid: [
    {
      name: "kubeadm v1beta4 kubeletExtraArgs list",
      code: "apiVersion: kubeadm.k8s.io/v1beta4\nkind: InitConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n  - name: authorization-mode\n    value: AlwaysAllow\n",
      errors: [
        {
          messageId: "insecureFlag",
          data: { value: "AlwaysAllow", carrier: "kubeadm kubeletExtraArgs" },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 23,
          suggestions: [{ messageId: "setFlag", output: "apiVersion: kubeadm.k8s.io/v1beta4\nkind: InitConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n  - name: authorization-mode\n    value: Webhook\n" }],
        },
      ],
      output: "apiVersion: kubeadm.k8s.io/v1beta4\nkind: InitConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n  - name: authorization-mode\n    value: Webhook\n",
    },
    {
      name: "last --authorization-mode wins in a unit (report only: ExecStart= is never edited)",
      filename: "kubelet.service",
      code: "[Service]\nExecStart=/usr/bin/kubelet --authorization-mode=Webhook --config=/etc/kubernetes/kubelet.yaml --authorization-mode=AlwaysAllow\n",
      errors: [
        {
          messageId: "insecureFlag",
          line: 2,
          column: 95,
          endLine: 2,
          endColumn: 127,
        },
      ],
      output: null, // ExecStart= is never edited
    },
  ],
});
