/**
 * @fileoverview apiserver-requestheader-allowed-names-empty: `--requestheader-client-ca-file` is
 * set but `--requestheader-allowed-names` is absent or empty, so any certificate from that CA may
 * assert any user and group in the X-Remote-* headers.
 */
import { flagRule, listItems } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-requestheader-allowed-names-empty",
  description: "Require --requestheader-allowed-names when kube-apiserver trusts a request-header CA",
  severity: "high",
  component: "kube-apiserver",
  flags: ["requestheader-allowed-names"],
  kind: "list",
  insecureWhen: (value, ctx) => listItems(value).length === 0 && (ctx.value("requestheader-client-ca-file") ?? "").trim() !== "",
  fix: { kind: "set", value: "front-proxy-client" },
  fixMode: "suggest",
  messages: {
    present:
      "kube-apiserver --{{flag}} is empty while --requestheader-client-ca-file is set: any client certificate signed by that CA may assert any user and group in the X-Remote-User / X-Remote-Group headers.",
    absent:
      "kube-apiserver sets --requestheader-client-ca-file without --{{flag}}: any client certificate signed by that CA may assert any user and group in the X-Remote-User / X-Remote-Group headers.",
    fix: "Set --{{flag}}={{value}} (the common name of the aggregator's proxy client certificate; kubeadm's value).",
  },
});
