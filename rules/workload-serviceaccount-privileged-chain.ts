/**
 * @fileoverview workload-serviceaccount-privileged-chain: a workload runs with its service
 * account token mounted, and a RoleBinding / ClusterRoleBinding of the run binds that account
 * (directly or through the `system:serviceaccounts[:<ns>]` groups) to a role that grants takeover
 * rights: every verb on every resource, reading Secrets, creating or changing pods and their
 * controllers, exec/attach, escalate/bind, impersonate, token minting, nodes/proxy (Kubescape
 * C-0267/C-0272/C-0261, kube-linter PR #1216). Whoever gets code execution in the pod inherits them.
 *
 * Effective access, not string presence: the role's rules are matched as the API server does
 * (_cluster-rbac.ts), a ClusterRole's `aggregationRule` is resolved against the ClusterRoles of the
 * run, and bindings to the built-in cluster-admin/admin/edit count with what they are known to
 * grant. Reported on the workload (its `serviceAccountName`), naming the binding and the role.
 * Cross-document: kubeguard's CLI and language server look at every file of the run; inside a
 * user's own ESLint, at the documents of one file.
 */
import { dirname } from "node:path";
import { at, crossRule, keyOf, type Obj, type Snap } from "../src/crossdoc/index.js";
import {
  findServiceAccount,
  nameOf,
  podServiceAccount,
  releaseNamespaceOf,
  roleRefOf,
  SubjectIndex,
  TakeoverEvaluator,
  templatesByObject,
  tokenMounted,
  type RoleRef,
  type SubjectRef,
  type TakeoverGrant,
} from "./shared/_crossdoc-identity.js";

export default crossRule({
  name: "workload-serviceaccount-privileged-chain",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow workloads whose mounted service account token is bound to a role with takeover rights",
      severity: "high",
      presets: ["recommended"],
      equivalents: { kubescape: ["C-0267", "C-0272", "C-0261"] },
    },
    messages: {
      chain:
        "{{kind}} '{{name}}' mounts the token of ServiceAccount '{{sa}}' (namespace '{{namespace}}'), and {{bindingKind}} '{{binding}}' ({{bindingWhere}}) binds it{{via}} to {{roleKind}} '{{role}}'{{roleWhere}}, which can {{grant}} {{scope}}. Code running in this pod can take over {{target}}. Set `automountServiceAccountToken: false` if the app does not call the Kubernetes API, or narrow the role / remove the subject.",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report, where, settings }) {
    const bindingCount = index.ofKind("RoleBinding").length + index.ofKind("ClusterRoleBinding").length;
    if (!bindingCount) return;
    const subjects = new SubjectIndex(index, releaseNamespaceOf(settings));
    const takeover = new TakeoverEvaluator(index);
    for (const [obj, pods] of templatesByObject(index)) {
      for (const pod of pods) {
        const sa = podServiceAccount(pod);
        const saObj = findServiceAccount(index, obj.ns, sa.name);
        if (!tokenMounted(pod, saObj)) continue;
        let best: { ref: SubjectRef; role: RoleRef; grant: TakeoverGrant } | null = null;
        const floatingIn = obj.fact.namespace === null && obj.fact.helmSource === null ? dirname(obj.file) : null;
        // Strongest grant first (admin), then a binding of the same file, then of the same folder.
        const rank = (ref: SubjectRef, grant: TakeoverGrant): number =>
          (grant.id === "admin" ? 0 : 4) + (ref.binding.file === obj.file ? 0 : dirname(ref.binding.file) === dirname(obj.file) ? 1 : 2);
        let bestRank = Infinity;
        for (const ref of subjects.forServiceAccount(obj.ns, sa.name, floatingIn)) {
          // A RoleBinding grants only in its own namespace; the pod's API calls can reach it anyway.
          const role = roleRefOf(index, ref.binding);
          const grant = takeover.ofRef(role);
          if (!grant) continue;
          const r = rank(ref, grant);
          if (r < bestRank) {
            best = { ref, role, grant };
            bestRank = r;
          }
          if (bestRank === 0) break;
        }
        if (!best) continue;
        const { ref, role, grant } = best;
        const b = ref.binding;
        const roleObj: Obj | null = role.obj;
        const ruleNode = grant.rule ? (keyOf(at(grant.rule.node, "resources")) ?? grant.rule.node) : null;
        const grantRole = grant.rule?.role ?? roleObj;
        const related: { obj: Obj; node?: Snap | null; message: string }[] = [{ obj: b, node: at(ref.subject, "name") ?? ref.subject, message: `${b.kind} '${nameOf(b)}' binds ${ref.kind ?? "ServiceAccount"} '${ref.name ?? sa.name}' to ${role.kind ?? "role"} '${role.name ?? ""}'` }];
        if (grantRole) related.push({ obj: grantRole, node: ruleNode ?? at(grantRole.snap, "metadata", "name"), message: `${grantRole.kind} '${nameOf(grantRole)}' grants: ${grant.label}` });
        if (saObj) related.push({ obj: saObj, node: at(saObj.snap, "metadata", "name"), message: `ServiceAccount '${sa.name}'` });
        const viaGroup = ref.kind === "Group" ? ` (through Group '${ref.name ?? ""}')` : "";
        const aggregated = grant.rule && roleObj && grant.rule.role !== roleObj ? `, aggregated from ClusterRole '${nameOf(grant.rule.role)}' (${where(grant.rule.role, ruleNode)})` : "";
        report({
          obj,
          node: sa.node ?? keyOf(pod.spec) ?? null,
          messageId: "chain",
          data: {
            kind: obj.kind,
            name: nameOf(obj),
            sa: sa.name,
            namespace: obj.ns ?? "",
            bindingKind: b.kind,
            binding: nameOf(b),
            bindingWhere: where(b, at(ref.subject, "name") ?? ref.subject),
            via: viaGroup,
            roleKind: role.kind ?? "role",
            role: role.name ?? "",
            roleWhere: roleObj ? ` (${where(roleObj, grantRole === roleObj && ruleNode ? ruleNode : null)}${aggregated})` : " (built in)",
            grant: grant.label,
            scope: b.kind === "ClusterRoleBinding" ? "cluster-wide" : `in namespace '${b.ns ?? ""}'`,
            target: b.kind === "ClusterRoleBinding" ? "the cluster" : `namespace '${b.ns ?? ""}'`,
          },
          related,
        });
      }
    }
  },
});
