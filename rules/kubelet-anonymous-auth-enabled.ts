/**
 * @fileoverview kubelet-anonymous-auth-enabled: the kubelet API accepts unauthenticated requests
 * (`--anonymous-auth` / `authentication.anonymous.enabled` effective true).
 *
 * Also home of `kubeletSettingRule`, the factory shared by the kubelet setting rules
 * (kubelet-read-only-port-open, kubelet-authz-always-allow): one setting, every carrier (systemd
 * unit, kubeadm `kubeletExtraArgs`, static-pod command, `KubeletConfiguration`), kubelet's two
 * default sets (catalog-config.md §0.2) and flag-over-file precedence.
 */
import type { FlagNode, MapNode, PairNode, Range, ResourceNode, SeqNode, YamlNode } from "../src/language/ast.js";
import type { K8sSourceCode } from "../src/language/source-code.js";
import { apiGroup } from "../src/language/k8s.js";
import { effectiveFlag } from "../src/language/flags.js";
import { asMap, asScalar, getPair } from "../src/language/query.js";
import { unitFlagSetInfo } from "../src/language/systemd.js";
import { appendSeqItem, canEdit, lineEndAfter, lineStartOf, renderString, replaceNode, setIn } from "../src/fix/index.js";
import { appendUnitFlag, setUnitFlagValue } from "../src/fix/systemd.js";
import { createRule, reportHardening } from "../src/rule.js";
import type { FixFunction, K8sRuleContext, K8sRuleDefinition, RuleEquivalents, RuleTextEdit, Severity } from "../src/rule.js";

type MessageIds = "insecureFlag" | "missingFlag" | "insecureConfig" | "setFlag" | "setConfig";

/** A kubelet setting that exists as a flag and as a KubeletConfiguration field. */
export interface KubeletSettingSpec {
  name: string;
  description: string;
  severity: Severity;
  cis: string[];
  equivalents: RuleEquivalents;
  /** Flag name without dashes. */
  flag: string;
  /** KubeletConfiguration path: parent maps, then the field. */
  configPath: string[];
  configField: string;
  /** Flag value as written → effective value (null: invalid, the kubelet would not start). Bare flag: value null. */
  readFlag(value: string | null): string | null;
  /** Field node → effective value (null: not a valid value of the field's type). */
  readConfig(node: YamlNode): string | null;
  isInsecure(value: string): boolean;
  /** Default when started without `--config` (insecure), as the kubelet flag reference states it. */
  flagDefault: string;
  /** Default of the KubeletConfiguration field (secure). */
  configDefault: string;
  /** Secure value to write: flag text, config YAML text. */
  secureFlag: string;
  secureConfig: string;
  /** "safe": always a fix; "hardening": suggestion (fix under `kubeguard --fix`). */
  fixKind: "safe" | "hardening";
  /** What the insecure value lets an attacker do (ends the messages). */
  risk: string;
  messages: { setFlag: string; setConfig: string };
}

const CARRIER_LABEL: Record<string, string> = {
  systemd: "systemd unit",
  environment: "environment file",
  extraArgs: "kubeadm kubeletExtraArgs",
  command: "container command",
  args: "container args",
};

export function isKubeletConfiguration(r: ResourceNode): boolean {
  return r.kind === "KubeletConfiguration" && apiGroup(r.apiVersion) === "kubelet.config.k8s.io";
}

/** pflag's boolean literals (strconv.ParseBool). */
export function parseFlagBool(v: string | null): string | null {
  if (v === null) return "true";
  if (["1", "t", "T", "true", "TRUE", "True"].includes(v)) return "true";
  if (["0", "f", "F", "false", "FALSE", "False"].includes(v)) return "false";
  return null;
}

/** Whether a static-pod flag was written `--flag value` (two list items): a bool flag then reads as true. */
function isSpaceForm(text: string, f: FlagNode): boolean {
  return (f.carrier === "command" || f.carrier === "args") && f.valueRange !== null && text[f.nameRange[1]] !== "=";
}

