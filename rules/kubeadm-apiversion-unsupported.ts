/**
 * @fileoverview kubeadm-apiversion-unsupported: a kubeadm configuration in an API version the
 * target kubeadm no longer reads (`v1beta1` from 1.22, `v1beta2` from 1.27, every `v1alpha*`).
 * kubeadm refuses the file; `kubeadm config migrate` (run with an older kubeadm) converts it.
 * With the option `superseded: true`, `v1beta3` (superseded by `v1beta4` in 1.31) is reported too.
 */
import { asScalar, getPair } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { kubeadmTargetMinor, kubeadmVersion } from "./shared/_kubeadm.js";

/** Version → the first Kubernetes minor whose kubeadm no longer reads it (KADM v1beta4 doc.go). */
const UNSUPPORTED_FROM: Record<string, number> = { v1alpha1: 0, v1alpha2: 0, v1alpha3: 0, v1beta1: 22, v1beta2: 27 };

type Options = [{ superseded?: boolean }];

export default createRule<"unsupported" | "superseded", Options>({
  name: "kubeadm-apiversion-unsupported",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow kubeadm configuration API versions that the target kubeadm no longer reads",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      unsupported: "{{apiVersion}} is not read by kubeadm {{target}} (no longer read since {{since}}): kubeadm rejects this {{kind}}. Convert it with 'kubeadm config migrate' (using a kubeadm release that still reads it) to kubeadm.k8s.io/v1beta4.",
      superseded: "{{apiVersion}} is superseded by kubeadm.k8s.io/v1beta4 (kubeadm 1.31): convert this {{kind}} with 'kubeadm config migrate' before the old version is removed.",
    },
    schema: [{ type: "object", properties: { superseded: { type: "boolean" } }, additionalProperties: false }],
  },
  defaultOptions: [{ superseded: false }],
  create(context, [options]) {
    return {
      Resource(resource) {
        const version = kubeadmVersion(resource);
        if (version === null) return;
        const node = asScalar(getPair(resource.node, "apiVersion")?.value ?? null);
        if (!node) return;
        const target = kubeadmTargetMinor(context.sourceCode, context.settings.kubeguard?.kubernetesVersion);
        const since = UNSUPPORTED_FROM[version];
        const data = { apiVersion: resource.apiVersion ?? "", kind: resource.kind ?? "document", target: `1.${target}` };
        if (since !== undefined && target >= since) {
          context.report({ node, messageId: "unsupported", data: { ...data, since: since === 0 ? "before 1.22" : `1.${since}` } });
        } else if (version === "v1beta3" && options?.superseded && target >= 31) {
          context.report({ node, messageId: "superseded", data });
        }
      },
    };
  },
});
