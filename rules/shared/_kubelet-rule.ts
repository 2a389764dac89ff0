/**
 * @fileoverview `kubeletRule`: the factory behind the kubelet rules of catalog-config.md §1.5. One
 * spec = one catalog row = one rule with its own id and docs page.
 *
 * Semantics (catalog-config.md §0.2, §3.4, §3.5):
 * - Carriers of a kubelet setting: flags in a systemd unit / drop-in (`ExecStart=`, including
 *   `$VAR` / `${VAR}` from `Environment=` and from `EnvironmentFile=` files given to the run), in
 *   an environment file linted on its own (`KUBELET_*_ARGS` of kubeadm-flags.env,
 *   /etc/default/kubelet), in kubeadm `nodeRegistration.kubeletExtraArgs` (v1beta3 map, v1beta4
 *   list), in a static-pod `command`/`args`; and the `KubeletConfiguration` field.
 * - Effective value: the last occurrence of a flag wins; a flag beats the config file (a
 *   `KubeletConfiguration` field is not judged when the same file carries the flag, e.g. kubeadm
 *   `kubeletExtraArgs` next to a `KubeletConfiguration` document).
 * - Two default sets: a kubelet started **without** `--config` takes the command-line defaults
 *   (`flagDefault`); a field absent from a `KubeletConfiguration` takes the config default
 *   (`configDefault`), or what kubeadm writes into the config it generates (`kubeadmDefault`) when
 *   the document is part of a kubeadm configuration file.
 *   A field absent from a `--config-dir` drop-in (`*.d/*.conf`, `isKubeletDropInFile`) is not
 *   judged: the drop-in is a fragment merged over the base file, which gets the defaults.
 * - A unit or static pod that starts the kubelet **with** `--config` and without the flag is not
 *   judged: the config file decides and is checked on its own. A bare `ExecStart=/usr/bin/kubelet`
 *   (the package's base unit, completed by drop-ins) and a unit whose `ExecStart=` uses variables
 *   of environment files that are not in the run are not judged either (unknown).
 * - Fixes write in the carrier's own syntax (catalog "Writing rules per carrier"): the
 *   `KubeletConfiguration` field (set at its dotted path, or removed); kubeadm `kubeletExtraArgs`
 *   values (quoting kept); static-pod list items; a flag inside an `Environment=` assignment or an
 *   environment file. `ExecStart=` itself is never edited: a flag written there is reported only.
 */
import type { FlagNode, FlagSetNode, MapNode, PairNode, Range, ResourceNode, SeqNode, YamlNode } from "../../src/language/ast.js";
import type { K8sSourceCode } from "../../src/language/source-code.js";
import { apiGroup } from "../../src/language/k8s.js";
import { effectiveFlag } from "../../src/language/flags.js";
import { asMap, asScalar, asSeq, getPair, keyName } from "../../src/language/query.js";
import { unitFlagSetInfo } from "../../src/language/systemd.js";
import { appendSeqItem, canEdit, lineEndAfter, lineStartOf, removePair, renderString, replaceNode, setIn } from "../../src/fix/index.js";
import { removeFlag, removeSeqItem } from "../../src/fix/flags.js";
import { createRule, reportHardening } from "../../src/rule.js";
import type { FixFunction, K8sRuleContext, K8sRuleDefinition, Preset, RuleEquivalents, RuleTextEdit, Severity } from "../../src/rule.js";

export type KubeletMessageIds = "insecureFlag" | "missingFlag" | "insecureConfig" | "missingConfig" | "setFlag" | "setConfig";

/** The edit a rule offers. */
export type KubeletFix =
  /** Set the flag / field to a value computed from the insecure one; null value: remove it. */
  | { kind: "set"; flag: (current: string) => string | null; config: (current: string) => string | null }
  /** Remove the flag / field (the default then applies). */
  | { kind: "remove" };

