import rule from "../../rules/kubelet-read-only-port-open.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [
    { name: "KubeletConfiguration without readOnlyPort (default 0)", code: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nport: 10250\n" },
    { name: "unit with --read-only-port=0 and no --config", filename: "kubelet.service", code: "[Service]\nExecStart=/usr/bin/kubelet --kubeconfig=/etc/kubernetes/kubelet.conf --read-only-port=0 --authorization-mode=Webhook\n" },
    { name: "readOnlyPort as a string is not a port (the kubelet rejects the file)", code: 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nreadOnlyPort: "10255"\n' },
  ],
  invalid: [
    {
      name: "kubeadm v1beta3 kubeletExtraArgs map",
      code: 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: InitConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    read-only-port: "10255"\n',
      errors: [{ messageId: "insecureFlag", data: { value: "10255", carrier: "kubeadm kubeletExtraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 28 }],
      output: 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: InitConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    read-only-port: "0"\n',
    },
    {
      name: "flag overrides a secure readOnlyPort in the same kubeadm file",
      code: "apiVersion: kubeadm.k8s.io/v1beta3\nkind: JoinConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    read-only-port: '10255'\n---\napiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nreadOnlyPort: 0\n",
      errors: [{ messageId: "insecureFlag", line: 5, column: 5, endLine: 5, endColumn: 28 }],
      output: "apiVersion: kubeadm.k8s.io/v1beta3\nkind: JoinConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    read-only-port: '0'\n---\napiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nreadOnlyPort: 0\n",
    },
  ],
});
