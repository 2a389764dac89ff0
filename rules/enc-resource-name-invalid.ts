/**
 * @fileoverview enc-resource-name-invalid: resource names the API server's EncryptionConfiguration
 * validation rejects: capitals, a bare `*`, `<resource>.*`, the `events.k8s.io` and `extensions`
 * groups, and the internal `apiserveripinfo` / `serviceipallocations` / `servicenodeportallocations`.
 */
import { createRule } from "../src/rule.js";
import { asFix, replaceNode } from "../src/fix/index.js";
import { encryptionEntries, isAnalyzableEncryptionConfig, parseGroupResource } from "./shared/_encryption.js";

const NON_REST = ["apiserveripinfo", "serviceipallocations", "servicenodeportallocations"];

export default createRule({
  name: "enc-resource-name-invalid",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow resource names that EncryptionConfiguration validation rejects",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      capitals: "Resource '{{name}}' contains capital letters: resource names are lower case (plural, as in the API path). kube-apiserver rejects this EncryptionConfiguration.",
      star: "Resource '*' is not allowed: use '*.' for every core resource or '*.*' for every resource. kube-apiserver rejects this EncryptionConfiguration.",
      acrossGroups: "Resource '{{name}}': encrypting the same resource across groups ('<resource>.*') is not supported. kube-apiserver rejects this EncryptionConfiguration.",
      eventsGroup: "Resource '{{name}}': events.k8s.io events are stored as core 'events' in etcd; write 'events'. kube-apiserver rejects this EncryptionConfiguration.",
      extensionsGroup: "Resource '{{name}}': the 'extensions' group has been removed and cannot be used for encryption. kube-apiserver rejects this EncryptionConfiguration.",
      nonRest: "Resource '{{name}}' is not a standard REST API resource and cannot be encrypted. kube-apiserver rejects this EncryptionConfiguration.",
      replace: "Replace with '{{to}}'.",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isAnalyzableEncryptionConfig(resource)) return;
        for (const entry of encryptionEntries(resource)) {
          for (const rn of entry.resourceNodes) {
            const name = rn.value;
            const gr = parseGroupResource(name);
            let messageId: "capitals" | "star" | "acrossGroups" | "eventsGroup" | "extensionsGroup" | "nonRest" | null = null;
            let to: string | null = null;
            if (name !== name.toLowerCase()) {
              messageId = "capitals";
              to = name.toLowerCase();
            } else if (name === "*") messageId = "star";
            else if (name.endsWith(".*") && name !== "*.*") messageId = "acrossGroups";
            else if (gr.group === "events.k8s.io") {
              messageId = "eventsGroup";
              if (gr.resource === "events" || gr.resource === "*") to = "events";
            } else if (gr.group === "extensions") messageId = "extensionsGroup";
            else if (gr.group === "" && NON_REST.includes(gr.resource)) messageId = "nonRest";
            if (!messageId) continue;
            const edits = to !== null && !entry.resources.includes(to) ? replaceNode(context.sourceCode, rn.node, to) : null;
            context.report({ node: rn.node, messageId, data: { name }, suggest: edits ? [{ messageId: "replace", data: { to: to! }, fix: asFix(edits)! }] : null });
          }
        }
      },
    };
  },
});
