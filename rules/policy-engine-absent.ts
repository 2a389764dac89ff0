/**
 * @fileoverview policy-engine-absent: a Namespace without a Pod Security Admission `enforce` label
 * in a run that contains no admission control of its own — no Validating/Mutating webhook
 * configuration, no ValidatingAdmissionPolicy, no Kyverno, Gatekeeper or Kubewarden policy.
 * Nothing in the set then stops a privileged pod from being admitted there (Kubescape C-0192).
 *
 * A policy engine may well be installed in the cluster by another repository: absent is not
 * proof, and is not taken as safe either — the finding is info, and says what was looked for.
 * Cross-document: kubeguard's CLI and language server look at every file of the run; inside a
 * user's own ESLint, at the documents of one file.
 */
import { at, crossRule, stringRecord, type Obj } from "../src/crossdoc/index.js";
import { apiGroup } from "../src/language/k8s.js";
import { nameOf, nameTemplated } from "./shared/_crossdoc-identity.js";

type Options = [{ ignoreNamespaces?: string[] }];
const IGNORED = ["kube-system", "kube-public", "kube-node-lease"];

/** Kinds (by API group) that enforce admission policy. */
const ENGINE_KINDS: Record<string, string[] | "*"> = {
  "admissionregistration.k8s.io": ["ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding"],
  "kyverno.io": ["ClusterPolicy", "Policy"],
  "policies.kyverno.io": "*",
  "templates.gatekeeper.sh": ["ConstraintTemplate"],
  "constraints.gatekeeper.sh": "*",
  "policies.kubewarden.io": ["ClusterAdmissionPolicy", "AdmissionPolicy", "ClusterAdmissionPolicyGroup", "AdmissionPolicyGroup"],
};

function isEngine(obj: Obj): boolean {
  const kinds = ENGINE_KINDS[apiGroup(obj.fact.apiVersion)];
  return kinds === "*" || (kinds?.includes(obj.kind) ?? false);
}

export default crossRule({
  name: "policy-engine-absent",
  meta: {
    type: "suggestion",
    docs: {
      description: "Report Namespaces with neither Pod Security Admission enforcement nor an admission policy engine in the linted set",
      severity: "info",
      presets: ["recommended"],
      equivalents: { kubescape: ["C-0192"] },
    },
    messages: {
      absent:
        "Namespace '{{name}}' has no `pod-security.kubernetes.io/enforce` label, and the linted set ({{objects}} objects) holds no admission webhook, ValidatingAdmissionPolicy, Kyverno, Gatekeeper or Kubewarden policy: unless an engine is installed in the cluster by other means, nothing stops a privileged pod here. Add `pod-security.kubernetes.io/enforce: restricted` (or baseline).",
    },
    schema: [
      {
        type: "object",
        properties: { ignoreNamespaces: { type: "array", items: { type: "string" }, description: "Namespaces not checked." } },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ ignoreNamespaces: IGNORED }] as Options,
  check({ index, report, optionsFor }) {
    const namespaces = index.ofKind("Namespace").filter((n) => n.fact.apiVersion === "v1" && !nameTemplated(n.name));
    if (!namespaces.length) return;
    // One linear pass: any admission-control object in the run and the rule says nothing.
    for (const obj of index.objects) if (isEngine(obj)) return;
    for (const ns of namespaces) {
      if ((optionsFor(ns.file)[0]?.ignoreNamespaces ?? IGNORED).includes(ns.name!)) continue;
      const labels = stringRecord(at(ns.snap, "metadata", "labels"));
      if (labels["pod-security.kubernetes.io/enforce"]) continue;
      report({ obj: ns, messageId: "absent", data: { name: nameOf(ns), objects: index.objects.length } });
    }
  },
});
