/**
 * @fileoverview etcd-metrics-plaintext-exposed: etcd serves /metrics and /health over plain HTTP
 * on a non-loopback address (`--listen-metrics-urls`). kubeadm uses `http://127.0.0.1:2381`.
 * No fix: scrapers need the address.
 */
import { nonLoopbackUrl } from "./shared/_etcd.js";
import { flagRule, listItems } from "./shared/_flag-rule.js";

const exposed = (u: string): boolean => /^http:\/\//iu.test(u) && nonLoopbackUrl(u);

export default flagRule({
  id: "etcd-metrics-plaintext-exposed",
  description: "Disallow plain-HTTP etcd metrics URLs on non-loopback addresses",
  severity: "low",
  component: "etcd",
  flags: ["listen-metrics-urls"],
  kind: "scalar",
  insecureWhen: (value) => listItems(value).some(exposed),
  fix: null,
  fixMode: "suggest",
  messages: {
    present:
      "etcd --{{flag}}={{value}} serves /metrics and /health over plain HTTP on a non-loopback address: anyone on that network reads them without credentials.",
    absent: "etcd has no --{{flag}}.",
    fix: "Use a loopback address or https://.",
  },
});
