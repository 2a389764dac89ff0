/**
 * @fileoverview etcd facts shared by the etcd peer rules (catalog-config.md §1.4): whether the
 * peer port can be reached by other members.
 */
import { isLoopbackHost, listItems, urlHost } from "./_flag-rule.js";
import type { FlagCheckContext } from "./_flag-rule.js";

/** The URLs of `--initial-cluster` (`name=url,name=url`). */
export function initialClusterUrls(value: string | null): string[] {
  return listItems(value).map((m) => m.slice(m.indexOf("=") + 1).trim());
}

/** Whether a URL names a host other than loopback (unparsable URLs count as exposed). */
export function nonLoopbackUrl(url: string): boolean {
  const host = urlHost(url);
  return host === null || !isLoopbackHost(host);
}

/**
 * Whether this etcd member talks to peers over the network: `--initial-cluster` names two or more
 * members, or `--listen-peer-urls` (default `http://localhost:2380`) listens on a non-loopback
 * address. A single member whose peer port is loopback-only has no peer traffic to protect.
 */
export function peersReachable(ctx: FlagCheckContext): boolean {
  if (initialClusterUrls(ctx.value("initial-cluster")).length >= 2) return true;
  return listItems(ctx.value("listen-peer-urls") ?? "http://localhost:2380").some(nonLoopbackUrl);
}
