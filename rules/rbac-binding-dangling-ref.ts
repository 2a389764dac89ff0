/**
 * @fileoverview rbac-binding-dangling-ref: a RoleBinding or ClusterRoleBinding whose `roleRef`
 * names a Role / ClusterRole, or whose `subjects[]` name a ServiceAccount, that the run does not
 * declare (built-in roles and the `default` ServiceAccount excepted). A typo binds nothing (the
 * workload then fails at run time, or someone "fixes" it by binding cluster-admin); a binding to a
 * role defined elsewhere grants whatever that role holds in the cluster, unreviewed.
 *
 * Reference integrity: reported as info, and only when the run declares roles (resp. service
 * accounts) at all — otherwise they evidently live elsewhere. Absent is never taken as safe:
 * the finding says the grant could not be checked. Cross-document: kubeguard's CLI and language
 * server look at every file of the run; inside a user's own ESLint, at the documents of one file.
 */
import { at, crossRule } from "../src/crossdoc/index.js";
import {
  bindings,
  findServiceAccount,
  isBuiltinRole,
  isRbac,
  isServiceAccount,
  nameOf,
  nameTemplated,
  releaseNamespaceOf,
  roleRefOf,
  subjectNamespaces,
  subjectsOf,
} from "./shared/_crossdoc-identity.js";

type Options = [{ assumeCompleteInput?: boolean }];

export default crossRule({
  name: "rbac-binding-dangling-ref",
  meta: {
    type: "problem",
    docs: {
      description: "Report RoleBindings and ClusterRoleBindings that reference a role or service account missing from the linted set",
      severity: "info",
      presets: ["recommended"],
      equivalents: { "kube-linter": ["access-to-secrets", "access-to-create-pods"] },
    },
    messages: {
      role: "{{kind}} '{{name}}' binds {{roleKind}} '{{role}}', which is not among the {{roles}} roles linted{{scope}}: a typo binds nothing, and a role managed elsewhere grants whatever it holds in the cluster without review here.",
      subject: "{{kind}} '{{name}}' binds ServiceAccount '{{sa}}' of namespace '{{namespace}}', which is not among the {{accounts}} ServiceAccounts linted: a typo grants the role to no one (or to an account created later by someone else).",
    },
    schema: [
      {
        type: "object",
        properties: {
          assumeCompleteInput: {
            type: "boolean",
            description: "Report even when the run declares no Role/ClusterRole (resp. no ServiceAccount) at all (by default such a run is assumed partial).",
          },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ assumeCompleteInput: false }] as Options,
  check({ index, report, optionsFor, settings }) {
    const all = bindings(index);
    if (!all.length) return;
    const roleCount = index.ofKind("Role").filter((o) => isRbac(o, ["Role"])).length + index.ofKind("ClusterRole").filter((o) => isRbac(o, ["ClusterRole"])).length;
    const accountCount = index.ofKind("ServiceAccount").filter(isServiceAccount).length;
    const releaseNs = releaseNamespaceOf(settings);
    // A ServiceAccount written without `metadata.namespace` (plain YAML) goes to whatever namespace
    // `kubectl apply -n` names: it can be the account of a subject in any namespace.
    const floating = new Set(index.ofKind("ServiceAccount").filter((o) => isServiceAccount(o) && o.fact.namespace === null && o.fact.helmSource === null && o.name).map((o) => o.name!));
    for (const b of all) {
      const complete = optionsFor(b.file)[0]?.assumeCompleteInput ?? false;
      const ref = roleRefOf(index, b);
      if ((roleCount > 0 || complete) && ref.name && !ref.obj && !nameTemplated(ref.name) && (ref.kind === "Role" || ref.kind === "ClusterRole") && !isBuiltinRole(ref.kind, ref.name)) {
        report({
          obj: b,
          node: ref.node,
          messageId: "role",
          data: { kind: b.kind, name: nameOf(b), roleKind: ref.kind, role: ref.name, roles: roleCount, scope: ref.kind === "Role" ? ` in namespace '${b.ns ?? ""}'` : "" },
        });
      }
      if (!accountCount && !complete) continue;
      for (const s of subjectsOf(b)) {
        if (s.kind !== "ServiceAccount" || !s.name || s.name === "default" || nameTemplated(s.name) || s.namespace === null || nameTemplated(s.namespace)) continue;
        if (floating.has(s.name) || subjectNamespaces(s, releaseNs).some((ns) => findServiceAccount(index, ns, s.name!))) continue;
        report({
          obj: b,
          node: at(s.subject, "name") ?? s.subject,
          messageId: "subject",
          data: { kind: b.kind, name: nameOf(b), sa: s.name, namespace: s.namespace, accounts: accountCount },
        });
      }
    }
  },
});
