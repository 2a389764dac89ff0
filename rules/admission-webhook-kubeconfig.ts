/**
 * @fileoverview admission-webhook-kubeconfig: an admission plugin's `kubeConfigFile` names a
 * kubeconfig of the run that breaks the kubeconfig rules of catalog-config.md §1.11 (catalog
 * §1.10). Covered: `ImagePolicyWebhook` (`configuration.imagePolicy.kubeConfigFile`),
 * `ValidatingAdmissionWebhook` / `MutatingAdmissionWebhook` (`configuration.kubeConfigFile` of a
 * WebhookAdmissionConfiguration), embedded in an AdmissionConfiguration or as a standalone
 * `kind: WebhookAdmissionConfiguration` document. The admission-controllers docs: "It is required
 * that the backend communicate over TLS".
 */
import { at, crossRule, items, str, type Obj, type Snap } from "../src/crossdoc/index.js";
import { isAdmissionConfig, isConcretePath, isKind, isKubeconfig, kubeconfigProblems, resolvePath } from "./shared/_xf.js";

const isWebhookAdmissionConfig = isKind("WebhookAdmissionConfiguration", "apiserver.config.k8s.io");

export default crossRule({
  name: "admission-webhook-kubeconfig",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow admission webhook kubeconfigs that skip TLS verification, use plain http or hold static credentials",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      unsafe: "{{plugin}} uses the kubeconfig {{file}} (kubeConfigFile), where {{problems}}: admission requests — whole objects, Secrets included — and their verdicts travel over that connection. The backend must be reached over verified TLS; fix the kubeconfig (see {{rules}}).",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report, where }) {
    const refs: { obj: Obj; plugin: string; node: Snap }[] = [];
    for (const a of index.objects) {
      if (isAdmissionConfig(a)) {
        for (const p of items(at(a.snap, "plugins"))) {
          const name = str(at(p, "name")) ?? "";
          const cfg = at(p, "configuration");
          const node = name === "ImagePolicyWebhook" ? at(cfg, "imagePolicy", "kubeConfigFile") : name === "ValidatingAdmissionWebhook" || name === "MutatingAdmissionWebhook" ? at(cfg, "kubeConfigFile") : null;
          if (node) refs.push({ obj: a, plugin: name, node });
        }
      } else if (isWebhookAdmissionConfig(a)) {
        const node = at(a.snap, "kubeConfigFile");
        if (node) refs.push({ obj: a, plugin: "WebhookAdmissionConfiguration", node });
      }
    }
    for (const r of refs) {
      const path = str(r.node);
      if (!isConcretePath(path)) continue;
      for (const cfg of resolvePath(index, r.obj.file, path, isKubeconfig, r.obj)) {
        const problems = kubeconfigProblems(cfg);
        if (!problems.length) continue;
        report({
          obj: r.obj,
          node: r.node,
          messageId: "unsafe",
          data: { plugin: r.plugin, file: where(cfg), problems: problems.map((p) => p.what).join("; "), rules: [...new Set(problems.map((p) => p.rule))].join(", ") },
          related: problems.map((p) => ({ obj: cfg, node: p.node, message: `${p.what} (${p.rule})` })),
        });
      }
    }
  },
});
