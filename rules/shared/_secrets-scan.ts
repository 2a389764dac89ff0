/**
 * @fileoverview Credential detection shared by secret-pattern-in-yaml, configmap-sensitive-content
 * and secret-in-annotation. Every function returns WHAT was found (a label such as "an AWS access
 * key id") and WHERE (a key name, a line number inside a multi-line value), never the value: the
 * callers put only those into messages, so a credential cannot reach any output.
 *
 * Two kinds of evidence:
 * - value formats: well-known credential formats (PEM private keys, AWS/GitHub/GitLab/Slack/Google/
 *   Stripe keys, JWTs, credentials embedded in URLs), matched anywhere in a string;
 * - keyword + literal: a key named like a credential (`password`, `db_password`, `apiKey`,
 *   `client-secret`; word-based, so `passwordSecretRef`, `tokenFile`, `secretName` are not) whose
 *   value is a literal that is not a placeholder, a reference or a path.
 */
import { sensitiveName, words } from "../secret-in-env-literal.js";

/** Well-known credential formats (high confidence; fire whatever the key's name). */
export const VALUE_FORMATS: readonly (readonly [string, RegExp])[] = [
  ["a PEM private key", /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/u],
  // base64 of "-----BEGIN RSA PRIVATE KEY" / "-----BEGIN PRIVATE KEY" / "-----BEGIN EC PRIVATE KEY" / "-----BEGIN OPENSSH PRIVATE KEY"
  ["a base64-encoded PEM private key", /LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVk|LS0tLS1CRUdJTiBQUklWQVRFIEtFWS|LS0tLS1CRUdJTiBFQyBQUklWQVRFIEtFWS|LS0tLS1CRUdJTiBPUEVOU1NIIFBSSVZBVEUgS0VZ/u],
  ["an AWS access key id", /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/u],
  ["a GitHub token", /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/u],
  ["a GitLab token", /\bglpat-[A-Za-z0-9_-]{20,}\b/u],
  ["a Google API key", /\bAIza[0-9A-Za-z_-]{35}\b/u],
  ["a Slack token", /\bxox[baprs]-[0-9A-Za-z]{6,}-[0-9A-Za-z-]{6,}/u],
  ["a Slack webhook URL", /https:\/\/hooks\.slack\.com\/services\/T[A-Za-z0-9]+\/B[A-Za-z0-9]+\/[A-Za-z0-9]{16,}/u],
  ["a Stripe secret key", /\b[sr]k_live_[0-9A-Za-z]{16,}\b/u],
  ["a SendGrid API key", /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/u],
  ["a JSON Web Token", /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/u],
  // scheme://user:password@host with a literal password (not a $VAR, {{template}} or <placeholder>).
  ["a password in a URL", /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@'"]{1,64}:(?![$<{*%])[^\s:/@'"]{3,128}@[A-Za-z0-9.-]+/u],
];

/** The first credential format found in `text` (its label), or null. */
export function credentialFormat(text: string): string | null {
  if (text.length < 8 || !FORMAT_HINT.test(text)) return null;
  for (const [label, re] of VALUE_FORMATS) if (re.test(text)) return placeholderUrl(label, text) ? null : label;
  return null;
}

/**
 * A literal part that every format of VALUE_FORMATS contains (checked against each of them by
 * test/rules/secret-pattern-in-yaml.test.ts): one scan rules out the ordinary string, instead of
 * one per format.
 */
export const FORMAT_HINT = /-----BEGIN |LS0tLS1CRUdJTi|AKIA|ASIA|gh[pousr]_|github_pat_|glpat-|AIza|xox[baprs]-|hooks\.slack\.com|k_live_|SG\.|eyJ|:\/\//u;

/** A URL credential that is an obvious example (`user:password@`, `foo:bar@`). */
function placeholderUrl(label: string, text: string): boolean {
  if (label !== "a password in a URL") return false;
  const m = /:\/\/([^\s:/@'"]+):([^\s:/@'"]+)@/u.exec(text);
  return m !== null && PLACEHOLDER_WORDS.test(m[2]!);
}

const PLACEHOLDER_WORDS = /^(?:pass(?:word)?|passwd|pwd|secret|token|changeme|change[-_]?it|example|xxx+|\*+|\.+|redacted|hidden|none|null|user|username|foo|bar|baz|test|dummy|placeholder|your[-_a-z]*)$/iu;

/**
 * Whether a literal value cannot be a committed credential: empty or very short, a boolean, a
 * reference (`$(VAR)`, `${VAR}`, `$VAR`), an unrendered template, a `<placeholder>`, masked text,
 * a path or a file/URL reference without credentials.
 */
export function inertValue(value: string): boolean {
  const t = value.trim();
  if (t.length < 4) return true;
  if (/^(?:true|false|yes|no|on|off|null|none|nil|empty|required|optional|disabled|enabled)$/iu.test(t)) return true;
  if (PLACEHOLDER_WORDS.test(t)) return true;
  if (/^(?:\$\([A-Za-z_][A-Za-z0-9_.]*\)|\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*)+$/u.test(t)) return true;
  if (t.includes("{{") || t.includes("${") || /^<[^>]*>$/u.test(t) || /^%[^%]+%$/u.test(t)) return true;
  if (/^[*x•.#-]{3,}$/iu.test(t)) return true;
  // Placeholders: __TOKEN__, CHANGEME…, ALL_CAPS names (TOKEN1, YOUR_API_KEY), dotted field paths (spec.global.apiKey).
  if (/^__[A-Za-z0-9_]+__$/u.test(t) || /^change[-_]?me/iu.test(t) || /^[A-Z][A-Z0-9_]{0,31}$/u.test(t)) return true;
  if (/^[a-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*){2,}$/u.test(t)) return true;
  // Paths (a file that holds the secret, not the secret) and plain URLs.
  if (t.startsWith("/") || t.startsWith("./") || t.startsWith("~/") || /^file:/iu.test(t)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\/[^@\s]*$/iu.test(t)) return true;
  // Lower-case relative paths (`database/creds/api`, a Vault path or secret store key).
  if (/^[a-z0-9_.-]+(?:\/[a-z0-9_.-]+)+$/u.test(t)) return true;
  // References to secret stores and env lookups.
  if (/^(?:vault|secretsmanager|ssm|arn|projects\/[^/]+\/secrets|azurekeyvault|ref\+|env|envvar|secretref|sm):/iu.test(t)) return true;
  // Several words: prose, not a credential (help text, descriptions).
  if (/\s/u.test(t) && t.split(/\s+/u).length >= 3) return true;
  return false;
}

/** Words that make a key about a digest of the secret, not the secret (`checksum/secret`, `password_hash`). */
const DIGEST_WORDS = new Set(["checksum", "hash", "hashed", "digest", "sha", "sha1", "sha256", "sha512", "md5", "bcrypt", "fingerprint", "salt"]);

/**
 * Whether a key names a credential (word-based; see secret-in-env-literal). For prefixed keys
 * (`example.com/api-token`) only the part after the last `/` counts.
 */
export function sensitiveKey(key: string, extra: ReadonlySet<string> = EMPTY): boolean {
  if (extra.size) return sensitiveKeyUncached(key, extra);
  // Manifests repeat the same keys (name, image, value …) in every object.
  let hit = sensitiveKeys.get(key);
  if (hit === undefined) {
    if (sensitiveKeys.size >= 10_000) sensitiveKeys.clear();
    hit = sensitiveKeyUncached(key, EMPTY);
    sensitiveKeys.set(key, hit);
  }
  return hit;
}
const sensitiveKeys = new Map<string, boolean>();

function sensitiveKeyUncached(key: string, extra: ReadonlySet<string>): boolean {
  const name = key.slice(key.lastIndexOf("/") + 1);
  const w = words(name);
  if (!name || words(key).some((x) => DIGEST_WORDS.has(x))) return false;
  // Helm chart conventions that name a Secret: existingSecret, existingSecretPasswordKey.
  if (w.includes("existing")) return false;
  return sensitiveName(name, extra as Set<string>);
}

const NAMEISH = /^[a-z0-9][a-z0-9._-]*$/u;
const SENSITIVE_IN_NAME = /password|passwd|secret|token|credential|apikey|api-key|api_key|(?:^|[-_.])key(?:$|[-_.])/u;

/**
 * A key named like a credential with a literal value that is not a placeholder or reference. A
 * `<credential>Key` key (`passwordKey: admin-password`) whose value is itself a key name is the
 * name of a Secret key, not a credential.
 */
export function literalCredential(key: string, value: string, extra: ReadonlySet<string> = EMPTY): boolean {
  if (!sensitiveKey(key, extra) || inertValue(value)) return false;
  const last = words(key).at(-1);
  if ((last === "key" || last === "keys") && NAMEISH.test(value) && (SENSITIVE_IN_NAME.test(value) || !/\d/u.test(value))) return false;
  // `tlsSecret: shop-tls`, `clientSecret: oauth-client`: the name of a Secret object (DNS-1123), not its content.
  if ((last === "secret" || last === "secrets") && /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/u.test(value) && (value.includes("-") || !/\d/u.test(value))) return false;
  return true;
}
const EMPTY: ReadonlySet<string> = new Set();

export interface TextFinding {
  /** 0-based line inside the text. */
  line: number;
  /** Columns (0-based, end exclusive) of the evidence on that line: the key of an assignment, or the whole line. */
  col: number;
  endCol: number;
  /** What was found: "a PEM private key", or "a literal value for 'db_password'". */
  what: string;
}

const ASSIGNMENT = /^\s*(?:export\s+|-\s+)?["']?([A-Za-z_][A-Za-z0-9_.-]*)["']?\s*(?:=|:(?!\/\/)|\s+(?=["']))\s*(.*)$/u;

/**
 * Scan a multi-line string (an embedded config file: properties, ini, env, YAML, TOML) line by
 * line: credential formats anywhere, and `key = value` / `key: value` lines whose key names a
 * credential and whose value is a literal. A PEM block is reported once, at its BEGIN line.
 */
export function scanText(text: string, extra: ReadonlySet<string> = EMPTY): TextFinding[] {
  const out: TextFinding[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fmt = credentialFormat(line);
    if (fmt) {
      const body = line.replace(/\r$/u, "");
      out.push({ line: i, col: body.length - body.trimStart().length, endCol: body.trimEnd().length, what: fmt });
    } else {
      const m = ASSIGNMENT.exec(line);
      if (m && !/^\s*[#;]/u.test(line)) {
        const key = m[1]!;
        const raw = m[2]!.replace(/\s+[#;].*$/u, "").replace(/,\s*$/u, "").trim();
        const value = raw.replace(/^(["'])(.*)\1$/u, "$2");
        if (literalCredential(key, value, extra) && !/^[[{(]/u.test(value)) {
          const at = line.indexOf(key);
          out.push({ line: i, col: at, endCol: at + key.length, what: `a literal value for '${key}'` });
        }
      }
    }
  }
  return out;
}

/**
 * Source range of a finding inside a block literal scalar (`|`), whose content lines map 1:1 to
 * source lines after the header; null for other styles (the caller reports the scalar itself).
 */
export function literalLineRange(
  sourceCode: { lines: string[]; getLoc(node: { range: [number, number] }): { start: { line: number } }; getIndexFromLoc(loc: { line: number; column: number }): number },
  scalar: { range: [number, number]; style: string; value: unknown },
  f: TextFinding,
): { range: [number, number] } | null {
  if (scalar.style !== "BLOCK_LITERAL" || typeof scalar.value !== "string") return null;
  const header = sourceCode.getLoc(scalar).start.line; // 1-based line of the `|` header
  const content = scalar.value.split("\n")[f.line];
  const line = header + 1 + f.line;
  const src = sourceCode.lines[line - 1];
  if (content === undefined || src === undefined || content === "" || !src.endsWith(content)) return null;
  const start = sourceCode.getIndexFromLoc({ line, column: 1 }) + src.length - content.length;
  if (start + f.endCol > scalar.range[1]) return null;
  return { range: [start + f.col, start + f.endCol] };
}
