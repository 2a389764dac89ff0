import rule from "../../rules/systemd-ipaddressdeny.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [{ name: "not a kubelet unit", filename: "etc/systemd/system/etcd.service", code: "[Service]\nExecStart=/usr/local/bin/etcd\nIPAddressDeny=10.0.0.0/8\n" }],
  invalid: [],
});
