/**
 * @fileoverview apiserver-etcd-plaintext: kube-apiserver talks to etcd over plain HTTP
 * (`--etcd-servers` holds an `http://` URL). Suggestion only: `https://` needs etcd serving TLS.
 */
import { flagRule, listItems } from "./shared/_flag-rule.js";

const isHttp = (u: string): boolean => /^http:\/\//iu.test(u);

export default flagRule({
  id: "apiserver-etcd-plaintext",
  description: "Disallow plain-HTTP etcd URLs in kube-apiserver --etcd-servers",
  severity: "critical",
  component: "kube-apiserver",
  flags: ["etcd-servers"],
  kind: "list",
  insecureWhen: (value) => listItems(value).some(isHttp),
  fix: { kind: "set", value: (_ctx, current) => (current === null ? null : listItems(current).map((u) => (isHttp(u) ? u.replace(/^http:/iu, "https:") : u)).join(",")) },
  fixMode: "suggest",
  messages: {
    present:
      "kube-apiserver --{{flag}}={{value}} uses plain HTTP: every object, Secrets included, crosses the network unencrypted, and etcd cannot authenticate the API server by certificate.",
    absent: "kube-apiserver has no --{{flag}}.",
    fix: "Use https:// (etcd must serve TLS: --cert-file/--key-file, and the API server needs --etcd-cafile/--etcd-certfile/--etcd-keyfile).",
  },
});
