/**
 * @fileoverview Shared model of an EncryptionConfiguration (`apiserver.config.k8s.io/v1`) for the
 * `enc-*` rules: entries, providers, keys (with the state of each secret: literal, placeholder,
 * template), resource-name parsing and the API server's resource → transformer precedence.
 *
 * Semantics follow kubernetes/apiserver `pkg/server/options/encryptionconfig/config.go`:
 *  - `schema.ParseGroupResource`: `secrets` → {"" , secrets}; `*.` → {"", *}; `*.*` → {*, *};
 *    `deployments.apps` → {apps, deployments}.
 *  - transformers of the same group/resource are appended entry by entry, so the earliest entry that
 *    names a resource decides its writing provider;
 *  - lookup order for a resource: exact group/resource, then `*.<group>`, then `*.*`;
 *  - a resource named after an earlier `*.<group>` or `*.*` entry is an error ("resource … is masked
 *    by earlier rule …"): kube-apiserver does not start.
 * Messages built from this module never include key material.
 */
import type { MapNode, PairNode, ResourceNode, ScalarNode, SeqNode, YamlNode } from "../../src/language/ast.js";
import { asMap, asScalar, deref, getPair, getSeq, keyName, scalarString, seqItems } from "../../src/language/query.js";

export const PROVIDER_TYPES = ["aesgcm", "aescbc", "secretbox", "identity", "kms"] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];
/** Providers that hold local keys. */
export const KEYED_PROVIDERS = ["aesgcm", "aescbc", "secretbox"] as const;

export interface EncryptionProvider {
  /** The `providers[j]` list item. */
  item: YamlNode;
  map: MapNode | null;
  /** The item's first key (its provider type as written), or null when it has none. */
  type: string | null;
  /** The pair of the provider type (`aescbc: …`). */
  pair: PairNode | null;
  /** The provider's configuration map (`{keys: […]}`, kms settings), when it is a map. */
  config: MapNode | null;
}

export interface EncryptionEntry {
  /** The `resources[i]` mapping. */
  node: MapNode;
  index: number;
  /** Resource names it covers (`secrets`, `*.`, `*.*`, `deployments.apps` …). */
  resources: string[];
  /** The scalar nodes of `resources[i].resources`, with their strings. */
  resourceNodes: { node: ScalarNode; value: string }[];
  resourcesSeq: SeqNode | null;
  providersSeq: SeqNode | null;
  /** Each provider item with its type (the item's single key), or null when it has none. */
  providers: EncryptionProvider[];
}

/** Whether a resource is an EncryptionConfiguration (current `apiserver.config.k8s.io/v1`, or the legacy `v1` `EncryptionConfig`). */
export function isEncryptionConfig(resource: ResourceNode): boolean {
  if (resource.kind === "EncryptionConfiguration") return resource.apiVersion === "apiserver.config.k8s.io/v1";
  return resource.kind === "EncryptionConfig" && resource.apiVersion === "v1";
}

/** An EncryptionConfiguration whose document parsed cleanly (templated files with YAML errors are `valid-yaml`'s). */
export function isAnalyzableEncryptionConfig(resource: ResourceNode): boolean {
  return isEncryptionConfig(resource) && resource.document.errors.length === 0;
}

export function encryptionEntries(resource: ResourceNode): EncryptionEntry[] {
  const out: EncryptionEntry[] = [];
  seqItems(getSeq(resource.node, "resources")).forEach((item, index) => {
    const node = asMap(item);
    if (!node) return;
    const resourcesSeq = getSeq(node, "resources");
    const resourceNodes: { node: ScalarNode; value: string }[] = [];
    for (const r of seqItems(resourcesSeq)) {
      const s = asScalar(r);
      const v = scalarString(s);
      if (s && v !== null) resourceNodes.push({ node: s, value: v });
    }
    const providersSeq = getSeq(node, "providers");
    const providers = seqItems(providersSeq).map((p): EncryptionProvider => {
      const map = asMap(p);
      const first = map?.pairs[0] ?? null;
      const type = first ? keyName(first) : null;
      return { item: p, map, type, pair: first, config: asMap(first?.value ?? null) };
    });
    out.push({ node, index, resources: resourceNodes.map((r) => r.value), resourceNodes, resourcesSeq, providersSeq, providers });
  });
  return out;
}

