/**
 * @fileoverview etcd-ca-not-unique: etcd trusts the same CA file for client certificates
 * (`--trusted-ca-file`) as the API server does for its clients (`--client-ca-file`), so every
 * client certificate of the cluster (kubelets, users, controllers) is also accepted by etcd
 * (CIS 2.7). Compared across the documents of one file (a kubeadm ClusterConfiguration with its
 * kubeadm defaults, or static pods written together); paths are compared, not certificate
 * contents. No fix: a separate CA has to be created.
 */
import type { FlagNode, FlagSetNode, Range, ResourceNode } from "../src/language/ast.js";
import { apiGroup } from "../src/language/k8s.js";
import { getMap, getPair } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { KUBEADM_DEFAULTS, etcdConfigFile } from "./shared/_flag-rule.js";

type MessageIds = "shared";

interface Seen {
  path: string;
  /** Where to report (etcd side) or where it is set (apiserver side). */
  node: { range: Range };
  line: number;
}

const normalise = (p: string): string => p.trim().replace(/\/+/gu, "/");

function last(set: FlagSetNode, name: string): FlagNode | null {
  let out: FlagNode | null = null;
  for (const f of set.flags) if (f.name === name) out = f;
  return out;
}

const isClusterConfiguration = (r: ResourceNode | null | undefined): boolean => !!r && r.kind === "ClusterConfiguration" && apiGroup(r.apiVersion) === "kubeadm.k8s.io";

export default createRule<MessageIds>({
  name: "etcd-ca-not-unique",
  meta: {
    type: "problem",
    docs: {
      description: "Use a CA for etcd client certificates that is not the API server's client CA",
      severity: "medium",
      presets: ["recommended", "cis"],
      standards: { cis: ["2.7"] },
      equivalents: { "kube-bench": ["2.7"] },
    },
    messages: {
      shared:
        "etcd --trusted-ca-file={{path}} is the same CA the API server trusts for its clients (--client-ca-file, line {{line}}): every client certificate of the cluster — kubelets, users, controllers — can then talk to etcd directly and read every Secret.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const etcd: Seen[] = [];
    const apiserver: Seen[] = [];
    const lineOf = (n: { range: Range }): number => sourceCode.getLocFromIndex(n.range[0]).line;
    const add = (into: Seen[], value: string | null, node: { range: Range }): void => {
      if (value && value.trim()) into.push({ path: normalise(value), node, line: lineOf(node) });
    };
    return {
      FlagSet(set) {
        const kubeadm = set.carrier === "extraArgs";
        if (set.component === "etcd") {
          if (etcdConfigFile(set)) return;
          const f = last(set, "trusted-ca-file");
          if (f) add(etcd, f.value, f);
          else if (kubeadm) add(etcd, KUBEADM_DEFAULTS.etcd!["trusted-ca-file"]!, set);
        } else if (set.component === "kube-apiserver") {
          const f = last(set, "client-ca-file");
          if (f) add(apiserver, f.value, f);
          else if (kubeadm) add(apiserver, KUBEADM_DEFAULTS["kube-apiserver"]!["client-ca-file"]!, set);
        }
      },
      Resource(r) {
        // A ClusterConfiguration side without extraArgs: kubeadm writes its defaults.
        if (!isClusterConfiguration(r)) return;
        const at = getPair(r.node, "kind") ?? r.node;
        if (!r.flagSets.some((s) => s.component === "kube-apiserver")) add(apiserver, KUBEADM_DEFAULTS["kube-apiserver"]!["client-ca-file"]!, at);
        const local = getMap(getMap(r.node, "etcd"), "external") === null;
        if (local && !r.flagSets.some((s) => s.component === "etcd")) add(etcd, KUBEADM_DEFAULTS.etcd!["trusted-ca-file"]!, getPair(r.node, "etcd") ?? at);
      },
      "Program:exit"() {
        for (const e of etcd) {
          const same = apiserver.find((a) => a.path === e.path);
          if (!same) continue;
          context.report({ node: e.node, messageId: "shared", data: { path: e.path, line: String(same.line) } });
        }
      },
    };
  },
});
