/**
 * @fileoverview Every core kind in ../shared/corpus/manifests validates without false errors: the
 * schema rules (schema-invalid, unknown-field, misplaced-security-field, yaml-1-1-ambiguous-value)
 * report exactly the findings below, each one looked at and explained in docs/schema-findings.md.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/eslint/index.js";

const MANIFESTS = join(import.meta.dirname, "..", "..", "..", "shared", "corpus", "manifests");
const RULES = ["schema-invalid", "unknown-field", "misplaced-security-field", "yaml-1-1-ambiguous-value"];

/** `<file>:<line>:<column> <rule>` of every finding (docs/schema-findings.md explains each). */
const EXPECTED = [
  "argoproj__argo-cd/manifests/ha/base/overlays/argocd-application-controller-statefulset.yaml:5:1 schema-invalid",
  "argoproj__argo-cd/manifests/ha/base/overlays/argocd-repo-server-deployment.yaml:5:1 schema-invalid",
  "argoproj__argo-cd/manifests/ha/base/overlays/argocd-server-deployment.yaml:5:1 schema-invalid",
  "kubernetes-sigs__kustomize/examples/validationTransformer/invalid.yaml:6:1 schema-invalid",
  "kubernetes-sigs__kustomize/functions/examples/application-cr/local-resource/example.yaml:16:1 schema-invalid",
  "kubernetes-sigs__kustomize/functions/examples/fn-framework-application/pkg/exampleapp/v1alpha1/testdata/success/overrides/web-worker-sidecar.yaml:5:1 schema-invalid",
  "kubernetes-sigs__kustomize/functions/examples/validator-kubeval/local-resource/example-use.yaml:29:3 unknown-field",
  "kubernetes-sigs__kustomize/kyaml/fn/framework/testdata/patch-selector/annotationselector/expected.yaml:18:1 schema-invalid",
  "kubernetes-sigs__kustomize/kyaml/fn/framework/testdata/patch-selector/filterselector/expected.yaml:11:1 schema-invalid",
  "kubernetes-sigs__kustomize/kyaml/fn/framework/testdata/patch-selector/filterselector/expected.yaml:27:1 schema-invalid",
  "kubernetes-sigs__kustomize/kyaml/fn/framework/testdata/patch-selector/kindselector/expected.yaml:11:1 schema-invalid",
  "kubernetes-sigs__kustomize/kyaml/fn/framework/testdata/patch-selector/labelselector/expected.yaml:19:1 schema-invalid",
  "kubernetes-sigs__kustomize/kyaml/fn/framework/testdata/patch-selector/longlistpreprocess/expected.yaml:12:1 schema-invalid",
  "kubernetes-sigs__kustomize/kyaml/fn/framework/testdata/patch-selector/longlistpreprocess/expected.yaml:34:1 schema-invalid",
  "kubernetes-sigs__kustomize/kyaml/fn/framework/testdata/patch-selector/nameselector/expected.yaml:18:1 schema-invalid",
  "kubernetes-sigs__kustomize/kyaml/fn/framework/testdata/patch-selector/namespaceselector/expected.yaml:19:1 schema-invalid",
  "kubernetes__dashboard/aio/test-resources/nginx-daemon-daemon-set.yaml:21:1 schema-invalid",
  "kubernetes__dashboard/hack/test-resources/nginx-daemon-daemon-set.yaml:21:1 schema-invalid",
  "kubernetes__examples/_archived/volumes/aws_ebs/aws-ebs-web.yaml:12:21 schema-invalid",
  "kubernetes__examples/_archived/volumes/cinder/cinder-web.yaml:12:21 schema-invalid",
  "kubernetes__examples/_archived/volumes/fibre_channel/fc.yaml:17:13 schema-invalid",
  "kubernetes__examples/_archived/volumes/rbd/rbd.yaml:25:9 unknown-field",
  "kubernetes__examples/_archived/volumes/rbd/rbd.yaml:26:9 unknown-field",
  "kubernetes__examples/_archived/volumes/scaleio/pod.yaml:17:7 unknown-field",
  "kubernetes__examples/_archived/volumes/storageos/storageos-pod.yaml:35:9 unknown-field",
  "kubernetes__examples/_archived/volumes/storageos/storageos-pv.yaml:22:5 unknown-field",
  "kubernetes__ingress-nginx/docs/examples/auth/oauth-external-auth/vouch-proxy.yaml:21:18 yaml-1-1-ambiguous-value",
  "kubernetes__ingress-nginx/docs/examples/customization/ssl-dh-param/ssl-dh-param.yaml:3:16 schema-invalid",
  "kyverno__policies/pod-security/baseline/disallow-host-ports/.chainsaw-test/pod-bad.yaml:10:7 schema-invalid",
  "kyverno__policies/pod-security/restricted/require-run-as-nonroot/.chainsaw-test/pod-bad.yaml:223:5 misplaced-security-field",
  "kyverno__policies/pod-security/restricted/require-run-as-nonroot/.kyverno-test/resource.yaml:225:5 misplaced-security-field",
];

function linter(kubernetesVersion?: string): ESLint {
  return new ESLint({
      cwd: MANIFESTS,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ["**/*.yaml", "**/*.yml", "**/*.json"],
          plugins: { kubeguard: plugin as never },
          language: "kubeguard/k8s",
          rules: Object.fromEntries(RULES.map((r) => [`kubeguard/${r}`, "error"])),
          ...(kubernetesVersion ? { settings: { kubeguard: { kubernetesVersion } } } : {}),
        },
      ],
      errorOnUnmatchedPattern: false,
    });
}

const EXEMPLAR = "kubernetes__apiserver/pkg/endpoints/handlers/responsewriters/testdata/exemplar_pod.yaml";

describe.skipIf(!existsSync(MANIFESTS))("schema rules over the corpus manifests", () => {
  it("report only the known upstream findings (default kubernetesVersion 1.34)", { timeout: 600_000 }, async () => {
    const results = await linter().lintFiles(["."]);
    const found: string[] = [];
    for (const r of results) {
      for (const m of r.messages) {
        if (!m.ruleId) continue;
        expect(m.endLine, m.message).toBeGreaterThan(0);
        found.push(`${r.filePath.slice(MANIFESTS.length + 1)}:${m.line}:${m.column} ${m.ruleId.replace("kubeguard/", "")}`);
      }
    }
    found.sort();
    expect(found).toHaveLength(31);
    expect(found).toEqual([...EXPECTED].sort());
  });

  it("report the PodStatus fields of Kubernetes 1.34 when the target is 1.33", async () => {
    const [result] = await linter("1.33").lintFiles([EXEMPLAR]);
    const found = result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message.split(":")[0]}`);
    expect(found).toEqual([
      "525:3 kubeguard/unknown-field status.allocatedResources",
      "675:3 kubeguard/unknown-field status.resources",
    ]);
    expect(result!.messages[0]!.message).toContain("not a field in the Kubernetes 1.33 schema");
  });
});
