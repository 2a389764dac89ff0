/**
 * @fileoverview secret-in-env-literal: a credential written as a literal `env[].value` is stored in
 * the manifest, in Git, in the object (readable by everyone who can read the workload) and in
 * `kubectl describe` output. Messages never contain the value.
 */
import { createRule } from "../src/rule.js";
import type { PairNode } from "../src/language/ast.js";
import { asMap, asScalar, getPair, getSeq, scalarString, seqItems } from "../src/language/query.js";
import { containerLabel } from "../src/k8s-helpers/part-c.js";

/** Name words that mark a credential (union of kube-linter, Polaris and Kubescape, matched per word). */
const SENSITIVE_WORDS = new Set([
  "secret", "secrets", "password", "passwd", "passphrase", "pwd", "token", "tokens", "bearer", "credential", "credentials",
  "creds", "jwt", "apikey", "privatekey", "secretkey", "accesskey", "authkey", "clientsecret",
]);
/** Words before a final `key` that make it a credential (API_KEY, ACCESS_KEY, …). */
const KEY_QUALIFIERS = new Set(["api", "access", "private", "secret", "client", "signing", "encryption", "master", "auth", "storage", "batch", "account", "license", "webhook", "hmac", "session", "sas", "shared"]);
/** Final words that make the variable about a secret, not the secret itself (PASSWORD_FILE, TOKEN_TTL). */
const NON_SECRET_SUFFIXES = new Set([
  "file", "files", "path", "dir", "directory", "name", "names", "ref", "url", "uri", "endpoint", "host", "port", "ttl", "expiry",
  "expiration", "timeout", "duration", "length", "size", "min", "max", "enabled", "enable", "disabled", "required", "policy", "type",
  "mode", "header", "field", "format", "version", "id", "namespace", "mount", "location", "rotation", "interval", "count", "provider", "seconds", "secs", "minutes", "hours", "days", "algorithm", "issuer", "audience", "user", "username",
]);
/** Names that the tools list explicitly (Polaris, Kubescape). */
const EXPLICIT = [/^AWS_SECRET_ACCESS_KEY$/iu, /^GOOGLE_APPLICATION_CREDENTIALS$/iu, /^AZURE_.+KEY$/iu, /^OCI_CLI_KEY_CONTENT$/iu];

/** Value patterns of well-known credential formats (fire whatever the variable's name). */
const VALUE_PATTERNS: [string, RegExp][] = [
  ["a PEM private key", /-----BEGIN [A-Z ]*PRIVATE KEY-----/u],
  ["an AWS access key id", /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/u],
  ["a GitHub token", /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/u],
  ["a GitLab token", /\bglpat-[A-Za-z0-9_-]{20,}\b/u],
  ["a Google API key", /\bAIza[0-9A-Za-z_-]{35}\b/u],
  ["a Slack token", /\bxox[baprs]-[0-9A-Za-z-]{10,}\b/u],
  ["a Stripe secret key", /\b[sr]k_live_[0-9A-Za-z]{16,}\b/u],
  ["a JSON Web Token", /\beyJhbGciO[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/u],
];

/** Split an env name into lower-case words: `DB_PASSWORD`, `dbPassword`, `db-password.v2`. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/gu, "$1_$2")
    .split(/[^A-Za-z0-9]+/u)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

export function sensitiveName(name: string, extra: Set<string>): boolean {
  if (EXPLICIT.some((r) => r.test(name))) return true;
  const w = words(name);
  if (!w.length) return false;
  // The credential word must not be followed by a word that makes the variable about the secret
  // (PASSWORD_FILE, TOKEN_TTL_SECONDS, SECRET_NAME).
  let at = -1;
  w.forEach((x, i) => {
    if (SENSITIVE_WORDS.has(x) || extra.has(x)) at = i;
    else if ((x === "key" || x === "keys") && i > 0 && KEY_QUALIFIERS.has(w[i - 1]!)) at = i;
  });
  return at !== -1 && !w.slice(at + 1).some((x) => NON_SECRET_SUFFIXES.has(x));
}

/** Values that cannot be a credential: empty, booleans, `$(VAR)` references, unrendered templates, paths. */
function inertValue(v: string): boolean {
  const t = v.trim();
  if (t === "" || /^(?:true|false|yes|no|on|off|null|none)$/iu.test(t)) return true;
  if (/^(?:\$\([A-Za-z_][A-Za-z0-9_]*\))+$/u.test(t)) return true;
  if (t.includes("{{")) return true;
  // Kubescape C-0259 exempts paths (a file that holds the secret, not the secret).
  return t.startsWith("/");
}

export default createRule({
  name: "secret-in-env-literal",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow credentials as literal environment variable values",
      severity: "high",
      presets: ["recommended"],
      aliases: ["env-literal-secret"],
      standards: { cis: ["5.4.1"], nsa: "Kubernetes Pod security: secrets (do not store credentials in manifests)" },
      equivalents: { "kube-linter": ["env-var-secret"], polaris: ["sensitiveContainerEnvVar"], kubescape: ["C-0012", "C-0259"] },
    },
    messages: {
      byName:
        "{{container}}: environment variable {{env}} looks like a credential and has a literal value (value not shown): it is stored in the manifest and readable by anyone who can read the workload. Move it to a Secret and use valueFrom.secretKeyRef.",
      byValue:
        "{{container}}: environment variable {{env}} has a literal value that looks like {{what}} (value not shown): move it to a Secret and use valueFrom.secretKeyRef, and rotate the credential.",
    },
    schema: [
      {
        type: "object",
        properties: {
          ignoreNames: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true, description: "Environment variable names never reported by name (exact, case-sensitive)." },
          sensitiveWords: { type: "array", items: { type: "string", pattern: "^[A-Za-z0-9]+$" }, uniqueItems: true, description: "Extra name words that mark a credential." },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ ignoreNames: [], sensitiveWords: [] }] as [{ ignoreNames?: string[]; sensitiveWords?: string[] }],
  create(context, [options]) {
    const ignore = new Set(options.ignoreNames ?? []);
    const extra = new Set((options.sensitiveWords ?? []).map((w) => w.toLowerCase()));
    return {
      Container(c) {
        for (const item of seqItems(getSeq(c.node, "env"))) {
          const env = asMap(item);
          const name = scalarString(getPair(env, "name")?.value);
          const valuePair: PairNode | null = getPair(env, "value");
          const scalar = asScalar(valuePair?.value);
          if (name === null || !valuePair || !scalar || scalar.value === null) continue;
          const value = String(scalar.value);
          const byValue = VALUE_PATTERNS.find(([, re]) => re.test(value));
          if (byValue) {
            context.report({ node: valuePair, messageId: "byValue", data: { container: containerLabel(c), env: name, what: byValue[0] } });
            continue;
          }
          if (ignore.has(name) || typeof scalar.value !== "string" || inertValue(value)) continue;
          if (sensitiveName(name, extra)) context.report({ node: valuePair, messageId: "byName", data: { container: containerLabel(c), env: name } });
        }
      },
    };
  },
});
