import rule from "../../rules/apiserver-etcd-client-cert-missing.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (tag: string, flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n    - name: kube-apiserver\n      image: registry.k8s.io/kube-apiserver:${tag}\n      command:\n        - kube-apiserver\n${flags}`;

runRuleTests(rule, {
  valid: [
    {
      name: "kubeadm with an external etcd and no apiServer extraArgs",
      code: "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nkubernetesVersion: v1.33.2\netcd:\n  external:\n    endpoints: [https://10.0.0.21:2379]\n    caFile: /etc/etcd/ca.crt\n    certFile: /etc/etcd/client.crt\n    keyFile: /etc/etcd/client.key\n",
    },
  ],
});
