import rule from "../../rules/etcd-peer-client-cert-auth-off.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (flags: string, env = ""): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: etcd\n  namespace: kube-system\nspec:\n  containers:\n    - name: etcd\n      image: registry.k8s.io/etcd:3.5.15-0\n      command:\n        - etcd\n${flags}${env}`;

runRuleTests(rule, {
  valid: [
    {
      name: "ETCD_PEER_CLIENT_CERT_AUTH from valueFrom: unknown, not absent",
      code: pod(
        "        - --peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt\n",
        "      env:\n        - name: ETCD_PEER_CLIENT_CERT_AUTH\n          valueFrom:\n            configMapKeyRef:\n              name: etcd-settings\n              key: peer-client-cert-auth\n",
      ),
    },
    { name: "ETCD_PEER_CLIENT_CERT_AUTH=true", code: pod("        - --peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt\n", '      env:\n        - name: ETCD_PEER_CLIENT_CERT_AUTH\n          value: "true"\n') },
  ],
  invalid: [
    {
      name: "flag beats env: --peer-client-cert-auth=false wins over ETCD_PEER_CLIENT_CERT_AUTH=true",
      code: pod("        - --peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt\n        - --peer-client-cert-auth=false\n", '      env:\n        - name: ETCD_PEER_CLIENT_CERT_AUTH\n          value: "true"\n'),
      errors: [{ messageId: "present", line: 13, column: 11, endLine: 13, endColumn: 40 }],
      output: pod("        - --peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt\n        - --peer-client-cert-auth=true\n", '      env:\n        - name: ETCD_PEER_CLIENT_CERT_AUTH\n          value: "true"\n'),
    },
  ],
});
