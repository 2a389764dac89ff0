/**
 * @fileoverview fast-check generators of Kubernetes-shaped YAML: workloads built from fragments
 * (containers, securityContext, env, ports, volumes) written in random styles — block or flow
 * collections, plain/single/double quoting, YAML 1.1 boolean spellings, comments, anchors and
 * aliases, CRLF line endings, a BOM, several documents.
 */
import fc from "fast-check";

/**
 * Cases per property, over all shards: KUBEGUARD_PROPS_RUNS (100 in `npm test`, 10,000 in
 * `npm run test:props`); the fix property: KUBEGUARD_PROPS_FIX_RUNS, by default a tenth of that in
 * `npm test` (10) and all of it when KUBEGUARD_PROPS_RUNS is set.
 */
export const RUNS = Number(process.env.KUBEGUARD_PROPS_RUNS ?? 100);
export const FIX_RUNS = process.env.KUBEGUARD_PROPS_FIX_RUNS
  ? Number(process.env.KUBEGUARD_PROPS_FIX_RUNS)
  : process.env.KUBEGUARD_PROPS_RUNS
    ? RUNS
    : Math.ceil(RUNS / 10);
/**
 * The cases of every property are split into SHARDS test files (test/props/shard-N.test.ts) that
 * vitest runs in parallel, one per core: shard N runs its share of the cases with its own seed.
 */
export const SHARDS = 2;
/** Shard `shard`'s share of `total` cases (the shares add up to `total`). */
export const shardRuns = (total: number, shard: number): number => Math.floor(total / SHARDS) + (shard < total % SHARDS ? 1 : 0);
/** A seed to replay a failure (fast-check prints the seed and path of a failing case). */
export const SEED = process.env.KUBEGUARD_PROPS_SEED === undefined ? undefined : Number(process.env.KUBEGUARD_PROPS_SEED);
/**
 * Shard `shard`'s seed: KUBEGUARD_PROPS_SEED + shard when it is set (so a seed that fast-check
 * printed for a failure replays in shard 0, with the same number of runs), else a fresh random
 * one per run, always ≡ shard (mod SHARDS) so that the shards never share a seed.
 */
export function shardSeed(shard: number): number {
  if (SEED !== undefined) return (SEED + shard) | 0;
  return Math.floor(Math.random() * Math.floor(0x7fffffff / SHARDS)) * SHARDS + shard;
}
export const params = (numRuns: number, seed: number): fc.Parameters<unknown> => ({ numRuns, seed, verbose: 1 });

const quote = (s: string): fc.Arbitrary<string> => fc.constantFrom(s, `'${s}'`, `"${s}"`);
const bool = fc.constantFrom("true", "false", "yes", "no", "on", "off", "True", "FALSE", '"true"', "'false'");
const comment = fc.option(fc.constantFrom(" # why", " # kubeguard: checked", " #", " # a: b"), { nil: "" });
const name = fc.constantFrom("web", "api", "debug", "sidecar", "init-db", "x");
const image = fc.constantFrom("nginx", "nginx:1.27", "registry.example.com/shop/web:1.4.2", "busybox@sha256:" + "a".repeat(64), "ghcr.io/x/y:latest");

interface Field {
  key: string;
  value: string;
}

/** A map written block-style at `indent`, or flow-style on one line. */
function mapText(fields: Field[], indent: number, flow: boolean): string {
  if (!fields.length) return " {}";
  if (flow) return ` {${fields.map((f) => `${f.key}: ${f.value.trim()}`).join(", ")}}`;
  return `\n${fields.map((f) => `${" ".repeat(indent)}${f.key}:${f.value.startsWith("\n") ? f.value : ` ${f.value}`}`).join("\n")}`;
}

const securityContext = fc
  .record({
    privileged: fc.option(bool, { nil: undefined }),
    allowPrivilegeEscalation: fc.option(bool, { nil: undefined }),
    readOnlyRootFilesystem: fc.option(bool, { nil: undefined }),
    runAsNonRoot: fc.option(bool, { nil: undefined }),
    runAsUser: fc.option(fc.constantFrom("0", "1000", "65534", '"1000"', "0o17", "010"), { nil: undefined }),
    capabilities: fc.option(fc.constantFrom("{add: [NET_ADMIN]}", "{drop: [ALL]}", "{add: [SYS_ADMIN], drop: [ALL]}"), { nil: undefined }),
    flow: fc.boolean(),
  })
  .map((r) => ({ fields: Object.entries(r).filter(([k, v]) => k !== "flow" && v !== undefined).map(([key, value]) => ({ key, value: String(value) })), flow: r.flow }));