export interface KubeletRuleSpec {
  name: string;
  description: string;
  severity: Severity;
  type?: "problem" | "suggestion";
  /** Defaults to ["recommended"] plus "cis" when `cis` is given. */
  presets?: Preset[];
  cis?: string[];
  equivalents?: RuleEquivalents;
  /** Flag name without dashes; null for a config-only setting. */
  flag: string | null;
  /** KubeletConfiguration parent maps of the field. */
  configPath: string[];
  /** KubeletConfiguration field; null for a flag-only setting. */
  configField: string | null;
  /**
   * Effective value of the flag in a set (default: last occurrence through `readFlag`). Returns the
   * occurrence to report and its value; value null = written but not a valid value (the kubelet
   * would not start: not judged here).
   */
  flagValue?(set: FlagSetNode, text: string): { flag: FlagNode; value: string | null } | null;
  /** Flag text → value (bare flag: null in). Default: the text trimmed. */
  readFlag?(value: string | null): string | null;
  /** Field node → value; null when not a valid value of the field's type. */
  readConfig(node: YamlNode): string | null;
  /** Whether the effective value is insecure; null = unset (no flag, no field, no default). */
  isInsecure(value: string | null): boolean;
  /** Default without `--config` (command-line default); null = unset. */
  flagDefault: string | null;
  /** Default of the KubeletConfiguration field; null = unset. */
  configDefault: string | null;
  /** What kubeadm writes when its generated config leaves the field out (defaults to configDefault). */
  kubeadmDefault?: string | null;
  fix: KubeletFix | null;
  /** "safe": always a fix; "hardening": suggestion (fix under `kubeguard --fix`); "suggest": suggestion only. */
  fixMode: "safe" | "hardening" | "suggest";
  /** What the insecure value means (ends the messages). */
  risk: string;
  messages: { setFlag: string; setConfig: string };
  /** Custom flag edit (replaces the `fix` spec for flags). */
  flagEdits?(sourceCode: K8sSourceCode, set: FlagSetNode, f: FlagNode, current: string): RuleTextEdit[] | null;
  /** Custom edit of a written config field (replaces the `fix` spec for the field). */
  configEdits?(sourceCode: K8sSourceCode, resource: ResourceNode, pair: PairNode, current: string): RuleTextEdit[] | null;
  /** Extra skip condition on a KubeletConfiguration (e.g. another field makes the setting moot). */
  skipConfig?(resource: ResourceNode): boolean;
  /** Extra skip condition on a flag set. */
  skipFlagSet?(set: FlagSetNode, text: string): boolean;
}

const CARRIER_LABEL: Record<string, string> = {
  systemd: "systemd unit",
  environment: "environment file",
  extraArgs: "kubeadm kubeletExtraArgs",
  command: "container command",
  args: "container args",
};

export function carrierLabel(carrier: string): string {
  return CARRIER_LABEL[carrier] ?? carrier;
}

export function isKubeletConfiguration(r: ResourceNode): boolean {
  return r.kind === "KubeletConfiguration" && apiGroup(r.apiVersion) === "kubelet.config.k8s.io";
}

/**
 * Whether a file is a kubelet `--config-dir` drop-in: a `*.conf` file in a folder named `*.d`
 * (kubeadm's `/etc/kubernetes/kubelet.conf.d/`; kubelet reads only `*.conf` files there). A
 * drop-in is a fragment merged over the `--config` file: a field it leaves out keeps the value of
 * the base file and earlier drop-ins, so only the fields it writes are judged (catalog-config.md §3.5).
 */
export function isKubeletDropInFile(filename: string): boolean {
  return /(^|\/)[^/]+\.d\/[^/]+\.conf$/u.test(filename.replace(/\\/gu, "/"));
}

/** Whether a resource's file is a kubeadm configuration (its KubeletConfiguration gets kubeadm's defaults). */
export function inKubeadmFile(sourceCode: K8sSourceCode): boolean {
  return sourceCode.resources.some((r) => apiGroup(r.apiVersion) === "kubeadm.k8s.io");
}

/** pflag's boolean literals (strconv.ParseBool); a bare flag is true. */
export function parseFlagBool(v: string | null): string | null {
  if (v === null) return "true";
  const t = v.trim();
  if (["1", "t", "T", "true", "TRUE", "True"].includes(t)) return "true";
  if (["0", "f", "F", "false", "FALSE", "False"].includes(t)) return "false";
  return null;
}

