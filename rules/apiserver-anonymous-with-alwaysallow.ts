/**
 * @fileoverview apiserver-anonymous-with-alwaysallow: kube-apiserver both accepts anonymous
 * requests and authorizes with AlwaysAllow, so every unauthenticated request is allowed.
 * No fix here: the authorizer is fixed by apiserver-authz-always-allow.
 */
import { flagRule, listItems } from "./shared/_flag-rule.js";
import type { FlagCheckContext } from "./shared/_flag-rule.js";

/** Anonymous authentication is on: `--anonymous-auth` absent (default true) or true. */
function anonymousOn(ctx: FlagCheckContext): boolean {
  return ctx.has("anonymous-auth") ? ctx.bool("anonymous-auth") === true : true;
}

export default flagRule({
  id: "apiserver-anonymous-with-alwaysallow",
  description: "Disallow anonymous authentication together with the AlwaysAllow authorizer in kube-apiserver",
  severity: "critical",
  cis: ["1.2.1", "1.2.6"],
  equivalents: { "kube-bench": ["1.2.1", "1.2.6"] },
  component: "kube-apiserver",
  flags: ["authorization-mode"],
  kind: "list",
  // Absent: AlwaysAllow "if --authorization-config is not used" (flag reference v1.35).
  defaultValue: () => "AlwaysAllow",
  // With --authorization-config or --authentication-config the decision is in another file.
  skip: (ctx) => ctx.has("authorization-config") || ctx.has("authentication-config"),
  insecureWhen: (value, ctx) => listItems(value).includes("AlwaysAllow") && anonymousOn(ctx),
  detail: (_value, ctx) => (ctx.has("anonymous-auth") ? "--anonymous-auth=true" : "--anonymous-auth is not set and defaults to true"),
  fix: null,
  fixMode: "suggest",
  messages: {
    present:
      "kube-apiserver --{{flag}}={{value}} includes AlwaysAllow and anonymous requests are accepted ({{detail}}): every unauthenticated request is authorized, so anyone who reaches the API server port controls the cluster.",
    absent:
      "kube-apiserver sets neither --{{flag}} nor --authorization-config (default AlwaysAllow) and anonymous requests are accepted ({{detail}}): every unauthenticated request is authorized, so anyone who reaches the API server port controls the cluster.",
    fix: "Remove AlwaysAllow (see apiserver-authz-always-allow).",
  },
});
