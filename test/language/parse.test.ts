/**
 * @fileoverview The parser and the semantic view: YAML 1.1 scalars as the API server reads them,
 * `kind: List` items, aliases and merge keys through the query helpers, per-document errors,
 * comments, Helm `# Source:` comments, CRLF and BOM positions.
 */
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/eslint/index.js";
import type { MapNode, ScalarNode } from "../../src/language/ast.js";
import { parseProgram } from "../../src/language/language.js";
import { parseYaml } from "../../src/language/parse.js";
import { K8sSourceCode } from "../../src/language/source-code.js";
import { asMap, get, getBool, getIn, getNumber, getPair, getString, isOwnPair, keyName, staticValue } from "../../src/language/query.js";

function root(text: string, doc = 0): MapNode {
  const d = parseProgram(text, "manifest.yaml").body[doc]!;
  expect(d.errors).toEqual([]);
  return asMap(d.content)!;
}

describe("YAML 1.1 scalars (as the API server reads them)", () => {
  it("reads on/yes/off/no as booleans and keeps quoted ones as strings", () => {
    const m = root("a: on\nb: yes\nc: Off\nd: NO\ne: y\nf: 'yes'\ng: \"on\"\nh: true\n");
    expect([getBool(m, "a"), getBool(m, "b"), getBool(m, "c"), getBool(m, "d"), getBool(m, "h")]).toEqual([true, true, false, false, true]);
    expect(getBool(m, "f")).toBeNull();
    expect(getString(m, "f")).toBe("yes");
    expect(getString(m, "g")).toBe("on");
    expect((get(m, "f") as ScalarNode).style).toBe("QUOTE_SINGLE");
  });

  it("reads 0777 as octal 511, 0x1F as 31, and 1_000 as 1000", () => {
    const m = root("mode: 0777\nhex: 0x1F\nsep: 1_000\nquoted: '0777'\n");
    expect(getNumber(m, "mode")).toBe(511);
    expect(getNumber(m, "hex")).toBe(31);
    expect(getNumber(m, "sep")).toBe(1000);
    expect(getString(m, "quoted")).toBe("0777");
  });

  it("keeps timestamps as the strings written", () => {
    const m = root("date: 2024-01-01\nwhen: 2001-12-14t21:59:43.10-05:00\n");
    expect(getString(m, "date")).toBe("2024-01-01");
    expect(getString(m, "when")).toBe("2001-12-14t21:59:43.10-05:00");
    expect((get(m, "date") as ScalarNode).tag).toBeNull();
  });

  it("reads ~ and an empty value as null", () => {
    const m = root("a: ~\nb:\n");
    expect(getString(m, "a")).toBeNull();
    expect(getPair(m, "b")).not.toBeNull();
    expect(get(m, "b")).toMatchObject({ type: "Scalar", value: null });
  });
});

describe("resources", () => {
  it("makes each item of a kind: List a resource with its docIndex and listIndex", () => {
    const text =
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: first}\n---\napiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: Pod, metadata: {name: p, namespace: dev}, spec: {containers: [{name: a, image: nginx}]}}\n  - {apiVersion: v1, kind: Service, metadata: {name: s}}\n  - not-an-object\n";
    const p = parseProgram(text, "list.yaml");
    const resources = p.body.flatMap((d) => d.resources);
    expect(resources.map((r) => [r.kind, r.name, r.namespace, r.docIndex, r.listIndex])).toEqual([
      ["ConfigMap", "first", null, 0, null],
      ["Pod", "p", "dev", 1, 0],
      ["Service", "s", null, 1, 1],
    ]);
    expect(resources[1]!.podSpecs[0]!.containers.map((c) => c.name)).toEqual(["a"]);
  });

  it("finds the CronJob pod template and every container kind", () => {
    const text =
      "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers: [{name: i}]\n          containers: [{name: m}]\n          ephemeralContainers: [{name: e}]\n";
    const [ps] = parseProgram(text, "c.yaml").body[0]!.resources[0]!.podSpecs;
    expect(ps!.path).toEqual(["spec", "jobTemplate", "spec", "template", "spec"]);
    expect(ps!.containers.map((c) => [c.containerKind, c.name])).toEqual([
      ["initContainer", "i"],
      ["container", "m"],
      ["ephemeralContainer", "e"],
    ]);
  });

  it("documents without apiVersion/kind are not resources", () => {
    expect(parseProgram("replicaCount: 2\nimage: {tag: latest}\n", "values.yaml").body[0]!.resources).toEqual([]);
  });
});

describe("aliases and merge keys through the query helpers", () => {
  const text = [
    "apiVersion: v1",
    "kind: ConfigMap",
    "metadata:",
    "  name: &n app",
    "  labels: &labels",
    "    team: shop",
    "  annotations:",
    "    <<: *labels",
    "    owner: *n",
    "    team: payments",
    "data:",
    "  <<: [{a: '1'}, {a: '2', b: '3'}]",
    "",
  ].join("\n");

  it("follows aliases and merge keys, explicit keys winning", () => {
    const m = root(text);
    const annotations = asMap(getIn(m, ["metadata", "annotations"]))!;
    expect(getString(annotations, "owner")).toBe("app");
    expect(getString(annotations, "team")).toBe("payments");
    const data = asMap(get(m, "data"))!;
    expect(getString(data, "a")).toBe("1");
    expect(getString(data, "b")).toBe("3");
    expect(isOwnPair(data, getPair(data, "b")!)).toBe(false);
    expect(staticValue(getIn(m, ["metadata"]))).toEqual({
      name: "app",
      labels: { team: "shop" },
      annotations: { team: "payments", owner: "app" },
    });
  });

  it("resolves the alias target as a non-enumerable back-reference (the AST stays a tree)", () => {
    const m = root(text);
    const owner = getPair(asMap(getIn(m, ["metadata", "annotations"])), "owner")!;
    expect(owner.value!.type).toBe("Alias");
    expect(Object.keys(owner.value!)).not.toContain("target");
    expect(() => JSON.stringify(parseProgram(text, "x.yaml"))).not.toThrow();
  });

  it("reports an alias to an undefined anchor as an error of its document", () => {
    const p = parseProgram("a: 1\n---\nb: *nowhere\n", "x.yaml");
    expect(p.body[0]!.errors).toEqual([]);
    expect(p.body[1]!.errors.map((e) => [e.code, e.range])).toEqual([["BAD_ALIAS", [12, 20]]]);
  });
});