/** A YAML boolean field as "true"/"false". */
export function readConfigBool(node: YamlNode): string | null {
  const s = asScalar(node);
  return s && typeof s.value === "boolean" ? String(s.value) : null;
}

/** A YAML string field. */
export function readConfigString(node: YamlNode): string | null {
  const s = asScalar(node);
  return s && typeof s.value === "string" ? s.value : null;
}

/** A YAML integer field as decimal text. */
export function readConfigInt(node: YamlNode): string | null {
  const s = asScalar(node);
  return s && (typeof s.value === "number" || typeof s.value === "bigint") && Number.isInteger(Number(s.value)) ? String(s.value) : null;
}

/** A YAML list of strings, joined with commas (null when not a list of strings). */
export function readConfigList(node: YamlNode): string | null {
  const seq = asSeq(node);
  if (!seq) return null;
  const out: string[] = [];
  for (const i of seq.items) {
    const s = asScalar(i);
    if (!s || typeof s.value !== "string") return null;
    out.push(s.value);
  }
  return out.join(",");
}

/** Split a comma list (pflag string slices). */
export function listItems(value: string | null): string[] {
  return value === null ? [] : value.split(",").map((s) => s.trim()).filter(Boolean);
}

/** Whether a static-pod flag was written `--flag value` (two list items). */
function isSpaceForm(text: string, f: FlagNode): boolean {
  return (f.carrier === "command" || f.carrier === "args") && f.valueRange !== null && text[f.nameRange[1]] !== "=";
}

/** Whether a systemd-carrier flag lies in an `Environment=` entry of this unit (not in `ExecStart=`). */
function inEnvironmentEntry(sourceCode: K8sSourceCode, f: FlagNode): boolean {
  const unit = sourceCode.ast.unit;
  if (!unit) return false;
  const e = unit.entries.find((x) => f.range[0] >= x.valueRange[0] && f.range[1] <= x.valueRange[1]);
  return e?.key === "Environment";
}

/** Whether a unit/env flag's text can be edited in this file (literal text, not in ExecStart=). */
export function unitFlagEditable(sourceCode: K8sSourceCode, f: FlagNode): boolean {
  if (!f.editable) return false;
  if (sourceCode.ast.fileKind === "env") return f.carrier === "environment";
  return f.carrier === "systemd" && inEnvironmentEntry(sourceCode, f);
}

/** Values written unquoted into a unit or environment file. */
const SAFE_UNIT_VALUE = /^[A-Za-z0-9_.,:/=+-]*$/u;

/** Set a unit/env flag value in place (`--flag=value` or bare `--flag` → `--flag=value`). */
export function setUnitValue(sourceCode: K8sSourceCode, f: FlagNode, value: string): RuleTextEdit[] | null {
  if (!unitFlagEditable(sourceCode, f) || !SAFE_UNIT_VALUE.test(value)) return null;
  const text = sourceCode.text;
  if (f.valueRange) {
    if (text.slice(f.nameRange[1], f.valueRange[0]) !== "=") return null;
    return [{ range: [f.valueRange[0], f.valueRange[1]], text: value }];
  }
  return [{ range: [f.nameRange[1], f.nameRange[1]], text: `=${value}` }];
}

