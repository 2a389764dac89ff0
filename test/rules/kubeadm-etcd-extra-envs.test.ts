/**
 * kubeadm v1beta4 `etcd.local.extraEnvs` as a carrier of etcd settings (`ETCD_*`, catalog-config.md
 * §0.5): flags beat env (extraArgs and the flags kubeadm writes itself), v1beta3 has no extraEnvs,
 * and the fix helpers write in the carrier's syntax. The rule-level cases are fixtures of
 * etcd-pprof-enabled, etcd-auto-tls, etcd-weak-tls, etcd-client-cert-auth-off and
 * etcd-config-file-shadows-flags (clusterconfig-v1beta4-extraenvs*).
 */
import { describe, expect, it } from "vitest";
import { parseProgram } from "../../src/language/language.js";
import { KUBEADM_ETCD_FLAGS, kubeadmExtraArgsToCreate } from "../../src/language/flags.js";
import { K8sSourceCode } from "../../src/language/source-code.js";
import { removeFlag, setFlag } from "../../src/fix/flags.js";
import { KUBEADM_DEFAULTS } from "../../rules/shared/_flag-rule.js";
import type { FlagSetNode } from "../../src/language/ast.js";

const config = (version: string, local: string, apiServer = ""): string =>
  `apiVersion: kubeadm.k8s.io/${version}\nkind: ClusterConfiguration\nkubernetesVersion: v1.34.1\n${apiServer}etcd:\n  local:\n    dataDir: /var/lib/etcd\n${local}networking:\n  serviceSubnet: 10.96.0.0/12\n`;

function parse(text: string): { sc: K8sSourceCode; sets: FlagSetNode[] } {
  const ast = parseProgram(text, "kubeadm-config.yaml");
  const sc = new K8sSourceCode({ text, ast, languageOptions: {} });
  return { sc, sets: ast.body.flatMap((d) => d.resources.flatMap((r) => r.flagSets)) };
}
const apply = (text: string, edits: { range: [number, number]; text: string }[]): string =>
  [...edits].sort((a, b) => b.range[0] - a.range[0]).reduce((t, e) => t.slice(0, e.range[0]) + e.text + t.slice(e.range[1]), text);
const etcd = (sets: FlagSetNode[]): FlagSetNode | undefined => sets.find((s) => s.component === "etcd");

describe("kubeadm etcd.local.extraEnvs", () => {
  it("knows the same kubeadm-written etcd flags as the flag rules", () => {
    expect([...KUBEADM_ETCD_FLAGS].sort()).toEqual(Object.keys(KUBEADM_DEFAULTS.etcd!).sort());
  });

  it("v1beta4: effective ETCD_* variables join the etcd set; shadowed, empty and non-etcd ones do not", () => {
    const { sets } = parse(
      config(
        "v1beta4",
        '    extraArgs:\n      - name: cipher-suites\n        value: TLS_AES_128_GCM_SHA256\n    extraEnvs:\n      - name: ETCD_ENABLE_PPROF\n        value: "true"\n      - name: ETCD_CLIENT_CERT_AUTH\n        value: "false"\n      - name: ETCD_CIPHER_SUITES\n        value: TLS_RSA_WITH_RC4_128_SHA\n      - name: ETCD_AUTO_TLS\n        value: ""\n      - name: HTTPS_PROXY\n        value: http://proxy:3128\n',
      ),
    );
    const set = etcd(sets)!;
    expect(set.carrier).toBe("extraArgs");
    expect(set.flags.map((f) => `${f.carrier}:${f.name}=${f.value}`)).toEqual(["environment:enable-pprof=true", "extraArgs:cipher-suites=TLS_AES_128_GCM_SHA256"]);
    expect(set.flags[0]!.editable).toBe(true);
    expect(kubeadmExtraArgsToCreate(set)).toBeNull();
  });

  it("v1beta3 (no extraEnvs field), etcd.external and apiServer.extraEnvs carry no etcd flags", () => {
    const env = '    extraEnvs:\n      - name: ETCD_ENABLE_PPROF\n        value: "true"\n';
    expect(etcd(parse(config("v1beta3", env)).sets)).toBeUndefined();
    const external = parse(`apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\netcd:\n  external:\n    endpoints: [https://10.0.0.5:2379]\n  local:\n${env}`);
    expect(etcd(external.sets)).toBeUndefined();
    const api = parse(config("v1beta4", "", 'apiServer:\n  extraEnvs:\n    - name: ETCD_ENABLE_PPROF\n      value: "true"\n'));
    expect(api.sets).toEqual([]);
  });

  it("extraEnvs without extraArgs: a set of its own; fixes edit the variable, remove its item, or add extraArgs", () => {
    const text = config("v1beta4", '    extraEnvs:\n      - name: ETCD_TLS_MIN_VERSION\n        value: TLS1.1\n      - name: ETCD_ENABLE_PPROF\n        value: "true"\n');
    const { sc, sets } = parse(text);
    const set = etcd(sets)!;
    expect(set.container).toBeNull();
    expect(kubeadmExtraArgsToCreate(set)).toEqual(["etcd", "local", "extraArgs"]);
    expect(text.slice(set.range[0], set.range[1]).startsWith("local:")).toBe(true);

    const setValue = apply(text, setFlag(sc, set, "tls-min-version", "TLS1.2")!);
    expect(setValue).toContain('      - name: ETCD_TLS_MIN_VERSION\n        value: "TLS1.2"\n');

    const pprof = set.flags.find((f) => f.name === "enable-pprof")!;
    const removed = apply(text, removeFlag(sc, set, pprof)!);
    expect(removed).toBe(text.replace('      - name: ETCD_ENABLE_PPROF\n        value: "true"\n', ""));

    const added = apply(text, setFlag(sc, set, "cipher-suites", "TLS_AES_128_GCM_SHA256")!);
    const again = etcd(parse(added).sets)!;
    expect(again.container?.type).toBe("Seq");
    expect(again.flags.map((f) => `${f.carrier}:${f.name}`)).toEqual(["environment:tls-min-version", "environment:enable-pprof", "extraArgs:cipher-suites"]);
  });

  it("a static pod's env stays report-only (editable false)", () => {
    const pod =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: etcd\n  namespace: kube-system\nspec:\n  containers:\n    - name: etcd\n      image: registry.k8s.io/etcd:3.5.15-0\n      command:\n        - etcd\n        - --data-dir=/var/lib/etcd\n      env:\n        - name: ETCD_ENABLE_PPROF\n          value: "true"\n';
    const { sc, sets } = parse(pod);
    const set = etcd(sets)!;
    expect(set.flags[0]!.editable).toBe(false);
    expect(removeFlag(sc, set, set.flags[0]!)).toBeNull();
  });
});
