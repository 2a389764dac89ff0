/**
 * @fileoverview etcd-cors-wildcard: etcd serves clients over plain HTTP (a `http://` URL in
 * `--listen-client-urls`, default `http://localhost:2379`) and accepts any origin (`--cors`,
 * default `*`) or any Host header (`--host-whitelist`, default `*`; these checks apply only "if
 * server is not secure"). A web page in a browser on the host can then reach etcd (CORS, DNS
 * rebinding). No fix: the allowed origins and host names depend on the deployment.
 */
import { flagRule, listItems } from "./shared/_flag-rule.js";
import type { FlagCheckContext } from "./shared/_flag-rule.js";

const servesHttp = (ctx: FlagCheckContext): boolean => listItems(ctx.value("listen-client-urls") ?? "http://localhost:2379").some((u) => /^http:\/\//iu.test(u));
const wildcard = (value: string | null): boolean => value !== null && (listItems(value).includes("*") || listItems(value).length === 0);

export default flagRule({
  id: "etcd-cors-wildcard",
  description: "Disallow wildcard CORS origins and host names on an etcd that serves plain HTTP",
  severity: "low",
  component: "etcd",
  flags: ["cors", "host-whitelist"],
  kind: "scalar",
  defaultValue: () => "*",
  insecureWhen: (value, ctx) => wildcard(value) && servesHttp(ctx),
  fix: null,
  fixMode: "suggest",
  messages: {
    present:
      "etcd --{{flag}}={{value}} allows every origin or host name while the client port speaks plain HTTP: a web page opened on a machine that reaches it can read and write etcd (CORS / DNS rebinding).",
    absent:
      "etcd runs without --{{flag}}, so the default {{default}} allows every origin or host name while the client port speaks plain HTTP: a web page opened on a machine that reaches it can read and write etcd (CORS / DNS rebinding).",
    fix: "List the allowed origins or host names, or serve clients over https://.",
  },
});
