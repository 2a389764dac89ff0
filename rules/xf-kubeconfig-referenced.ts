/**
 * @fileoverview xf-kubeconfig-referenced: a control-plane component or kubelet is pointed at a
 * kubeconfig of the run that breaks the kubeconfig rules of catalog-config.md §1.11 (TLS
 * verification off, plain-http server or proxy, basic-auth password, literal token). The
 * kubeconfig's own finding is in the kubeconfig file (kubeconfig-… rules); this one is reported
 * on the flag that makes a component use it, so the exposure is seen where the component is
 * configured.
 *
 * Flags: kube-apiserver `--authentication-token-webhook-config-file`,
 * `--authorization-webhook-config-file`, `--audit-webhook-config-file`; kube-controller-manager and
 * kube-scheduler `--kubeconfig`, `--authentication-kubeconfig`, `--authorization-kubeconfig`;
 * kubelet `--kubeconfig`, `--bootstrap-kubeconfig`; kube-proxy `--kubeconfig`. Admission plugins'
 * `kubeConfigFile` is admission-webhook-kubeconfig's.
 */
import { crossRule } from "../src/crossdoc/index.js";
import { isConcretePath, isKubeconfig, kubeconfigProblems, lastFlag, resolvePath, setObj, valueNode } from "./shared/_xf.js";

const FLAGS: Record<string, string[]> = {
  "kube-apiserver": ["authentication-token-webhook-config-file", "authorization-webhook-config-file", "audit-webhook-config-file"],
  "kube-controller-manager": ["kubeconfig", "authentication-kubeconfig", "authorization-kubeconfig"],
  "kube-scheduler": ["kubeconfig", "authentication-kubeconfig", "authorization-kubeconfig"],
  kubelet: ["kubeconfig", "bootstrap-kubeconfig"],
  "kube-proxy": ["kubeconfig"],
};

export default crossRule({
  name: "xf-kubeconfig-referenced",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow components using kubeconfigs that skip TLS verification, use plain http or hold static credentials",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      unsafe: "{{component}} --{{flag}} uses the kubeconfig {{file}}, where {{problems}}: {{component}} talks to that endpoint with it. Fix the kubeconfig (see {{rules}}).",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report, where }) {
    for (const e of index.flagSets) {
      for (const flag of FLAGS[e.set.component] ?? []) {
        const f = lastFlag(e.set, flag);
        if (!f || !isConcretePath(f.value)) continue;
        for (const cfg of resolvePath(index, e.file, f.value, isKubeconfig, e.obj ?? undefined)) {
          const problems = kubeconfigProblems(cfg);
          if (!problems.length) continue;
          report({
            obj: setObj(e),
            node: valueNode(f),
            messageId: "unsafe",
            data: { component: e.set.component, flag, file: where(cfg), problems: problems.map((p) => p.what).join("; "), rules: [...new Set(problems.map((p) => p.rule))].join(", ") },
            related: problems.map((p) => ({ obj: cfg, node: p.node, message: `${p.what} (${p.rule})` })),
          });
        }
      }
    }
  },
});