/** Remove a unit/env flag word with the blank before it (or after it, when it comes first). */
export function removeUnitWord(sourceCode: K8sSourceCode, f: FlagNode): RuleTextEdit[] | null {
  if (!unitFlagEditable(sourceCode, f)) return null;
  const text = sourceCode.text;
  const [s, e] = f.range;
  if (text.slice(s, e).includes("\n")) return null;
  let a = s;
  while (a > 0 && (text[a - 1] === " " || text[a - 1] === "\t")) a--;
  if (a < s && /[="']/u.test(text[a - 1] ?? "")) {
    // First word of the value: take the blanks after it instead.
    let b = e;
    while (b < text.length && (text[b] === " " || text[b] === "\t")) b++;
    return [{ range: [s, b], text: "" }];
  }
  if (a === s) return null;
  return [{ range: [a, e], text: "" }];
}

/**
 * Append `- --flag=value` to a block command/args sequence. (`appendSeqItem` from src/fix looks for
 * the item's `-` indicator with `lastIndexOf("-", item start)`, which finds the item's own leading
 * dash when the item is a flag; this looks before the item.)
 */
export function appendFlagItem(sourceCode: K8sSourceCode, seq: SeqNode, item: string): RuleTextEdit[] | null {
  const text = sourceCode.text;
  const last = seq.items[seq.items.length - 1];
  if (seq.flow || !last || !canEdit(sourceCode, seq.range[0], seq.range[1])) return appendSeqItem(sourceCode, seq, renderString(item));
  const dashAt = text.lastIndexOf("-", last.range[0] - 1);
  const lineStart = lineStartOf(text, dashAt);
  const prefix = text.slice(lineStart, dashAt);
  if (dashAt < seq.range[0] || prefix.trim() !== "" || text.slice(dashAt + 1, last.range[0]).trim() !== "") return null;
  const eol = sourceCode.ast.eol;
  const lineEnd = lineEndAfter(text, last.range[1]);
  if (text.startsWith(eol, lineEnd)) return [{ range: [lineEnd + eol.length, lineEnd + eol.length], text: `${prefix}- ${renderString(item)}${eol}` }];
  return [{ range: [lineEnd, lineEnd], text: `${eol}${prefix}- ${renderString(item)}` }];
}

export function fixFrom(edits: RuleTextEdit[] | null): FixFunction | null {
  return edits && edits.length ? () => edits : null;
}

/** Set a flag's value on its own carrier; null when it cannot be edited there. */
export function setFlagEdit(sourceCode: K8sSourceCode, f: FlagNode, value: string): RuleTextEdit[] | null {
  switch (f.carrier) {
    case "systemd":
    case "environment":
      return setUnitValue(sourceCode, f, value);
    case "extraArgs": {
      const node = f.node;
      const valueNode = node && node.type === "Pair" ? node.value : null;
      const s = asScalar(valueNode);
      if (!s) return null;
      // Keep the author's quoting: kubeadm reads every extra arg as a string.
      const written = s.style === "QUOTE_DOUBLE" ? JSON.stringify(value) : s.style === "QUOTE_SINGLE" ? `'${value.replace(/'/gu, "''")}'` : renderString(value);
      return replaceNode(sourceCode, s, written);
    }
    case "command":
    case "args": {
      if (!f.editable || !/^[\w.,:/=-]+$/u.test(value)) return null;
      if (f.valueRange) {
        if (isSpaceForm(sourceCode.text, f) || !canEdit(sourceCode, f.valueRange[0], f.valueRange[1])) return null;
        return [{ range: [f.valueRange[0], f.valueRange[1]], text: value }];
      }
      if (!canEdit(sourceCode, f.nameRange[0], f.nameRange[1])) return null;
      return [{ range: [f.nameRange[1], f.nameRange[1]], text: `=${value}` }];
    }
    default:
      return null;
  }
}

/** Remove every occurrence of a flag from its set; null when one of them cannot be removed. */
export function removeFlagEdits(sourceCode: K8sSourceCode, set: FlagSetNode, name: string): RuleTextEdit[] | null {
  const out: RuleTextEdit[] = [];
  for (const f of set.flags) {
    if (f.name !== name) continue;
    const e = f.carrier === "systemd" || f.carrier === "environment" ? removeUnitWord(sourceCode, f) : removeFlag(sourceCode, set, f);
    if (!e) return null;
    out.push(...e);
  }
  return out.length ? out : null;
}

/** The pair of a KubeletConfiguration field, walking the parent maps. */
export function configPair(resource: ResourceNode, path: string[], field: string): { pair: PairNode | null; parent: MapNode | null; nearest: PairNode | null } {
  let parent: MapNode | null = resource.node;
  let nearest: PairNode | null = null;
  for (const seg of path) {
    const p = getPair(parent, seg);
    if (!p) return { pair: null, parent: null, nearest };
    nearest = p;
    parent = asMap(p.value);
    if (!parent) return { pair: null, parent: null, nearest };
  }
  return { pair: getPair(parent, field), parent, nearest };
}

/** Remove a field; when it is the only key of its parent map, remove the parent pair instead. */
export function removeConfigField(sourceCode: K8sSourceCode, resource: ResourceNode, path: string[], field: string): RuleTextEdit[] | null {
  const { pair, parent } = configPair(resource, path, field);
  if (!pair || !parent) return null;
  if (parent.pairs.length === 1 && path.length) {
    const grand = path.length === 1 ? resource.node : configPair(resource, path.slice(0, -1), path[path.length - 1]!).parent;
    const own = grand ? getPair(grand, path[path.length - 1]!) : null;
    if (grand && own) return removePair(sourceCode, grand, own);
  }
  return removePair(sourceCode, parent, pair);
}

/** Where to report a missing KubeletConfiguration field: the nearest existing parent, else `kind:`. */
export function missingFieldNode(resource: ResourceNode, path: string[], field: string): { range: Range } {
  const { nearest } = configPair(resource, path, field);
  return nearest ?? getPair(resource.node, "kind") ?? resource.node;
}

export function kubeletRule(spec: KubeletRuleSpec): K8sRuleDefinition<KubeletMessageIds, []> {
  const presets: Preset[] = spec.presets ?? (spec.cis?.length ? ["recommended", "cis"] : ["recommended"]);
  const fieldName = spec.configField ? [...spec.configPath, spec.configField].join(".") : "";
  const readFlag = spec.readFlag ?? ((v: string | null) => (v === null ? null : v.trim()));
  return createRule<KubeletMessageIds, []>({
    name: spec.name,
    meta: {
      type: spec.type ?? "problem",
      docs: {
        description: spec.description,
        severity: spec.severity,
        presets,
        ...(spec.cis?.length ? { standards: { cis: spec.cis } } : {}),
        ...(spec.equivalents ? { equivalents: spec.equivalents } : {}),
      },
      messages: {
        insecureFlag: `kubelet flag --${spec.flag ?? ""}={{value}} ({{carrier}}): ${spec.risk}`,
        missingFlag: `kubelet in {{carrier}} runs without --${spec.flag ?? ""} and without --config, so the command-line default ${spec.flagDefault === null ? `(--${spec.flag ?? ""} unset)` : `--${spec.flag ?? ""}=${spec.flagDefault}`} applies: ${spec.risk}`,
        insecureConfig: `KubeletConfiguration sets ${fieldName}: {{value}}: ${spec.risk}`,
        missingConfig: `KubeletConfiguration leaves ${fieldName} unset{{default}}: ${spec.risk}`,
        setFlag: spec.messages.setFlag,
        setConfig: spec.messages.setConfig,
      },
      ...(spec.fix && spec.fixMode !== "suggest" ? { fixable: "code" as const } : {}),
      ...(spec.fix && spec.fixMode !== "safe" ? { hasSuggestions: true } : {}),
      schema: [],
    },
    defaultOptions: [],
    create(context) {
      const sourceCode = context.sourceCode;
      const text = sourceCode.text;
      const report = (node: { range: Range }, messageId: KubeletMessageIds, data: Record<string, string>, fixMessageId: KubeletMessageIds, edits: RuleTextEdit[] | null): void => {
        const fix = fixFrom(edits);
        if (!fix) context.report({ node, messageId, data });
        else if (spec.fixMode === "safe") context.report({ node, messageId, data, fix });
        else if (spec.fixMode === "hardening") reportHardening(context as K8sRuleContext<KubeletMessageIds, []>, { node, messageId, data }, { messageId: fixMessageId, fix });
        else context.report({ node, messageId, data, suggest: [{ messageId: fixMessageId, fix }] });
      };

      const effective = (set: FlagSetNode): { flag: FlagNode; value: string | null } | null => {
        if (spec.flagValue) return spec.flagValue(set, text);
        const f = effectiveFlag(set, spec.flag!);
        if (!f) return null;
        return { flag: f, value: isSpaceForm(text, f) ? readFlag(null) : readFlag(f.value) };
      };

      /** Flags of this setting in the same file (kubeadm kubeletExtraArgs next to a KubeletConfiguration document). */
      const flagInFile = (): boolean =>
        spec.flag !== null && sourceCode.resources.some((r) => r.flagSets.some((s) => s.component === "kubelet" && effective(s) !== null));

      const flagEdits = (set: FlagSetNode, f: FlagNode, current: string): RuleTextEdit[] | null => {
        if (spec.flagEdits) return spec.flagEdits(sourceCode, set, f, current);
        if (!spec.fix || (isSpaceForm(text, f) && spec.fix.kind === "set")) return null;
        if (spec.fix.kind === "remove") return removeFlagEdits(sourceCode, set, f.name);
        const want = spec.fix.flag(current);
        if (want === null) return removeFlagEdits(sourceCode, set, f.name);
        // Every earlier occurrence is overridden by the last one, so setting the last is enough.
        return setFlagEdit(sourceCode, f, want);
      };

      return {
        FlagSet(set) {
          if (set.component !== "kubelet" || spec.flag === null) return;
          if (spec.skipFlagSet?.(set, text)) return;
          const hit = effective(set);
          if (hit) {
            const { flag: f, value } = hit;
            if (value === null || !spec.isInsecure(value)) return;
            const at = f.carrier === "extraArgs" && f.node?.type === "Pair" ? f.node : f;
            const written = isSpaceForm(text, f) ? `${value} (written '--${f.rawName} ${f.value ?? ""}')` : (f.value ?? value);
            report(at, "insecureFlag", { value: written, carrier: carrierLabel(f.carrier) }, "setFlag", flagEdits(set, f, value));
            return;
          }
          if (set.hasConfigFile) return; // KubeletConfiguration defaults apply; the config file is checked on its own.
          if (set.carrier === "extraArgs" || set.carrier === "environment") return; // kubeadm uses --config; env files are fragments
          if (!spec.isInsecure(spec.flagDefault)) return;
          const data = { carrier: carrierLabel(set.carrier) };
          if (set.carrier === "systemd") {
            const info = unitFlagSetInfo(set);
            // A bare `ExecStart=/usr/bin/kubelet` is the packaged base unit that drop-ins complete;
            // unknown variables (environment files not in this run) may carry the flag or --config.
            if (!info || info.bare || info.unknownVariables.length) return;
            report({ range: info.commandRange }, "missingFlag", data, "setFlag", null); // never edit ExecStart=
            return;
          }
          const seq = set.container?.type === "Seq" ? set.container : null;
          const first = seq?.items[0] ?? null;
          if (!seq || !first) return;
          const want = spec.fix?.kind === "set" && spec.flagDefault !== null ? spec.fix.flag(spec.flagDefault) : null;
          const edits = want !== null ? appendFlagItem(sourceCode, seq, `--${spec.flag}=${want}`) : null;
          report(first, "missingFlag", data, "setFlag", edits);
        },
        Resource(resource) {
          if (!isKubeletConfiguration(resource) || spec.configField === null) return;
          if (spec.skipConfig?.(resource)) return;
          if (flagInFile()) return; // a flag in the same file overrides the field; the flag is checked itself
          const { pair } = configPair(resource, spec.configPath, spec.configField);
          const valueNode = pair?.value ?? null;
          if (!pair || !valueNode) {
            // A --config-dir drop-in is a fragment: what it leaves out comes from the base file.
            if (isKubeletDropInFile(context.physicalFilename || context.filename)) return;
            const def = inKubeadmFile(sourceCode) && spec.kubeadmDefault !== undefined ? spec.kubeadmDefault : spec.configDefault;
            if (!spec.isInsecure(def)) return;
            const want = spec.fix?.kind === "set" && def !== null ? spec.fix.config(def) : spec.fix?.kind === "set" ? spec.fix.config("") : null;
            const edits = want !== null ? setIn(sourceCode, resource.node, spec.configPath, spec.configField, want) : null;
            report(missingFieldNode(resource, spec.configPath, spec.configField), "missingConfig", { default: def === null ? "" : `, so the default ${def} applies` }, "setConfig", edits);
            return;
          }
          const value = spec.readConfig(valueNode);
          if (value === null || !spec.isInsecure(value)) return;
          const written = asScalar(valueNode) ? text.slice(valueNode.range[0], valueNode.range[1]) : value;
          let edits: RuleTextEdit[] | null = null;
          if (spec.configEdits) edits = spec.configEdits(sourceCode, resource, pair, value);
          else if (spec.fix?.kind === "remove") edits = removeConfigField(sourceCode, resource, spec.configPath, spec.configField);
          else if (spec.fix?.kind === "set") {
            const want = spec.fix.config(value);
            edits = want === null ? removeConfigField(sourceCode, resource, spec.configPath, spec.configField) : setIn(sourceCode, resource.node, spec.configPath, spec.configField, want);
          }
          report(pair, "insecureConfig", { value: written }, "setConfig", edits);
        },
      };
    },
  });
}

/** The earlier spec shape of the first three kubelet rules (kept: their files use it). */
export interface KubeletSettingSpec {
  name: string;
  description: string;
  severity: Severity;
  cis: string[];
  equivalents: RuleEquivalents;
  flag: string;
  configPath: string[];
  configField: string;
  readFlag(value: string | null): string | null;
  readConfig(node: YamlNode): string | null;
  isInsecure(value: string): boolean;
  flagDefault: string;
  configDefault: string;
  secureFlag: string;
  secureConfig: string;
  fixKind: "safe" | "hardening";
  risk: string;
  messages: { setFlag: string; setConfig: string };
}

/** A kubelet setting with one secure value (anonymous auth, read-only port, authorization mode). */
export function kubeletSettingRule(spec: KubeletSettingSpec): K8sRuleDefinition<KubeletMessageIds, []> {
  return kubeletRule({
    name: spec.name,
    description: spec.description,
    severity: spec.severity,
    presets: ["recommended", "cis"],
    cis: spec.cis,
    equivalents: spec.equivalents,
    flag: spec.flag,
    configPath: spec.configPath,
    configField: spec.configField,
    readFlag: spec.readFlag,
    readConfig: spec.readConfig,
    isInsecure: (v) => v !== null && spec.isInsecure(v),
    flagDefault: spec.flagDefault,
    configDefault: spec.configDefault,
    fix: { kind: "set", flag: () => spec.secureFlag, config: () => spec.secureConfig },
    fixMode: spec.fixKind,
    risk: spec.risk,
    messages: spec.messages,
  });
}

/** Whether a key is written in a YAML map (by name). */
export function hasKey(map: MapNode | null, key: string): boolean {
  return !!map && map.pairs.some((p) => keyName(p) === key);
}

export { removeSeqItem };

/** Whether a Go duration (`0`, `0s`, `0h0m0s`, `0.0ms`) is zero. */
export function isZeroDuration(v: string): boolean {
  const t = v.trim();
  if (t === "0" || t === "+0" || t === "-0") return true;
  return /^[+-]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/u.test(t) && !/[1-9]/u.test(t);
}

/** Loopback host (`127.0.0.0/8`, `::1`, `localhost`), optionally with a `:port` / `[::1]:port`. */
export function isLoopbackAddress(v: string, withPort = false): boolean {
  let host = v.trim();
  if (withPort) {
    const m = /^\[([^\]]*)\](?::\d*)?$/u.exec(host) ?? /^([^:]*)(?::\d*)?$/u.exec(host);
    if (!m) return false;
    host = m[1]!;
  }
  host = host.toLowerCase();
  return host === "localhost" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/u.test(host) || host === "::1" || host === "0:0:0:0:0:0:0:1";
}

/** Effective value of a kubelet setting in a KubeletConfiguration (written value, else the default). */
export function configValue(resource: ResourceNode, path: string[], field: string, read: (n: YamlNode) => string | null, def: string | null): string | null {
  const { pair } = configPair(resource, path, field);
  if (!pair?.value) return def;
  return read(pair.value);
}

/** Effective value of a kubelet flag in a set (last occurrence), else `legacy` when the set has no --config, else `withConfig`. */
export function flagSetValue(set: FlagSetNode, name: string, read: (v: string | null) => string | null, legacy: string | null, withConfig: string | null): string | null {
  const f = effectiveFlag(set, name);
  if (f) return read(f.value);
  return set.hasConfigFile ? withConfig : legacy;
}
