/**
 * @fileoverview kubelet-flag-overrides-config: a kubelet flag weakens a setting that the
 * KubeletConfiguration sets (or defaults) more strictly. Flags always win over the config file
 * (kubelet reference, `--config`: "Command-line flags override configuration from this file").
 *
 * Where both ends are visible:
 * - a kubeadm file whose `nodeRegistration.kubeletExtraArgs` and `KubeletConfiguration` document
 *   disagree (the document's value, or kubeadm's own default for it, is overridden);
 * - a unit, environment file or static pod that passes `--config` together with a flag whose
 *   value is weaker than the KubeletConfiguration default (whatever the file sets is overridden).
 */
import type { FlagNode, FlagSetNode, PairNode, ResourceNode, YamlNode } from "../src/language/ast.js";
import { createRule } from "../src/rule.js";
import { carrierLabel, configPair, fixFrom, inKubeadmFile, isKubeletConfiguration, isZeroDuration, listItems, parseFlagBool, readConfigBool, readConfigInt, readConfigList, readConfigString, removeFlagEdits } from "./shared/_kubelet-rule.js";
import { effectiveFlag } from "../src/language/flags.js";

type MessageIds = "overridesDocument" | "overridesFile" | "removeFlag";

interface Setting {
  flag: string;
  path: string[];
  field: string;
  readFlag(v: string | null): string | null;
  readConfig(n: YamlNode): string | null;
  insecure(v: string | null): boolean;
  configDefault: string | null;
  kubeadmDefault?: string | null;
}

/** A zero duration in a KubeletConfiguration file is the unset value: the default applies. */
const zeroIsDefault = (v: string | null, def: string): string | null => (v !== null && isZeroDuration(v) ? def : v);
const str = (v: string | null): string | null => (v === null ? null : v.trim());
const int = (v: string | null): string | null => (v !== null && /^[+-]?\d+$/u.test(v.trim()) ? String(Number(v.trim())) : null);

/** kubelet settings that are both a flag and a KubeletConfiguration field (catalog-config.md §1.5). */
export const OVERRIDABLE: Setting[] = [
  { flag: "anonymous-auth", path: ["authentication", "anonymous"], field: "enabled", readFlag: parseFlagBool, readConfig: readConfigBool, insecure: (v) => v === "true", configDefault: "false" },
  { flag: "authentication-token-webhook", path: ["authentication", "webhook"], field: "enabled", readFlag: parseFlagBool, readConfig: readConfigBool, insecure: (v) => v === "false", configDefault: "true" },
  { flag: "authorization-mode", path: ["authorization"], field: "mode", readFlag: str, readConfig: readConfigString, insecure: (v) => v === "AlwaysAllow", configDefault: "Webhook" },
  { flag: "read-only-port", path: [], field: "readOnlyPort", readFlag: int, readConfig: readConfigInt, insecure: (v) => v !== null && v !== "0", configDefault: "0" },
  { flag: "client-ca-file", path: ["authentication", "x509"], field: "clientCAFile", readFlag: str, readConfig: readConfigString, insecure: (v) => v === null || v === "", configDefault: null, kubeadmDefault: "/etc/kubernetes/pki/ca.crt" },
  { flag: "streaming-connection-idle-timeout", path: [], field: "streamingConnectionIdleTimeout", readFlag: str, readConfig: (n) => zeroIsDefault(readConfigString(n), "4h0m0s"), insecure: (v) => v !== null && isZeroDuration(v), configDefault: "4h0m0s" },
  { flag: "make-iptables-util-chains", path: [], field: "makeIPTablesUtilChains", readFlag: parseFlagBool, readConfig: readConfigBool, insecure: (v) => v === "false", configDefault: "true" },
  { flag: "protect-kernel-defaults", path: [], field: "protectKernelDefaults", readFlag: parseFlagBool, readConfig: readConfigBool, insecure: (v) => v !== "true", configDefault: "false" },
  { flag: "rotate-certificates", path: [], field: "rotateCertificates", readFlag: parseFlagBool, readConfig: readConfigBool, insecure: (v) => v !== "true", configDefault: "false", kubeadmDefault: "true" },
  { flag: "rotate-server-certificates", path: [], field: "serverTLSBootstrap", readFlag: parseFlagBool, readConfig: readConfigBool, insecure: (v) => v !== "true", configDefault: "false" },
  { flag: "tls-min-version", path: [], field: "tlsMinVersion", readFlag: str, readConfig: readConfigString, insecure: (v) => v === "VersionTLS10" || v === "VersionTLS11", configDefault: null },
  { flag: "seccomp-default", path: [], field: "seccompDefault", readFlag: parseFlagBool, readConfig: readConfigBool, insecure: (v) => v !== "true", configDefault: "false" },
  { flag: "pod-max-pids", path: [], field: "podPidsLimit", readFlag: int, readConfig: readConfigInt, insecure: (v) => v === null || Number(v) < 0, configDefault: "-1" },
  { flag: "event-qps", path: [], field: "eventRecordQPS", readFlag: int, readConfig: readConfigInt, insecure: (v) => v !== null && Number(v) <= 0, configDefault: "50" },
  { flag: "healthz-bind-address", path: [], field: "healthzBindAddress", readFlag: str, readConfig: (n) => (readConfigString(n) === "" ? "127.0.0.1" : readConfigString(n)), insecure: (v) => v !== null && !/^(127\.|::1$|localhost$)/u.test(v), configDefault: "127.0.0.1" },
  { flag: "manifest-url", path: [], field: "staticPodURL", readFlag: str, readConfig: readConfigString, insecure: (v) => v !== null && v !== "", configDefault: null },
  { flag: "allowed-unsafe-sysctls", path: [], field: "allowedUnsafeSysctls", readFlag: (v) => listItems(v).join(","), readConfig: readConfigList, insecure: (v) => v !== null && v !== "", configDefault: null },
];