/** Whether an entry covers Secrets: `secrets` by name, or the core wildcard `*.`, or `*.*`. */
export function coversSecrets(resources: string[]): boolean {
  return resources.some((r) => coversResource(r, "", "secrets"));
}

/**
 * The provider that writes an entry's resources: the first one — or, when `identity` is first
 * (enc-identity-first), the first encrypting provider behind it, which writes once identity is moved
 * (so that fix reveals no new finding). `behindIdentity` says which.
 */
export function writingProvider(entry: EncryptionEntry): { provider: EncryptionProvider; behindIdentity: boolean } | null {
  const head = entry.providers[0];
  if (!head) return null;
  if (head.type !== "identity") return { provider: head, behindIdentity: false };
  const next = entry.providers.find((p) => p.type !== "identity");
  return next ? { provider: next, behindIdentity: true } : null;
}

export interface GroupResource {
  group: string;
  resource: string;
}

/** `schema.ParseGroupResource`: split at the first dot. */
export function parseGroupResource(s: string): GroupResource {
  const i = s.indexOf(".");
  return i === -1 ? { group: "", resource: s } : { group: s.slice(i + 1), resource: s.slice(0, i) };
}

/** Whether one resource name of an entry (`secrets`, `*.`, `*.apps`, `*.*`) covers group/resource. */
export function coversResource(name: string, group: string, resource: string): boolean {
  const gr = parseGroupResource(name);
  if (gr.group === "*" && gr.resource === "*") return true;
  if (gr.group !== group) return false;
  return gr.resource === "*" || gr.resource === resource;
}

/** A readable name for a group/resource (`*.` for all core resources, like the API server prints it). */
export function grString(gr: GroupResource): string {
  if (gr.group === "" && gr.resource === "*") return "*.";
  return gr.group ? `${gr.resource}.${gr.group}` : gr.resource;
}

/**
 * The entry (and the resource item in it) whose providers write a group/resource, following the
 * API server's lookup: exact name first (earliest entry), then `*.<group>`, then `*.*`. Entries that
 * the API server would reject as masked are skipped. Null: the resource is not covered (stored as-is).
 */
export function decidingEntry(entries: EncryptionEntry[], group: string, resource: string): { entry: EncryptionEntry; node: ScalarNode } | null {
  const candidates: [string, string][] = [
    [group, resource],
    [group, "*"],
    ["*", "*"],
  ];
  const masked = maskedResources(entries);
  for (const [g, r] of candidates) {
    for (const entry of entries) {
      for (const rn of entry.resourceNodes) {
        if (masked.has(rn.node)) continue;
        const gr = parseGroupResource(rn.value);
        if (gr.group === g && gr.resource === r) return { entry, node: rn.node };
      }
    }
  }
  return null;
}

export interface MaskedResource {
  entry: EncryptionEntry;
  node: ScalarNode;
  by: { entry: EncryptionEntry; node: ScalarNode };
}

/**
 * Resource names that an earlier entry's `*.<group>` or `*.*` masks: kube-apiserver refuses the
 * file ("resource %q is masked by earlier rule %q").
 */
export function maskedResourceList(entries: EncryptionEntry[]): MaskedResource[] {
  const seen = new Map<string, { entry: EncryptionEntry; node: ScalarNode }>();
  const out: MaskedResource[] = [];
  for (const entry of entries) {
    const added: [string, { entry: EncryptionEntry; node: ScalarNode }][] = [];
    for (const rn of entry.resourceNodes) {
      const gr = parseGroupResource(rn.value);
      const by = seen.get(`${gr.group}/*`) ?? seen.get("*/*");
      if (by) {
        out.push({ entry, node: rn.node, by });
        continue;
      }
      added.push([`${gr.group}/${gr.resource}`, { entry, node: rn.node }]);
    }
    // Rules of one entry are registered after the whole entry (the API server checks each resource
    // against the map built from earlier entries and this entry's earlier items; in-list overlaps are
    // validation errors reported separately).
    for (const [k, v] of added) if (!seen.has(k)) seen.set(k, v);
  }
  return out;
}

