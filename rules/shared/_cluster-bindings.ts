/**
 * @fileoverview Shared helpers for RoleBinding / ClusterRoleBinding rules: subjects, roleRef,
 * the built-in bootstrap exemption, and the "delete this subject" edit.
 */
import type { MapNode, ResourceNode, YamlNode } from "../../src/language/ast.js";
import type { K8sSourceCode } from "../../src/language/source-code.js";
import type { RuleTextEdit } from "../../src/rule.js";
import { canEdit, lineEndAfter, lineStartOf } from "../../src/fix/index.js";
import { asMap, getMap, getPair, getSeq, getString, seqItems } from "../../src/language/query.js";
import { labelsOf } from "./_cluster-rbac.js";

export interface Subject {
  index: number;
  node: MapNode;
  kind: string | null;
  name: string | null;
  namespace: string | null;
  /** The `name:` value node (the report anchor), or the item. */
  nameNode: YamlNode;
}

export function subjectsOf(binding: ResourceNode): Subject[] {
  const seq = getSeq(binding.node, "subjects");
  const out: Subject[] = [];
  seqItems(seq).forEach((item, index) => {
    const m = asMap(item);
    if (!m) return;
    out.push({ index, node: m, kind: getString(m, "kind"), name: getString(m, "name"), namespace: getString(m, "namespace"), nameNode: getPair(m, "name")?.value ?? m });
  });
  return out;
}

export function roleRefOf(binding: ResourceNode): { kind: string | null; name: string | null; nameNode: YamlNode | null; map: MapNode | null } {
  const m = getMap(binding.node, "roleRef");
  return { kind: getString(m, "kind"), name: getString(m, "name"), nameNode: getPair(m, "name")?.value ?? null, map: m };
}

/** Bindings the API server creates itself (`kubernetes.io/bootstrapping: rbac-defaults`), e.g. system:public-info-viewer. */
export function isBootstrapDefault(resource: ResourceNode): boolean {
  return labelsOf(resource)["kubernetes.io/bootstrapping"] === "rbac-defaults";
}

/**
 * Remove `subjects[index]` from a block sequence: the item's whole lines. Null (report only)
 * when it is the only subject, the sequence is a flow sequence, or the item shares a line.
 */
export function removeSubjectEdit(sourceCode: K8sSourceCode, binding: ResourceNode, index: number): RuleTextEdit[] | null {
  const seq = getSeq(binding.node, "subjects");
  if (!seq || seq.flow || seq.items.length < 2) return null;
  const item = seq.items[index];
  if (!item || !canEdit(sourceCode, seq.range[0], seq.range[1])) return null;
  const text = sourceCode.text;
  const dash = text.lastIndexOf("-", item.range[0] - 1);
  const start = lineStartOf(text, dash);
  if (dash < seq.range[0] || text.slice(start, dash).trim() !== "") return null;
  let end = lineEndAfter(text, item.range[1]);
  if (text[end] === "\r" && text[end + 1] === "\n") end += 2;
  else if (text[end] === "\n" || text[end] === "\r") end += 1;
  return [{ range: [start, end], text: "" }];
}