function flagValue(s: Setting, f: FlagNode): string | null {
  return s.readFlag(f.value);
}

export default createRule<MessageIds, []>({
  name: "kubelet-flag-overrides-config",
  meta: {
    type: "problem",
    docs: { description: "Disallow kubelet flags that weaken the KubeletConfiguration", severity: "high", presets: ["recommended"] },
    messages: {
      overridesDocument: "kubelet flag --{{flag}}={{value}} ({{carrier}}) overrides {{field}}: {{configValue}} of the KubeletConfiguration at line {{line}} (flags win over the config file), weakening it.",
      overridesFile: "kubelet flag --{{flag}}={{value}} ({{carrier}}) overrides {{field}} of the --config file (flags win over the config file), weaker than its default {{configValue}}.",
      removeFlag: "Remove --{{flag}} and keep the setting in the KubeletConfiguration.",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const configs = (): ResourceNode[] => sourceCode.resources.filter(isKubeletConfiguration);
    const kubeadm = inKubeadmFile(sourceCode);
    const report = (set: FlagSetNode, f: FlagNode, messageId: MessageIds, data: Record<string, string>): void => {
      const fix = fixFrom(removeFlagEdits(sourceCode, set, f.name));
      const node = f.carrier === "extraArgs" && f.node?.type === "Pair" ? f.node : f;
      context.report({ node, messageId, data, ...(fix ? { suggest: [{ messageId: "removeFlag", data: { flag: f.name }, fix }] } : {}) });
    };
    return {
      FlagSet(set) {
        if (set.component !== "kubelet") return;
        const docs = set.carrier === "extraArgs" ? configs() : [];
        if (!docs.length && !set.hasConfigFile) return;
        for (const s of OVERRIDABLE) {
          const f = effectiveFlag(set, s.flag);
          if (!f) continue;
          const value = flagValue(s, f);
          if (value === null || !s.insecure(value)) continue;
          const data = { flag: s.flag, value: f.value ?? value, carrier: carrierLabel(f.carrier), field: [...s.path, s.field].join(".") };
          if (docs.length) {
            const doc = docs[docs.length - 1]!;
            const { pair } = configPair(doc, s.path, s.field);
            const written: PairNode | null = pair?.value ? pair : null;
            const cv = written ? s.readConfig(written.value!) : kubeadm && s.kubeadmDefault !== undefined ? s.kubeadmDefault : s.configDefault;
            if (cv !== null && s.insecure(cv)) continue;
            if (cv === null && s.insecure(null)) continue;
            const at = written ?? configPair(doc, [], "kind").pair ?? doc.node;
            const line = String(sourceCode.positionAt(at.range[0]).line);
            report(set, f, "overridesDocument", { ...data, configValue: cv ?? "unset", line });
            continue;
          }
          // --config file not visible: compare with the KubeletConfiguration default.
          if (s.insecure(s.configDefault)) continue;
          report(set, f, "overridesFile", { ...data, configValue: s.configDefault ?? "unset" });
        }
      },
    };
  },
});
