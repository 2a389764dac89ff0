/**
 * @fileoverview kubelet-weak-ciphers: `--tls-cipher-suites` / `tlsCipherSuites` names a suite outside
 * the strong set (ECDHE with AES-GCM or ChaCha20-Poly1305; TLS 1.3 suites). RC4, 3DES, CBC and
 * static-RSA key exchange (`TLS_RSA_WITH_*`) are weak.
 */
import type { ResourceNode } from "../src/language/ast.js";
import type { K8sSourceCode } from "../src/language/source-code.js";
import { asSeq, asScalar } from "../src/language/query.js";
import type { RuleTextEdit } from "../src/rule.js";
import { kubeletRule, listItems, readConfigList, removeConfigField, removeFlagEdits, removeSeqItem, setFlagEdit } from "./shared/_kubelet-rule.js";

/** CIS 4.2.12's list without the static-RSA suites the kubelet reference marks insecure, plus TLS 1.3. */
export const STRONG_CIPHERS = new Set([
  "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
  "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
  "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305",
  "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305",
  "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
  "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
  "TLS_AES_128_GCM_SHA256",
  "TLS_AES_256_GCM_SHA384",
  "TLS_CHACHA20_POLY1305_SHA256",
]);

const weak = (items: string[]): string[] => items.filter((c) => !STRONG_CIPHERS.has(c));

/** Drop the weak suites from a block list (or the whole field when none is left). */
function configEdits(sourceCode: K8sSourceCode, resource: ResourceNode, value: string, seqNode: unknown): RuleTextEdit[] | null {
  const items = listItems(value);
  if (!weak(items).length) return null;
  if (items.every((c) => !STRONG_CIPHERS.has(c))) return removeConfigField(sourceCode, resource, [], "tlsCipherSuites");
  const seq = asSeq(seqNode as never);
  if (!seq || seq.flow) return null;
  const out: RuleTextEdit[] = [];
  for (const item of seq.items) {
    const s = asScalar(item);
    if (!s || typeof s.value !== "string" || STRONG_CIPHERS.has(s.value)) continue;
    const e = removeSeqItem(sourceCode, seq, s);
    if (!e) return null;
    out.push(...e);
  }
  return out;
}

export default kubeletRule({
  name: "kubelet-weak-ciphers",
  description: "Disallow weak TLS cipher suites on the kubelet",
  severity: "medium",
  cis: ["4.2.12"],
  equivalents: { checkov: ["CKV_K8S_151"], trivy: ["KCV-0092"], "kube-bench": ["4.2.12"] },
  flag: "tls-cipher-suites",
  flagValue(set) {
    // A string-slice flag: occurrences append.
    const occ = set.flags.filter((f) => f.name === "tls-cipher-suites");
    if (!occ.length) return null;
    return { flag: occ[occ.length - 1]!, value: occ.flatMap((f) => listItems(f.value)).join(",") };
  },
  flagEdits(sourceCode, set, f, current) {
    if (set.flags.filter((x) => x.name === "tls-cipher-suites").length > 1) return null;
    const strong = listItems(current).filter((c) => STRONG_CIPHERS.has(c));
    return strong.length ? setFlagEdit(sourceCode, f, strong.join(",")) : removeFlagEdits(sourceCode, set, "tls-cipher-suites");
  },
  configPath: [],
  configField: "tlsCipherSuites",
  readConfig: readConfigList,
  configEdits: (sourceCode, resource, pair, current) => configEdits(sourceCode, resource, current, pair.value),
  isInsecure: (v) => v !== null && weak(listItems(v)).length > 0,
  flagDefault: null,
  configDefault: null,
  fix: { kind: "remove" },
  fixMode: "safe",
  risk: "the kubelet's server accepts weak cipher suites (RC4, 3DES, CBC or static-RSA key exchange without forward secrecy).",
  messages: { setFlag: "Drop the weak suites from --tls-cipher-suites (or the flag, when none is left: Go's defaults apply).", setConfig: "Drop the weak suites from tlsCipherSuites (or the field, when none is left: Go's defaults apply)." },
});
