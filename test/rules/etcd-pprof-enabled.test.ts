import rule from "../../rules/etcd-pprof-enabled.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (flags: string, env = ""): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: etcd\n  namespace: kube-system\nspec:\n  containers:\n    - name: etcd\n      image: registry.k8s.io/etcd:3.5.15-0\n      command:\n        - etcd\n${flags}${env}`;
const env = (name: string, value: string): string => `      env:\n        - name: ${name}\n          value: ${value}\n`;

runRuleTests(rule, {
  valid: [
    { name: "a command-line flag beats the ETCD_* env var", code: pod("        - --enable-pprof=false\n", env("ETCD_ENABLE_PPROF", '"true"')) },
    { name: "an empty ETCD_* env var is ignored by etcd", code: pod("        - --data-dir=/var/lib/etcd\n", env("ETCD_ENABLE_PPROF", '""')) },
    { name: "--config-file: etcd ignores every other flag", code: pod("        - --config-file=/etc/etcd/etcd.yaml\n        - --enable-pprof\n") },
    { name: "ETCD_CONFIG_FILE: etcd ignores every other flag", code: pod("        - --enable-pprof\n", env("ETCD_CONFIG_FILE", "/etc/etcd/etcd.yaml")) },
  ],
  invalid: [
    {
      name: "ETCD_ENABLE_PPROF env var carries the flag (reported on the env entry, no fix)",
      code: pod("        - --data-dir=/var/lib/etcd\n", env("ETCD_ENABLE_PPROF", '"true"')),
      errors: [{ messageId: "present", line: 14, column: 11, endLine: 15, endColumn: 24 }],
      output: null,
    },
  ],
});
