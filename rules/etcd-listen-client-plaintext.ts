/**
 * @fileoverview etcd-listen-client-plaintext: etcd serves (or advertises) its client API over
 * plain HTTP on an address other than loopback.
 */
import { flagRule, isLoopbackHost, listItems, urlHost } from "./shared/_flag-rule.js";

const exposedHttp = (u: string): boolean => {
  if (!/^http:\/\//iu.test(u)) return false;
  const host = urlHost(u);
  return host === null || !isLoopbackHost(host);
};

export default flagRule({
  id: "etcd-listen-client-plaintext",
  description: "Disallow plain-HTTP etcd client URLs on non-loopback addresses",
  severity: "critical",
  component: "etcd",
  flags: ["listen-client-urls", "advertise-client-urls", "listen-client-http-urls"],
  kind: "list",
  insecureWhen: (value) => listItems(value).some(exposedHttp),
  fix: { kind: "set", value: (_ctx, current) => (current === null ? null : listItems(current).map((u) => (exposedHttp(u) ? u.replace(/^http:/iu, "https:") : u)).join(",")) },
  fixMode: "suggest",
  messages: {
    present:
      "etcd --{{flag}}={{value}} serves the client API over plain HTTP on a non-loopback address: anyone on that network can read and write all cluster state, Secrets included, without credentials.",
    absent: "etcd has no --{{flag}}.",
    fix: "Use https:// for the non-loopback URLs (needs --cert-file/--key-file and client certificates).",
  },
});