export function kubeletSettingRule(spec: KubeletSettingSpec): K8sRuleDefinition<MessageIds, []> {
  return createRule<MessageIds, []>({
    name: spec.name,
    meta: {
      type: "problem",
      docs: {
        description: spec.description,
        severity: spec.severity,
        presets: ["recommended", "cis"],
        standards: { cis: spec.cis },
        equivalents: spec.equivalents,
      },
      messages: {
        insecureFlag: `kubelet flag --${spec.flag}={{value}} ({{carrier}}): ${spec.risk}`,
        missingFlag: `kubelet in {{carrier}} runs without --${spec.flag} and without --config, so the command-line default --${spec.flag}=${spec.flagDefault} applies: ${spec.risk}`,
        insecureConfig: `KubeletConfiguration sets ${[...spec.configPath, spec.configField].join(".")}: {{value}}: ${spec.risk}`,
        setFlag: spec.messages.setFlag,
        setConfig: spec.messages.setConfig,
      },
      fixable: "code",
      ...(spec.fixKind === "hardening" ? { hasSuggestions: true } : {}),
      schema: [],
    },
    defaultOptions: [],
    create(context) {
      const text = context.sourceCode.text;
      const report = (node: { range: Range }, messageId: MessageIds, data: Record<string, string>, fixMessageId: MessageIds, fix: FixFunction | null): void => {
        if (spec.fixKind === "hardening") reportHardening(context, { node, messageId, data }, { messageId: fixMessageId, fix });
        else context.report({ node, messageId, data, fix });
      };

      /** Flags of this setting carried in the same file (kubeadm kubeletExtraArgs next to a KubeletConfiguration document). */
      const flagInFile = (): boolean =>
        context.sourceCode.resources.some((r) => r.flagSets.some((s) => s.component === "kubelet" && effectiveFlag(s, spec.flag) !== null));

      return {
        FlagSet(set) {
          if (set.component !== "kubelet") return;
          const f = effectiveFlag(set, spec.flag);
          if (f) {
            const spaceForm = isSpaceForm(text, f);
            const value = spaceForm ? spec.readFlag(null) : spec.readFlag(f.value);
            if (value === null || !spec.isInsecure(value)) return;
            const at = f.carrier === "extraArgs" && f.node?.type === "Pair" ? f.node : f;
            report(at, "insecureFlag", { value: spaceForm ? `${value} (written '--${f.rawName} ${f.value ?? ""}')` : (f.value ?? value), carrier: CARRIER_LABEL[f.carrier] ?? f.carrier }, "setFlag", spaceForm ? null : flagFix(context, f, spec.secureFlag));
            return;
          }
          if (set.hasConfigFile) return; // KubeletConfiguration defaults apply (secure); the config file is checked on its own.
          if (set.carrier === "extraArgs") return; // kubeadm always starts the kubelet with --config.
          if (set.carrier === "systemd") {
            const info = unitFlagSetInfo(set);
            // A bare `ExecStart=/usr/bin/kubelet` is the packaged base unit that drop-ins complete;
            // unknown variables (environment files not in this run) may carry the flag or --config.
            if (!info || info.bare || info.unknownVariables.length) return;
            report({ range: info.commandRange }, "missingFlag", { carrier: CARRIER_LABEL.systemd! }, "setFlag", fixFrom(appendUnitFlag(context.sourceCode, set, spec.flag, spec.secureFlag)));
            return;
          }
          const seq = set.container?.type === "Seq" ? set.container : null;
          const first = seq?.items[0] ?? null;
          if (!seq || !first) return;
          const edits = appendFlagItem(context.sourceCode, seq, `--${spec.flag}=${spec.secureFlag}`);
          report(first, "missingFlag", { carrier: CARRIER_LABEL[set.carrier] ?? set.carrier }, "setFlag", fixFrom(edits));
        },
        Resource(resource) {
          if (!isKubeletConfiguration(resource)) return;
          let parent: MapNode | null = resource.node;
          for (const seg of spec.configPath) parent = asMap(getPair(parent, seg)?.value ?? null);
          const pair: PairNode | null = getPair(parent, spec.configField);
          const valueNode = pair?.value ?? null;
          if (!pair || !valueNode) return; // absent: the KubeletConfiguration default applies (secure)
          const value = spec.readConfig(valueNode);
          if (value === null || !spec.isInsecure(value)) return;
          if (flagInFile()) return; // a flag in the same file overrides the field; the flag is checked itself
          const written = asScalar(valueNode) ? text.slice(valueNode.range[0], valueNode.range[1]) : value;
          report(pair, "insecureConfig", { value: written }, "setConfig", fixFrom(setIn(context.sourceCode, resource.node, spec.configPath, spec.configField, spec.secureConfig)));
        },
      };
    },
  });
}

