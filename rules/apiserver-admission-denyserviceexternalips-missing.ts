/**
 * @fileoverview apiserver-admission-denyserviceexternalips-missing: the DenyServiceExternalIPs
 * admission plugin (1.21+, not on by default) is not enabled, so anyone who may create Services
 * can claim external IPs and intercept traffic (CVE-2020-8554).
 */
import { flagRule, listItems } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-admission-denyserviceexternalips-missing",
  description: "Require the DenyServiceExternalIPs admission plugin in kube-apiserver",
  severity: "low",
  cis: ["1.2.3"],
  equivalents: { trivy: ["KCV-0003"], "kube-bench": ["1.2.3"] },
  component: "kube-apiserver",
  flags: ["enable-admission-plugins"],
  kind: "list",
  // The plugin exists from 1.21 on: naming it on older versions makes the API server exit.
  insecureWhen: (value, ctx) =>
    ctx.minor >= 21 && !listItems(value).includes("DenyServiceExternalIPs") && !ctx.items("admission-control").includes("DenyServiceExternalIPs"),
  fix: { kind: "append-item", item: "DenyServiceExternalIPs" },
  fixMode: "safe",
  fixWhen: (ctx) => !ctx.has("admission-control"),
  messages: {
    present:
      "kube-apiserver --{{flag}}={{value}} does not include DenyServiceExternalIPs (it is not on by default): anyone allowed to create or update a Service can set spec.externalIPs and intercept traffic to those addresses (CVE-2020-8554).",
    absent:
      "kube-apiserver runs without --{{flag}}, so DenyServiceExternalIPs (not on by default) is off: anyone allowed to create or update a Service can set spec.externalIPs and intercept traffic to those addresses (CVE-2020-8554).",
    fix: "Add DenyServiceExternalIPs to --{{flag}} (it rejects new externalIPs only; existing ones keep working).",
  },
});