function maskedResources(entries: EncryptionEntry[]): Set<ScalarNode> {
  return new Set(maskedResourceList(entries).map((m) => m.node));
}

/** The first provider of an entry that is not `identity`, or null. */
export function isRealProvider(type: string | null): boolean {
  return type !== null && type !== "identity" && (PROVIDER_TYPES as readonly string[]).includes(type);
}

// ---------------------------------------------------------------------------------------------
// Keys

export type SecretState =
  | { kind: "literal"; value: string }
  | { kind: "placeholder" }
  | { kind: "not-string" }
  | { kind: "missing" };

export interface EncryptionKey {
  entry: EncryptionEntry;
  provider: EncryptionProvider;
  providerType: (typeof KEYED_PROVIDERS)[number];
  /** The `keys[k]` map. */
  map: MapNode;
  name: string | null;
  nameNode: YamlNode | null;
  /** The secret's value node as written (may be an alias), or null when absent. */
  secretNode: YamlNode | null;
  secret: SecretState;
}

/** A `{{ … }}` placeholder read as YAML: a flow mapping whose only key is another flow mapping. */
export function isBraceTemplate(node: YamlNode): boolean {
  if (node.type !== "Map" || !node.flow || node.pairs.length !== 1) return false;
  const k = node.pairs[0]!.key;
  return k !== null && k.type === "Map" && k.flow && node.pairs[0]!.value === null;
}

/** Placeholders of template languages left in a string (`${KEY}`, `{{ key }}`, `<KEY>`, `$KEY`). */
export const STRING_PLACEHOLDER = /\$\{[^}]*\}|\{\{[^}]*\}\}|^<[^>]+>$|^\$[A-Z_][A-Z0-9_]*$/u;

/** Whether a string is an unrendered placeholder rather than key material. */
export function isPlaceholder(value: string): boolean {
  return STRING_PLACEHOLDER.test(value);
}

/** Every key of every aescbc / aesgcm / secretbox provider, with the state of its secret. */
export function encryptionKeys(entries: EncryptionEntry[]): EncryptionKey[] {
  const out: EncryptionKey[] = [];
  for (const entry of entries) {
    for (const provider of entry.providers) {
      if (!provider.type || !(KEYED_PROVIDERS as readonly string[]).includes(provider.type)) continue;
      for (const k of seqItems(getSeq(provider.config, "keys"))) {
        const map = asMap(k);
        if (!map) continue;
        const namePair = getPair(map, "name");
        const secretPair = getPair(map, "secret");
        const secretNode = secretPair?.value ?? null;
        const secret = secretState(secretNode);
        out.push({
          entry,
          provider,
          providerType: provider.type as EncryptionKey["providerType"],
          map,
          name: scalarString(namePair?.value ?? null),
          nameNode: namePair?.value ?? null,
          secretNode,
          secret,
        });
      }
    }
  }
  return out;
}

function secretState(raw: YamlNode | null): SecretState {
  const node = deref(raw);
  if (!node) return { kind: "missing" };
  if (node.type === "Map" || node.type === "Seq") return isBraceTemplate(node) ? { kind: "placeholder" } : { kind: "not-string" };
  const s = asScalar(node);
  if (!s || s.value === null) return { kind: "missing" };
  if (typeof s.value !== "string") return { kind: "not-string" };
  if (isPlaceholder(s.value)) return { kind: "placeholder" };
  return { kind: "literal", value: s.value };
}

/**
 * Decode a Go `base64.StdEncoding` string (padding required; `\r` and `\n` are ignored, as Go's
 * decoder does). Null when it is not valid standard base64.
 */
export function decodeBase64(value: string): Uint8Array | null {
  const s = value.replace(/[\r\n]/gu, "");
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/u.test(s)) return null;
  const bytes = Buffer.from(s, "base64");
  // Node ignores non-canonical trailing bits; Go's StdEncoding (non-strict) does too.
  return new Uint8Array(bytes);
}

/** Decoded length of a standard base64 string, or null when it is not valid base64. */
export function base64DecodedLength(value: string): number | null {
  const s = value.replace(/[\r\n]/gu, "");
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/u.test(s)) return null;
  const pad = s.endsWith("==") ? 2 : s.endsWith("=") ? 1 : 0;
  return (s.length / 4) * 3 - pad;
}

