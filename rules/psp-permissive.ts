/**
 * @fileoverview psp-permissive: a PodSecurityPolicy (removed in 1.25, still found in old charts and
 * clusters) that admits privileged pods: privileged, host namespaces, privilege escalation (allowed
 * when unset), root users, added capabilities, NET_RAW kept, or no runtime/default seccomp profile.
 * One finding per permissive setting, on the setting (or on `spec` when a default is permissive).
 */
import type { MapNode, PairNode } from "../src/language/ast.js";
import { apiGroup } from "../src/language/k8s.js";
import { asMap, getBool, getMap, getPair, getSeq, getString, scalarNumber, scalarString, seqItems } from "../src/language/query.js";
import { createRule } from "../src/rule.js";

type Msg = "field" | "escalationDefault" | "root" | "netRaw" | "addedCaps" | "seccomp";

const SECCOMP_DEFAULT = "seccomp.security.alpha.kubernetes.io/defaultProfileName";

export default createRule<Msg, []>({
  name: "psp-permissive",
  meta: {
    type: "problem",
    docs: {
      description: "Report PodSecurityPolicies that admit privileged or host-level pods",
      severity: "medium",
      presets: ["recommended"],
      equivalents: {
        checkov: ["CKV_K8S_1", "CKV_K8S_2", "CKV_K8S_3", "CKV_K8S_4", "CKV_K8S_5", "CKV_K8S_6", "CKV_K8S_7", "CKV_K8S_24", "CKV_K8S_32", "CKV_K8S_36"],
        kubescape: ["C-0213", "C-0214", "C-0215", "C-0216", "C-0217", "C-0218", "C-0219", "C-0220"],
      },
    },
    messages: {
      field: "PodSecurityPolicy '{{name}}' sets {{field}}: true: {{why}}",
      escalationDefault: "PodSecurityPolicy '{{name}}' does not set allowPrivilegeEscalation, which defaults to true: containers may gain more privileges than their parent (setuid binaries).",
      root: "PodSecurityPolicy '{{name}}' runAsUser {{detail}}: containers may run as root (UID 0).",
      netRaw: "PodSecurityPolicy '{{name}}' does not require dropping NET_RAW (or ALL): containers keep raw sockets (packet spoofing, ARP/DNS poisoning).",
      addedCaps: "PodSecurityPolicy '{{name}}' lets containers add capabilities ({{caps}}).",
      seccomp: "PodSecurityPolicy '{{name}}' {{detail}}: pods run without the runtime/default seccomp profile unless they ask for it.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (resource.kind !== "PodSecurityPolicy" || !["policy", "extensions"].includes(apiGroup(resource.apiVersion))) return;
        const spec = getMap(resource.node, "spec");
        const specPair = getPair(resource.node, "spec");
        if (!spec || !specPair) return;
        const name = resource.name ?? "(unnamed)";
        const WHY: Record<string, string> = {
          privileged: "privileged containers have every capability and all host devices; they own the node.",
          hostPID: "pods can see and signal every process on the node.",
          hostIPC: "pods share the node's IPC namespace (shared memory of other workloads).",
          hostNetwork: "pods use the node's network stack (node-local services, sniffing, bypassing NetworkPolicies).",
          allowPrivilegeEscalation: "containers may gain more privileges than their parent (setuid binaries).",
        };
        for (const field of Object.keys(WHY)) {
          const pair = getPair(spec, field);
          if (pair && getBool(spec, field) === true) context.report({ node: pair, messageId: "field", data: { name, field, why: WHY[field]! } });
        }
        if (!getPair(spec, "allowPrivilegeEscalation")) context.report({ node: specPair.key ?? specPair, messageId: "escalationDefault", data: { name } });
        const runAsUser = getMap(spec, "runAsUser");
        const rule = getString(runAsUser, "rule");
        const rulePair: PairNode | null = getPair(runAsUser, "rule");
        if (rule === "RunAsAny" && rulePair) context.report({ node: rulePair, messageId: "root", data: { name, detail: "rule is RunAsAny" } });
        else if (rule === "MustRunAs" && rulePair) {
          const zero = seqItems(getSeq(runAsUser, "ranges")).some((r) => (scalarNumber(getPair(asMap(r) as MapNode, "min")?.value ?? null) ?? 1) <= 0);
          if (zero) context.report({ node: rulePair, messageId: "root", data: { name, detail: "ranges include 0" } });
        }
        const drops = seqItems(getSeq(spec, "requiredDropCapabilities")).map((c) => (scalarString(c) ?? "").toUpperCase().replace(/^CAP_/u, ""));
        if (!drops.includes("ALL") && !drops.includes("NET_RAW")) context.report({ node: getPair(spec, "requiredDropCapabilities")?.key ?? specPair.key ?? specPair, messageId: "netRaw", data: { name } });
        const added = seqItems(getSeq(spec, "allowedCapabilities")).map((c) => scalarString(c) ?? "");
        if (added.length) context.report({ node: getPair(spec, "allowedCapabilities")!.key ?? specPair, messageId: "addedCaps", data: { name, caps: added.join(", ") } });
        const seccomp = resource.annotations[SECCOMP_DEFAULT];
        const annPair = getPair(getMap(getMap(resource.node, "metadata"), "annotations"), SECCOMP_DEFAULT);
        if (seccomp === undefined) {
          context.report({ node: getPair(resource.node, "metadata")?.key ?? specPair, messageId: "seccomp", data: { name, detail: `has no ${SECCOMP_DEFAULT} annotation` } });
        } else if (!["runtime/default", "docker/default"].includes(seccomp) && annPair) {
          context.report({ node: annPair.value ?? annPair, messageId: "seccomp", data: { name, detail: `sets the default seccomp profile to '${seccomp}'` } });
        }
      },
    };
  },
});