describe("errors stay with their document", () => {
  it("keeps each document's errors and still builds the others' resources", () => {
    const text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\nb: [1\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: s, name: t}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: d}\n";
    const p = parseProgram(text, "x.yaml");
    expect(p.body.map((d) => d.errors.map((e) => e.code))).toEqual([[], ["BAD_INDENT"], ["DUPLICATE_KEY"], []]);
    expect(p.body.map((d) => d.resources.map((r) => r.name))).toEqual([["a"], [], [], ["d"]]);
    // The duplicate key's position: the second `name`.
    const dup = p.body[2]!.errors[0]!;
    expect(text.slice(dup.range[0], dup.range[1])).toBe("n");
    expect(text.slice(dup.range[0], dup.range[0] + 7)).toBe("name: t");
  });

  it("reports tab indentation", () => {
    const p = parseProgram("metadata:\n\tname: a\n", "x.yaml");
    expect(p.body[0]!.errors.map((e) => e.code)).toContain("TAB_AS_INDENT");
  });

  it("never throws on garbage", () => {
    for (const t of ["{", "]]]", "- - - : : :", "\u0000\u0001", "a: !!binary |\n  ====\n", "&a [*a]"]) {
      expect(() => parseProgram(t, "x.yaml")).not.toThrow();
    }
  });
});

describe("comments", () => {
  const text = [
    "# top",
    "apiVersion: v1 # trailing",
    "kind: ConfigMap",
    "metadata:",
    "  name: a#b",
    "data:",
    '  quoted: "value # not a comment"',
    "  single: 'x # no'",
    "  block: |",
    "    # not a comment",
    "    line # still not",
    "  folded: >-",
    "    text # no",
    "  url: http://example.com/#anchor",
    "  # last",
    "",
  ].join("\n");

  it("collects # comments outside scalars, with exact ranges", () => {
    const { comments } = parseYaml(text);
    expect(comments.map((c) => c.value)).toEqual([" top", " trailing", " last"]);
    for (const c of comments) expect(text.slice(c.range[0], c.range[1])).toBe(`#${c.value}`);
  });

  it("attaches `# Source:` Helm comments to the document that follows", () => {
    const rendered = "---\n# Source: web/templates/sa.yaml\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n---\n# Source: web/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: plain\n";
    const p = parseProgram(rendered, "rendered.yaml");
    expect(p.body.map((d) => d.helmSource)).toEqual(["web/templates/sa.yaml", "web/templates/cm.yaml", null]);
  });
});

describe("positions", () => {
  it("keeps CRLF offsets and records the line ending", () => {
    const text = "apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: a # c\r\n";
    const p = parseProgram(text, "x.yaml");
    expect(p.eol).toBe("\r\n");
    const sc = new K8sSourceCode({ text, ast: p });
    const name = getPair(asMap(get(asMap(p.body[0]!.content), "metadata")), "name")!;
    expect(text.slice(name.range[0], name.range[1])).toBe("name: a");
    expect(sc.getLoc(name)).toEqual({ start: { line: 4, column: 3 }, end: { line: 4, column: 10 } });
    expect(sc.getLoc(p.comments[0]!)).toEqual({ start: { line: 4, column: 11 }, end: { line: 4, column: 14 } });
    expect(parseProgram("a: 1\n", "x.yaml").eol).toBe("\n");
  });

  it("with a BOM, offsets count the BOM and comments right after it are found", () => {
    const text = "\uFEFF# first\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n";
    const p = parseProgram(text, "x.yaml");
    expect(p.comments.map((c) => c.range)).toEqual([[1, 8]]);
    expect(p.body[0]!.resources[0]!.name).toBe("a");
    const key = asMap(p.body[0]!.content)!.pairs[0]!.key!;
    expect(keyName(asMap(p.body[0]!.content)!.pairs[0]!)).toBe("apiVersion");
    expect(text.slice(key.range[0], key.range[1])).toBe("apiVersion");
  });

  it("reports the same line and column through ESLint with and without BOM and CRLF", () => {
    const lf = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n      securityContext:\n        privileged: yes\n";
    const linter = new Linter({ configType: "flat" });
    const config = [{ files: ["**/*.yaml"], plugins: { kubeguard: plugin }, language: "kubeguard/k8s", rules: { "kubeguard/privileged-container": "error" } }] as unknown as Linter.Config[];
    const at = (t: string): number[][] => linter.verify(t, config, { filename: "p.yaml" }).map((m) => [m.line, m.column, m.endLine!, m.endColumn!]);
    expect(at(lf)).toEqual([[10, 9, 10, 24]]);
    expect(at(`\uFEFF${lf}`)).toEqual([[10, 9, 10, 24]]);
    expect(at(lf.replace(/\n/gu, "\r\n"))).toEqual([[10, 9, 10, 24]]);
  });
});
