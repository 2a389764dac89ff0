/**
 * @fileoverview ingress-nginx-snippet-annotation: `*-snippet` annotations inject raw NGINX
 * configuration into the controller, which runs with a token that reads every Secret of the
 * cluster (CVE-2021-25742). Lua (`*_by_lua*`) and `alias`/`root` directives read files and run
 * code in the controller.
 */
import { createRule } from "../src/rule.js";
import { asFix } from "../src/fix/index.js";
import { scalarString } from "../src/language/query.js";
import { annotationPairs, isIngress, removeAnnotationEdit } from "./shared/_exposure.js";

const PREFIXES = ["nginx.ingress.kubernetes.io/", "nginx.org/"];

export default createRule({
  name: "ingress-nginx-snippet-annotation",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow NGINX configuration snippet annotations on Ingresses",
      severity: "high",
      presets: ["recommended"],
      equivalents: { checkov: ["CKV_K8S_153", "CKV_K8S_152", "CKV_K8S_154"], kubescape: ["C-0059"] },
    },
    messages: {
      snippet:
        "Ingress '{{name}}' annotation {{annotation}} injects raw NGINX configuration into the ingress controller{{worse}}: whoever can write Ingresses can read the controller's files and its service account token, which reads every Secret in the cluster (CVE-2021-25742). Express it with dedicated annotations and keep allow-snippet-annotations off.",
      removeSnippet: "Remove the {{annotation}} annotation (the NGINX configuration it adds goes away).",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isIngress(resource)) return;
        for (const { key, pair } of annotationPairs(resource).pairs) {
          const prefix = PREFIXES.find((p) => key.startsWith(p));
          if (!prefix || !key.slice(prefix.length).includes("snippet") || !pair.key) continue;
          const value = scalarString(pair.value) ?? "";
          const worse = /_by_lua|lua_/u.test(value)
            ? " including Lua code, which runs inside the controller"
            : /(?:^|[\s;{])(?:alias|root)\s+[^;]*;/u.test(value)
              ? " including an alias/root directive, which serves files of the controller's file system"
              : "";
          const edit = removeAnnotationEdit(context.sourceCode, resource, pair);
          context.report({
            node: pair.key,
            messageId: "snippet",
            data: { name: resource.name ?? "(unnamed)", annotation: key, worse },
            suggest: edit ? [{ messageId: "removeSnippet", data: { annotation: key }, fix: asFix(edit)! }] : null,
          });
        }
      },
    };
  },
});