/**
 * Keys published as examples: the encryption-at-rest task page and the `EncryptionConfiguration`
 * type comments (kubernetes/website `encrypt-data.md`, kubernetes/apiserver `types_encryption.go`).
 * Described by where they come from; messages never print them.
 */
export const KNOWN_EXAMPLE_KEYS: ReadonlyMap<string, string> = new Map([
  ["c2VjcmV0IGlzIHNlY3VyZQ==", "an example key from the Kubernetes encryption-at-rest documentation"],
  ["dGhpcyBpcyBwYXNzd29yZA==", "an example key from the Kubernetes encryption-at-rest documentation"],
  ["YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXoxMjM0NTY=", "an example key from the Kubernetes EncryptionConfiguration API and its tests"],
  ["c2VjcmV0IGlzIHNlY3VyZSwgb3IgaXMgaXQ/Cg==", "an example key from the Kubernetes encryption-at-rest documentation"],
  ["c2VjcmV0IGlzIHNlY3VyZSwgSSB0aGluaw==", "an example key from the Kubernetes encryption-at-rest documentation"],
]);

/** Why decoded key bytes are obviously not random (`head -c 32 /dev/urandom`), or null. */
export function lowEntropyReason(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return null;
  const distinct = new Set(bytes).size;
  if (distinct === 1) return "every byte is the same";
  if (bytes.length >= 2) {
    const step = (bytes[1]! - bytes[0]! + 256) % 256;
    let arithmetic = true;
    for (let i = 2; i < bytes.length; i++) if ((bytes[i]! - bytes[i - 1]! + 256) % 256 !== step) arithmetic = false;
    if (arithmetic) return "the bytes are a counting sequence";
  }
  for (let period = 1; period <= bytes.length / 2; period++) {
    let repeats = true;
    for (let i = period; i < bytes.length; i++) {
      if (bytes[i] !== bytes[i - period]) {
        repeats = false;
        break;
      }
    }
    if (repeats) return `the bytes repeat a ${period}-byte pattern`;
  }
  if (bytes.every((b) => b >= 0x20 && b <= 0x7e)) return "every byte is printable ASCII text (a password or phrase, not random bytes)";
  if (distinct <= Math.max(2, Math.floor(bytes.length / 4))) return `only ${distinct} distinct byte values in ${bytes.length} bytes`;
  return null;
}

/**
 * Another entry than `except` that covers Secrets, is not masked, and writes with a real provider
 * first, with the resource name that covers Secrets in it. Null when there is none.
 */
export function encryptingAlternative(entries: EncryptionEntry[], except: EncryptionEntry): { entry: EncryptionEntry; node: ScalarNode; value: string } | null {
  const masked = maskedResources(entries);
  for (const entry of entries) {
    if (entry === except || !isRealProvider(entry.providers[0]?.type ?? null)) continue;
    for (const rn of entry.resourceNodes) {
      if (!masked.has(rn.node) && coversResource(rn.value, "", "secrets")) return { entry, node: rn.node, value: rn.value };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// KMS providers

export interface KmsProvider {
  entry: EncryptionEntry;
  provider: EncryptionProvider;
  config: MapNode;
  /** `apiVersion` as written, or null when absent (defaults to v1). */
  apiVersion: string | null;
  /** Effective version: `v1` when absent. */
  version: string;
  pair(key: string): PairNode | null;
}

export function kmsProviders(entries: EncryptionEntry[]): KmsProvider[] {
  const out: KmsProvider[] = [];
  for (const entry of entries) {
    for (const provider of entry.providers) {
      if (provider.type !== "kms" || !provider.config) continue;
      const config = provider.config;
      const apiVersion = scalarString(getPair(config, "apiVersion")?.value ?? null);
      out.push({ entry, provider, config, apiVersion, version: apiVersion ?? "v1", pair: (key) => getPair(config, key) });
    }
  }
  return out;
}

/** A Go `time.ParseDuration` string's sign: positive, zero/negative, or null when it does not parse. */
export function goDurationPositive(value: string): boolean | null {
  const m = /^([-+]?)((?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+|0)$/u.exec(value);
  if (!m) return null;
  if (m[1] === "-") return false;
  return /[1-9]/u.test(m[2]!);
}
