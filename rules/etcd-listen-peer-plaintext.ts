/**
 * @fileoverview etcd-listen-peer-plaintext: etcd peer URLs use plain HTTP on a non-loopback
 * address, or in a cluster of several members (`--listen-peer-urls`,
 * `--initial-advertise-peer-urls`, `--initial-cluster`). Suggestion only: `https://` needs peer
 * certificates on every member.
 */
import { initialClusterUrls, nonLoopbackUrl } from "./shared/_etcd.js";
import { flagRule, listItems } from "./shared/_flag-rule.js";
import type { FlagCheckContext } from "./shared/_flag-rule.js";

const urlsOf = (flag: string, value: string | null): string[] => (flag === "initial-cluster" ? initialClusterUrls(value) : listItems(value));
const multiMember = (ctx: FlagCheckContext): boolean => initialClusterUrls(ctx.value("initial-cluster")).length >= 2;
const plaintext = (u: string, multi: boolean): boolean => /^http:\/\//iu.test(u) && (multi || nonLoopbackUrl(u));

export default flagRule({
  id: "etcd-listen-peer-plaintext",
  description: "Disallow plain-HTTP etcd peer URLs on non-loopback addresses or in multi-member clusters",
  severity: "high",
  component: "etcd",
  flags: ["listen-peer-urls", "initial-advertise-peer-urls", "initial-cluster"],
  kind: "scalar",
  insecureWhen: (value, ctx) => urlsOf(ctx.flag, value).some((u) => plaintext(u, multiMember(ctx))),
  fix: {
    kind: "set",
    value: (ctx, current) => {
      if (current === null) return null;
      const multi = multiMember(ctx);
      const fixUrl = (u: string): string => (plaintext(u.trim(), multi) ? u.trim().replace(/^http:/iu, "https:") : u.trim());
      if (ctx.flag !== "initial-cluster") return listItems(current).map(fixUrl).join(",");
      return listItems(current)
        .map((m) => {
          const eq = m.indexOf("=");
          return eq === -1 ? m : `${m.slice(0, eq + 1)}${fixUrl(m.slice(eq + 1))}`;
        })
        .join(",");
    },
  },
  fixMode: "suggest",
  messages: {
    present:
      "etcd --{{flag}}={{value}} uses plain HTTP for peer traffic: members replicate the whole cluster state, Secrets included, unencrypted and unauthenticated.",
    absent: "etcd has no --{{flag}}.",
    fix: "Use https:// peer URLs (needs --peer-cert-file, --peer-key-file and --peer-trusted-ca-file on every member).",
  },
});
