/**
 * @fileoverview kubeadm-kubelet-config-doc: a kubeadm config file that carries a
 * `KubeletConfiguration` document *and* sets the same setting through
 * `nodeRegistration.kubeletExtraArgs`. kubeadm renders the document to
 * /var/lib/kubelet/config.yaml (`--config`) and the extra args to kubeadm-flags.env; flags override
 * the config file, so the document's value is silently ignored. The kubelet rules themselves
 * (kubelet-anonymous-auth-enabled, …) check both carriers with the config-file defaults; this rule
 * reports the contradiction inside the kubeadm file.
 */
import type { FlagNode, MapNode, ResourceNode, YamlNode } from "../src/language/ast.js";
import { asMap, asScalar, getPair, scalarString, seqItems, asSeq } from "../src/language/query.js";
import { removeFlag } from "../src/fix/flags.js";
import { createRule } from "../src/rule.js";
import { goDuration, isKubeadm } from "./shared/_kubeadm.js";
import { parseGoBool } from "./shared/_flag-rule.js";
import { apiGroup } from "../src/language/k8s.js";

type Kind = "bool" | "string" | "number" | "duration" | "list";

/** kubelet flag → KubeletConfiguration field path and value kind (security-relevant settings, catalog-config.md §1.5). */
export const KUBELET_FLAG_FIELDS: Record<string, [string[], Kind]> = {
  "anonymous-auth": [["authentication", "anonymous", "enabled"], "bool"],
  "authentication-token-webhook": [["authentication", "webhook", "enabled"], "bool"],
  "client-ca-file": [["authentication", "x509", "clientCAFile"], "string"],
  "authorization-mode": [["authorization", "mode"], "string"],
  "read-only-port": [["readOnlyPort"], "number"],
  "protect-kernel-defaults": [["protectKernelDefaults"], "bool"],
  "make-iptables-util-chains": [["makeIPTablesUtilChains"], "bool"],
  "streaming-connection-idle-timeout": [["streamingConnectionIdleTimeout"], "duration"],
  "rotate-certificates": [["rotateCertificates"], "bool"],
  "rotate-server-certificates": [["serverTLSBootstrap"], "bool"],
  "tls-cert-file": [["tlsCertFile"], "string"],
  "tls-private-key-file": [["tlsPrivateKeyFile"], "string"],
  "tls-cipher-suites": [["tlsCipherSuites"], "list"],
  "tls-min-version": [["tlsMinVersion"], "string"],
  "event-qps": [["eventRecordQPS"], "number"],
  "pod-max-pids": [["podPidsLimit"], "number"],
  "seccomp-default": [["seccompDefault"], "bool"],
  "healthz-bind-address": [["healthzBindAddress"], "string"],
  "manifest-url": [["staticPodURL"], "string"],
  "allowed-unsafe-sysctls": [["allowedUnsafeSysctls"], "list"],
  "enable-debugging-handlers": [["enableDebuggingHandlers"], "bool"],
  address: [["address"], "string"],
};

/** A flag value in a comparable form; null when it cannot be read. */
function normFlag(kind: Kind, v: string): string | null {
  switch (kind) {
    case "bool": {
      const b = parseGoBool(v.trim());
      return b === null ? null : String(b);
    }
    case "number":
      return /^[-+]?\d+(\.\d+)?$/u.test(v.trim()) ? String(Number(v.trim())) : null;
    case "duration": {
      const d = goDuration(v);
      return d === null ? null : String(d);
    }
    case "list":
      return v.split(",").map((s) => s.trim()).filter(Boolean).sort().join(",");
    default:
      return v.trim();
  }
}

/** A config field in the same comparable form; null when it is not a value of the field's type. */
function normField(kind: Kind, node: YamlNode): string | null {
  const s = asScalar(node);
  switch (kind) {
    case "bool":
      return s && typeof s.value === "boolean" ? String(s.value) : null;
    case "number":
      return s && (typeof s.value === "number" || typeof s.value === "bigint") ? String(Number(s.value)) : null;
    case "duration": {
      const v = scalarString(s);
      const d = v === null ? null : goDuration(v);
      return d === null ? null : String(d);
    }
    case "list": {
      const seq = asSeq(node);
      if (!seq) return null;
      return seqItems(seq).map((i) => scalarString(i) ?? "").filter(Boolean).sort().join(",");
    }
    default:
      return scalarString(s)?.trim() ?? null;
  }
}

function isKubeletConfiguration(r: ResourceNode): boolean {
  return r.kind === "KubeletConfiguration" && apiGroup(r.apiVersion) === "kubelet.config.k8s.io";
}

function fieldNode(config: MapNode, path: string[]): YamlNode | null {
  let cur: MapNode | null = config;
  for (const seg of path.slice(0, -1)) cur = asMap(getPair(cur, seg)?.value ?? null);
  return getPair(cur, path[path.length - 1]!)?.value ?? null;
}

export default createRule({
  name: "kubeadm-kubelet-config-doc",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow kubeadm kubeletExtraArgs that silently override the KubeletConfiguration document of the same file",
      severity: "medium",
      presets: ["recommended"],
    },
    messages: {
      override: "kubeletExtraArgs sets --{{flag}}={{flagValue}}, but the KubeletConfiguration document in this file sets {{field}}: {{fieldValue}}: kubelet flags override the config file, so the kubelet runs with {{flagValue}} and the document's value is ignored.",
      removeFlag: "Remove --{{flag}} from kubeletExtraArgs (keep the value in the KubeletConfiguration document).",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      "Program:exit"() {
        const configs: ResourceNode[] = sourceCode.resources.filter((r) => isKubeletConfiguration(r));
        if (configs.length === 0) return;
        // The last KubeletConfiguration document is the one kubeadm keeps.
        const config = configs[configs.length - 1]!;
        for (const resource of sourceCode.resources) {
          if (!isKubeadm(resource, "InitConfiguration", "JoinConfiguration")) continue;
          for (const set of resource.flagSets) {
            if (set.component !== "kubelet") continue;
            for (const flag of set.flags as FlagNode[]) {
              const entry = KUBELET_FLAG_FIELDS[flag.name];
              if (!entry || flag.value === null) continue;
              const [path, kind] = entry;
              const node = fieldNode(config.node, path);
              if (!node) continue;
              const a = normFlag(kind, flag.value);
              const b = normField(kind, node);
              if (a === null || b === null || a === b) continue;
              const edits = removeFlag(sourceCode, set, flag);
              const written = sourceCode.text.slice(node.range[0], node.range[1]).split(/\r?\n/u)[0]!;
              context.report({
                // v1beta3: the `flag: value` pair; v1beta4: from the `name` scalar to the end of `value`.
                node: flag.node && flag.node.type === "Pair" ? (set.container?.type === "Map" ? flag.node : { range: [flag.nameRange[0], flag.node.range[1]] }) : { range: flag.range },
                messageId: "override",
                data: { flag: flag.name, flagValue: flag.value, field: path.join("."), fieldValue: written },
                suggest: edits ? [{ messageId: "removeFlag", data: { flag: flag.name }, fix: () => edits }] : [],
              });
            }
          }
        }
      },
    };
  },
});