const container = fc.record({
  name,
  image: image.chain(quote),
  sc: fc.option(securityContext, { nil: undefined }),
  env: fc.option(fc.array(fc.tuple(fc.constantFrom("A", "B", "TOKEN", "A"), fc.constantFrom("1", '"x"', "yes", "''")), { maxLength: 3 }), { nil: undefined }),
  ports: fc.option(fc.array(fc.constantFrom("80", "8080", "443"), { maxLength: 2 }), { nil: undefined }),
  args: fc.option(fc.array(fc.constantFrom("--v=2", "--anonymous-auth=true", "serve"), { maxLength: 3 }), { nil: undefined }),
  comment,
});

type Container = typeof container extends fc.Arbitrary<infer T> ? T : never;

function containerText(c: Container, indent: number, flowChildren: boolean): string {
  const pad = " ".repeat(indent);
  let out = `${pad}- name: ${c.name}${c.comment}\n${pad}  image: ${c.image}\n`;
  if (c.sc) out += `${pad}  securityContext:${mapText(c.sc.fields, indent + 4, c.sc.flow || flowChildren)}\n`;
  if (c.env) out += `${pad}  env:${c.env.length ? c.env.map(([k, v]) => `\n${pad}    - name: ${k}\n${pad}      value: ${v}`).join("") : " []"}\n`;
  if (c.ports) out += `${pad}  ports: [${c.ports.map((p) => `{containerPort: ${p}}`).join(", ")}]\n`;
  if (c.args) out += `${pad}  args:${c.args.length ? c.args.map((a) => `\n${pad}    - ${a}`).join("") : " []"}\n`;
  return out;
}

const KINDS: [string, string, boolean][] = [
  ["apps/v1", "Deployment", true],
  ["apps/v1", "DaemonSet", true],
  ["batch/v1", "Job", true],
  ["v1", "Pod", false],
];

/** One workload document. */
export const workload = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    name: name.chain(quote),
    namespace: fc.option(fc.constantFrom("default", "kube-system", "shop"), { nil: undefined }),
    containers: fc.array(container, { minLength: 1, maxLength: 3 }),
    podSc: fc.option(securityContext, { nil: undefined }),
    hostNetwork: fc.option(bool, { nil: undefined }),
    anchorPodSc: fc.boolean(),
    headComment: comment,
    flowChildren: fc.boolean(),
  })
  .map((w) => {
    const [apiVersion, kind, templated] = w.kind;
    const specIndent = templated ? 6 : 2;
    const pad = " ".repeat(specIndent);
    let spec = "";
    if (w.hostNetwork !== undefined) spec += `${pad}hostNetwork: ${w.hostNetwork}\n`;
    if (w.podSc) spec += `${pad}securityContext:${w.anchorPodSc ? " &podsc" : ""}${mapText(w.podSc.fields, specIndent + 2, w.podSc.flow)}\n`;
    spec += `${pad}containers:\n${w.containers.map((c) => containerText(c, specIndent + 2, w.flowChildren)).join("")}`;
    let text = `${w.headComment ? `${w.headComment.trim()}\n` : ""}apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${w.name}\n`;
    if (w.namespace) text += `  namespace: ${w.namespace}\n`;
    text += templated ? `spec:\n  template:\n    metadata:\n      labels: {app: x}\n    spec:\n${spec}` : `spec:\n${spec}`;
    return text;
  });

/** A whole file: 1–3 documents, maybe a BOM, maybe CRLF, maybe a trailing comment-only document. */
export const manifestFile = fc
  .record({
    docs: fc.array(workload, { minLength: 1, maxLength: 3 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    leadingSeparator: fc.boolean(),
    trailer: fc.constantFrom("", "---\n# only a comment\n", "---\n"),
  })
  .map((f) => {
    let text = `${f.leadingSeparator ? "---\n" : ""}${f.docs.join("---\n")}${f.trailer}`;
    if (f.crlf) text = text.replace(/\n/gu, "\r\n");
    return f.bom ? `\uFEFF${text}` : text;
  });

/** Small maps with duplicate-prone keys (1.1 boolean spellings, quoting, numbers, merge keys). */
export const dupProneMap = fc
  .array(fc.tuple(fc.constantFrom("a", "'a'", '"a"', "yes", "true", "on", "1", '"1"', "01", "0x1", "~", "null", "<<", "? [x]", "&k b", "*k"), fc.constantFrom("1", "{x: 1}", "[1]", "*k")), {
    minLength: 1,
    maxLength: 6,
  })
  .chain((pairs) => fc.boolean().map((flow) => ({ pairs, flow })))
  .map(({ pairs, flow }) => {
    const head = "anchor: &k v\nm:";
    if (flow) return `${head} {${pairs.map(([k, v]) => (k.startsWith("?") ? `${k}: ${v}` : `${k}: ${v}`)).join(", ")}}\n`;
    return `${head}\n${pairs.map(([k, v]) => `  ${k}: ${v}`).join("\n")}\n`;
  });
