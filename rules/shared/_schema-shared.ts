/**
 * @fileoverview Shared helpers of the schema rules (schema-invalid, unknown-field,
 * yaml-1-1-ambiguous-value): display of instance paths and values.
 */
import type { YamlNode } from "../../src/language/ast.js";
import { asScalar } from "../../src/language/query.js";

/** `spec.template.spec.containers[0].ports[0].containerPort` */
export function displayPath(path: readonly string[]): string {
  let out = "";
  for (const seg of path) {
    if (/^\d+$/u.test(seg)) out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/u.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out || "(root)";
}

/** A short rendering of what was written, for messages. */
export function displayValue(node: YamlNode | null): string {
  const s = asScalar(node);
  if (!s) return node?.type === "Map" ? "a mapping" : node?.type === "Seq" ? "a list" : "nothing";
  if (s.value === null) return "null";
  const v = typeof s.value === "string" ? JSON.stringify(s.value) : String(s.value);
  return v.length > 60 ? `${v.slice(0, 57)}…` : v;
}

/** The JSON type name of a node's value, in the schema's words. */
export function typeName(node: YamlNode | null): string {
  const s = asScalar(node);
  if (!s) return node?.type === "Map" ? "object" : node?.type === "Seq" ? "array" : "null";
  if (s.value === null) return "null";
  if (typeof s.value === "number" || typeof s.value === "bigint") return Number.isInteger(Number(s.value)) ? "integer" : "number";
  return typeof s.value;
}
