/**
 * @fileoverview duplicate-object: two documents of a run declare the same group/kind/namespace/name.
 * `kubectl apply` applies both and the last one silently wins (helm/helm#851; kubeval had this
 * check, no current tool does). Reported on every later copy, naming the first.
 *
 * Scope: by default a set is one file (one `kubectl apply -f`, one `helm template` render). With
 * `{scope: "folder"}` a set is one folder (`kubectl apply -f dir/`, a GitOps path) — not the
 * default: repositories keep alternative bundles side by side (argo-cd's install.yaml and
 * namespace-install.yaml, one golden render per values file), which are never applied together.
 * Folders with a kustomization are skipped (bases and partial patches repeat names by design).
 */
import { basename, dirname } from "node:path";
import { crossRule, defaultNode, type Obj } from "../src/crossdoc/index.js";
import { apiGroup } from "../src/language/k8s.js";

export default crossRule({
  name: "duplicate-object",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow two documents that declare the same object",
      severity: "low",
      presets: ["recommended"],
    },
    messages: {
      duplicate: "{{kind}} '{{name}}'{{where}} is declared again here; the first declaration is at {{first}}. Applied together, the last one silently replaces the other.",
    },
    schema: [
      {
        type: "object",
        properties: { scope: { enum: ["file", "folder"], description: "What is applied together: one file (default) or one folder." } },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ scope: "file" }] as [{ scope?: "file" | "folder" }],
  check({ index, report, where, optionsFor }) {
    const kustomizeDirs = new Set([
      ...index.ofKind("Kustomization").map((k) => dirname(k.file)),
      ...index.files.filter((f) => /^(?:kustomization\.ya?ml|Kustomization)$/u.test(basename(f))).map((f) => dirname(f)),
    ]);
    const first = new Map<string, Obj>();
    for (const obj of index.objects) {
      const dir = dirname(obj.file);
      if (kustomizeDirs.has(dir)) continue;
      const set = optionsFor(obj.file)[0]?.scope === "folder" ? dir : obj.file;
      if (!obj.kind || !obj.name || obj.name.includes("{{")) continue;
      // Kustomize patches and kubeadm/kubelet config kinds are not API objects applied together.
      if (obj.fact.apiVersion === null) continue;
      const key = `${set}\u0000${apiGroup(obj.fact.apiVersion)}\u0000${obj.kind}\u0000${obj.ns ?? ""}\u0000${obj.name}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, obj);
        continue;
      }
      report({
        obj,
        messageId: "duplicate",
        data: { kind: obj.kind, name: obj.name, where: obj.ns ? ` in namespace '${obj.ns}'` : "", first: where(earlier) },
        related: [{ obj: earlier, node: defaultNode(earlier), message: `First declaration of ${obj.kind} '${obj.name}'` }],
      });
    }
  },
});
