/**
 * @fileoverview xf-noderestriction-without-node-authz: the NodeRestriction admission plugin and the
 * Node authorizer only protect together (catalog-config.md §1.12; CIS 1.2.7 + 1.2.14). Node
 * authorization limits what a kubelet may read and write to the objects of its own node's pods;
 * NodeRestriction limits which Node and Pod objects it may modify. One without the other leaves
 * a compromised node able to change other nodes' objects (or read every Secret).
 *
 * The authorizers come from `--authorization-mode` or, with `--authorization-config`, from the
 * AuthorizationConfiguration file it names when that file is part of the run (else the API server
 * is skipped).
 */
import { at, crossRule, items, str } from "../src/crossdoc/index.js";
import { effective, enabledPlugins, isConcretePath, isKind, listValues, resolvePath, setAnchor, setObj, setsOf, valueNode } from "./shared/_xf.js";

const isAuthzConfig = isKind("AuthorizationConfiguration", "apiserver.config.k8s.io");

export default crossRule({
  name: "xf-noderestriction-without-node-authz",
  meta: {
    type: "problem",
    docs: {
      description: "Require the NodeRestriction admission plugin and the Node authorizer to be enabled together",
      severity: "medium",
      presets: ["recommended"],
      standards: { cis: ["1.2.7", "1.2.14"] },
    },
    messages: {
      nrWithoutNode:
        "NodeRestriction is enabled but the Node authorizer is not ({{authz}}): kubelets are not limited to their own node's Secrets, ConfigMaps and volumes, so NodeRestriction alone does not contain a compromised node. Add Node to --authorization-mode (before RBAC: Node,RBAC).",
      nrWithoutNodeConfig:
        "NodeRestriction is enabled but the Node authorizer is not ({{authz}}): kubelets are not limited to their own node's Secrets, ConfigMaps and volumes, so NodeRestriction alone does not contain a compromised node. Add an authorizer of type Node (name: node) before RBAC in that AuthorizationConfiguration.",
      nodeWithoutNr:
        "The Node authorizer is on but the NodeRestriction admission plugin is not enabled: a kubelet can still modify other nodes' Node objects and labels and pods bound to other nodes. Add NodeRestriction to --enable-admission-plugins.",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report }) {
    for (const e of setsOf(index, "kube-apiserver")) {
      let hasNode: boolean;
      let authz: string;
      let nodeItem: { r: [number, number] } | null = null;
      let fromConfig = false;
      const cfg = effective(e.set, "authorization-config");
      if (cfg.value !== null && cfg.value.trim() !== "") {
        if (!isConcretePath(cfg.value)) continue;
        const targets = resolvePath(index, e.file, cfg.value, isAuthzConfig, e.obj ?? undefined);
        if (targets.length !== 1) continue;
        const types = items(at(targets[0]!.snap, "authorizers")).map((a) => str(at(a, "type")) ?? "");
        hasNode = types.includes("Node");
        authz = `authorizers in ${cfg.value}: ${types.join(", ") || "none"}`;
        nodeItem = cfg.flag ? valueNode(cfg.flag) : null;
        fromConfig = true;
      } else {
        const modes = listValues(e.set, "authorization-mode");
        const node = modes?.find((m) => m.item === "Node");
        hasNode = Boolean(node);
        authz = modes ? `--authorization-mode=${modes.map((m) => m.item).join(",")}` : "--authorization-mode is not set: AlwaysAllow";
        nodeItem = node?.node ?? null;
      }
      const nr = enabledPlugins(e.set).get("NodeRestriction");
      if (nr && !hasNode) report({ obj: setObj(e), node: nr.node ?? setAnchor(e), messageId: fromConfig ? "nrWithoutNodeConfig" : "nrWithoutNode", data: { authz } });
      else if (!nr && hasNode) report({ obj: setObj(e), node: nodeItem ?? setAnchor(e), messageId: "nodeWithoutNr" });
    }
  },
});
