/**
 * @fileoverview kubelet-server-cert-rotation-gate-off: the `RotateKubeletServerCertificate` feature
 * gate is turned off (`--feature-gates=…RotateKubeletServerCertificate=false` /
 * `featureGates.RotateKubeletServerCertificate: false`; the gate is on by default).
 *
 * `--feature-gates` is a map flag: occurrences merge and a later key wins (component-base
 * `MapStringBool`), so the last occurrence that names the gate decides.
 */
import type { FlagNode, FlagSetNode } from "../src/language/ast.js";
import type { K8sSourceCode } from "../src/language/source-code.js";
import { removeFromListFlag } from "../src/fix/flags.js";
import type { RuleTextEdit } from "../src/rule.js";
import { kubeletRule, parseFlagBool, readConfigBool, removeFlagEdits, setUnitValue, unitFlagEditable } from "./shared/_kubelet-rule.js";

const GATE = "RotateKubeletServerCertificate";

/** `A=true,B=false` → [key, value text, written item] in order. */
function gates(value: string | null): [string, string, string][] {
  if (value === null) return [];
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item) => {
      const eq = item.indexOf("=");
      return eq === -1 ? [item, "", item] : [item.slice(0, eq).trim(), item.slice(eq + 1).trim(), item];
    });
}

function gateValue(set: FlagSetNode): { flag: FlagNode; value: string | null } | null {
  let hit: { flag: FlagNode; value: string | null } | null = null;
  for (const f of set.flags) {
    if (f.name !== "feature-gates") continue;
    for (const [k, v] of gates(f.value)) if (k === GATE) hit = { flag: f, value: parseFlagBool(v) };
  }
  return hit;
}

/** Drop the gate from every occurrence that names it (the whole flag when it is its only gate). */
function flagEdits(sourceCode: K8sSourceCode, set: FlagSetNode): RuleTextEdit[] | null {
  const out: RuleTextEdit[] = [];
  for (const f of set.flags) {
    if (f.name !== "feature-gates") continue;
    const items = gates(f.value);
    const mine = items.filter(([k]) => k === GATE);
    if (!mine.length) continue;
    if (mine.length > 1) return null;
    if (items.length === 1) {
      if (set.flags.filter((x) => x.name === "feature-gates").length > 1) return null;
      const e = removeFlagEdits(sourceCode, set, "feature-gates");
      if (!e) return null;
      out.push(...e);
      continue;
    }
    if (f.carrier === "systemd" || f.carrier === "environment") {
      if (!unitFlagEditable(sourceCode, f)) return null;
      const e = setUnitValue(sourceCode, f, items.filter(([k]) => k !== GATE).map(([, , w]) => w).join(","));
      if (!e) return null;
      out.push(...e);
      continue;
    }
    const e = removeFromListFlag(sourceCode, set, f, mine[0]![2]);
    if (!e) return null;
    out.push(...e);
  }
  return out.length ? out : null;
}

export default kubeletRule({
  name: "kubelet-server-cert-rotation-gate-off",
  description: "Keep the RotateKubeletServerCertificate feature gate on",
  severity: "low",
  cis: ["4.2.11"],
  equivalents: { checkov: ["CKV_K8S_112"], trivy: ["KCV-0091"], "kube-bench": ["4.2.11"] },
  flag: "feature-gates",
  flagValue: gateValue,
  flagEdits: (sourceCode, set) => flagEdits(sourceCode, set),
  configPath: ["featureGates"],
  configField: GATE,
  readConfig: readConfigBool,
  isInsecure: (v) => v === "false",
  flagDefault: "true",
  configDefault: "true",
  fix: { kind: "remove" },
  fixMode: "safe",
  risk: "the kubelet cannot request and rotate serving certificates signed by the cluster (serverTLSBootstrap), so its serving certificate stays self-signed or static.",
  messages: { setFlag: `Remove ${GATE}=false from --feature-gates (the gate is on by default).`, setConfig: `Remove featureGates.${GATE}: false (the gate is on by default).` },
});