/**
 * Append `- --flag=value` to a block command/args sequence. (`appendSeqItem` from src/fix looks for
 * the item's `-` indicator with `lastIndexOf("-", item start)`, which finds the item's own leading
 * dash when the item is a flag; this looks before the item.)
 */
function appendFlagItem(sourceCode: K8sSourceCode, seq: SeqNode, item: string): RuleTextEdit[] | null {
  const text = sourceCode.text;
  const last = seq.items[seq.items.length - 1];
  if (seq.flow || !last || !canEdit(sourceCode, seq.range[0], seq.range[1])) return appendSeqItem(sourceCode, seq, renderString(item));
  const dashAt = text.lastIndexOf("-", last.range[0] - 1);
  const lineStart = lineStartOf(text, dashAt);
  const prefix = text.slice(lineStart, dashAt);
  if (dashAt < seq.range[0] || prefix.trim() !== "" || text.slice(dashAt + 1, last.range[0]).trim() !== "") return null;
  const eol = sourceCode.ast.eol;
  const lineEnd = lineEndAfter(text, last.range[1]);
  // Insert a whole line after the last item's line break (or start one at end of file).
  if (text.startsWith(eol, lineEnd)) return [{ range: [lineEnd + eol.length, lineEnd + eol.length], text: `${prefix}- ${renderString(item)}${eol}` }];
  return [{ range: [lineEnd, lineEnd], text: `${eol}${prefix}- ${renderString(item)}` }];
}

function fixFrom(edits: RuleTextEdit[] | null): FixFunction | null {
  return edits ? () => edits : null;
}

/** An in-place edit of an insecure flag on its own carrier. */
function flagFix(context: K8sRuleContext<MessageIds, []>, f: FlagNode, secure: string): FixFunction | null {
  const sc = context.sourceCode;
  switch (f.carrier) {
    case "systemd":
      return fixFrom(setUnitFlagValue(sc, f, secure));
    case "extraArgs": {
      const node = f.node;
      const valueNode = node && node.type === "Pair" ? node.value : null;
      const s = asScalar(valueNode);
      if (!s) return null;
      // Keep the author's quoting: kubeadm reads every extra arg as a string.
      const written = s.style === "QUOTE_DOUBLE" ? JSON.stringify(secure) : s.style === "QUOTE_SINGLE" ? `'${secure}'` : renderString(secure);
      return fixFrom(replaceNode(sc, s, written));
    }
    case "command":
    case "args": {
      if (!f.editable || !/^[\w.,:/-]+$/u.test(secure)) return null;
      if (f.valueRange) {
        if (!canEdit(sc, f.valueRange[0], f.valueRange[1])) return null;
        return fixFrom([{ range: [f.valueRange[0], f.valueRange[1]], text: secure }]);
      }
      if (!canEdit(sc, f.nameRange[0], f.nameRange[1])) return null;
      return fixFrom([{ range: [f.nameRange[1], f.nameRange[1]], text: `=${secure}` }]);
    }
    default:
      return null; // environment files outside this run: report only
  }
}

export default kubeletSettingRule({
  name: "kubelet-anonymous-auth-enabled",
  description: "Disallow anonymous requests to the kubelet API",
  severity: "high",
  cis: ["4.2.1"],
  equivalents: { checkov: ["CKV_K8S_138"], trivy: ["KCV-0079"], "kube-bench": ["4.2.1"] },
  flag: "anonymous-auth",
  configPath: ["authentication", "anonymous"],
  configField: "enabled",
  readFlag: parseFlagBool,
  readConfig(node) {
    const s = asScalar(node);
    return s && typeof s.value === "boolean" ? String(s.value) : null;
  },
  isInsecure: (v) => v === "true",
  flagDefault: "true",
  configDefault: "false",
  secureFlag: "false",
  secureConfig: "false",
  fixKind: "safe",
  risk: "requests without credentials reach the kubelet API as system:anonymous.",
  messages: { setFlag: "Set --anonymous-auth=false.", setConfig: "Set authentication.anonymous.enabled: false." },
});
