/**
 * @fileoverview kubelet-serving-cert-self-signed: the kubelet has no serving certificate
 * (`--tls-cert-file`/`--tls-private-key-file` ↔ `tlsCertFile`/`tlsPrivateKeyFile`) and does not
 * request one from the cluster (`--rotate-server-certificates` ↔ `serverTLSBootstrap`, default
 * false), so it serves a self-signed certificate the API server cannot verify.
 */
import type { FlagSetNode, ResourceNode } from "../src/language/ast.js";
import { effectiveFlag } from "../src/language/flags.js";
import { setIn } from "../src/fix/index.js";
import { unitFlagSetInfo } from "../src/language/systemd.js";
import { createRule } from "../src/rule.js";
import { carrierLabel, configPair, configValue, fixFrom, isKubeletConfiguration, isKubeletDropInFile, parseFlagBool, readConfigBool, readConfigString } from "./shared/_kubelet-rule.js";

type MessageIds = "selfSignedFlags" | "selfSignedConfig" | "setConfig";

const set = (v: string | null): boolean => v !== null && v.trim() !== "";

/** Flags of the same file (kubeadm kubeletExtraArgs) that decide the setting, if any. */
function flagDecides(sets: FlagSetNode[]): boolean {
  return sets.some((s) => ["tls-cert-file", "tls-private-key-file", "rotate-server-certificates"].some((n) => effectiveFlag(s, n) !== null));
}

function flagsOk(s: FlagSetNode): boolean {
  const cert = effectiveFlag(s, "tls-cert-file")?.value ?? null;
  const key = effectiveFlag(s, "tls-private-key-file")?.value ?? null;
  const rot = effectiveFlag(s, "rotate-server-certificates");
  return (set(cert) && set(key)) || (rot !== null && parseFlagBool(rot.value) === "true");
}

function configOk(r: ResourceNode): boolean {
  const cert = configValue(r, [], "tlsCertFile", readConfigString, null);
  const key = configValue(r, [], "tlsPrivateKeyFile", readConfigString, null);
  return (set(cert) && set(key)) || configValue(r, [], "serverTLSBootstrap", readConfigBool, "false") === "true";
}

const RISK = "the kubelet generates a self-signed serving certificate, which the API server cannot verify (kubelet connections are open to interception), and which is never rotated.";

export default createRule<MessageIds, []>({
  name: "kubelet-serving-cert-self-signed",
  meta: {
    type: "problem",
    docs: {
      description: "Give the kubelet a serving certificate signed by the cluster",
      severity: "medium",
      presets: ["recommended", "cis"],
      standards: { cis: ["4.2.9"] },
      equivalents: { checkov: ["CKV_K8S_148"], trivy: ["KCV-0088", "KCV-0089"], "kube-bench": ["4.2.9"] },
    },
    messages: {
      selfSignedFlags: `kubelet in {{carrier}} has neither --tls-cert-file/--tls-private-key-file nor --rotate-server-certificates=true and no --config: ${RISK}`,
      selfSignedConfig: `KubeletConfiguration has neither tlsCertFile/tlsPrivateKeyFile nor serverTLSBootstrap: true: ${RISK}`,
      setConfig: "Set serverTLSBootstrap: true (serving certificates are then requested from the cluster; someone must approve the kubelet-serving CSRs).",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      FlagSet(s) {
        if (s.component !== "kubelet" || s.hasConfigFile || s.carrier === "extraArgs" || s.carrier === "environment") return;
        if (flagsOk(s)) return;
        if (s.carrier === "systemd") {
          const info = unitFlagSetInfo(s);
          if (!info || info.bare || info.unknownVariables.length) return;
          context.report({ node: { range: info.commandRange }, messageId: "selfSignedFlags", data: { carrier: carrierLabel(s.carrier) } });
          return;
        }
        const first = s.container?.type === "Seq" ? s.container.items[0] : null;
        if (first) context.report({ node: first, messageId: "selfSignedFlags", data: { carrier: carrierLabel(s.carrier) } });
      },
      Resource(r) {
        if (!isKubeletConfiguration(r)) return;
        // A --config-dir drop-in is a fragment: the certificate settings may come from the base file.
        if (isKubeletDropInFile(context.physicalFilename || context.filename)) return;
        if (flagDecides(sourceCode.resources.flatMap((x) => x.flagSets.filter((f) => f.component === "kubelet")))) return;
        if (configOk(r)) return;
        const { pair } = configPair(r, [], "serverTLSBootstrap");
        const node = pair ?? configPair(r, [], "kind").pair ?? r.node;
        const fix = fixFrom(setIn(sourceCode, r.node, [], "serverTLSBootstrap", "true"));
        context.report({ node, messageId: "selfSignedConfig", ...(fix ? { suggest: [{ messageId: "setConfig", fix }] } : {}) });
      },
    };
  },
});
