/**
 * @fileoverview gatekeeper-allowedrepos-open-prefix: Gatekeeper's K8sAllowedRepos template admits
 * an image when it *starts with* one of `spec.parameters.repos`. An entry that does not end in `/`
 * (or name a tag/digest after `:`/`@`) is an open prefix: `myreg` admits `myregistry.evil.com/x`,
 * `docker.io/acme` admits `docker.io/acme-attacker/x`.
 */
import { asFix, replaceNode } from "../src/fix/index.js";
import type { ScalarNode } from "../src/language/ast.js";
import { apiGroup } from "../src/language/k8s.js";
import { asScalar, getMap, getSeq, seqItems } from "../src/language/query.js";
import { createRule } from "../src/rule.js";

function quoted(node: ScalarNode, value: string): string {
  if (node.style === "QUOTE_DOUBLE") return JSON.stringify(value);
  if (node.style === "QUOTE_SINGLE") return `'${value.replace(/'/gu, "''")}'`;
  return /^[A-Za-z0-9][A-Za-z0-9._/:@-]*$/u.test(value) ? value : JSON.stringify(value);
}

export default createRule({
  name: "gatekeeper-allowedrepos-open-prefix",
  meta: {
    type: "problem",
    docs: {
      description: "Report Gatekeeper K8sAllowedRepos entries that are open-ended prefixes",
      severity: "high",
      presets: ["recommended"],
      equivalents: { trivy: ["KSV-0124"] },
    },
    messages: {
      openPrefix:
        "K8sAllowedRepos '{{name}}' allows images starting with '{{repo}}': without a trailing '/' this also admits e.g. '{{example}}', a registry or organisation anyone can register.",
      appendSlash: "Append '/' (allow only images under '{{repo}}/').",
      appendColon: "Append ':' (allow only the repository '{{repo}}' with a tag).",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (resource.kind !== "K8sAllowedRepos" || apiGroup(resource.apiVersion) !== "constraints.gatekeeper.sh") return;
        for (const item of seqItems(getSeq(getMap(getMap(resource.node, "spec"), "parameters"), "repos"))) {
          const node = asScalar(item);
          if (!node || typeof node.value !== "string" || node.value === "") continue;
          const repo = node.value;
          const last = repo.slice(repo.lastIndexOf("/") + 1);
          if (repo.endsWith("/") || last.includes(":") || last.includes("@")) continue;
          const example = repo.includes("/") ? `${repo}-evil/app` : `${repo}-evil.example.com/app`;
          const slash = asFix(replaceNode(context.sourceCode, node, quoted(node, `${repo}/`)));
          const colon = asFix(replaceNode(context.sourceCode, node, quoted(node, `${repo}:`)));
          context.report({
            node,
            messageId: "openPrefix",
            data: { name: resource.name ?? "(unnamed)", repo, example },
            suggest: slash && colon ? [{ messageId: "appendSlash", data: { repo }, fix: slash }, { messageId: "appendColon", data: { repo }, fix: colon }] : null,
          });
        }
      },
    };
  },
});
