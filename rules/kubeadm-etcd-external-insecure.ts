/**
 * @fileoverview kubeadm-etcd-external-insecure: a ClusterConfiguration that points the API server
 * at an external etcd over plain `http://`, or without the TLS files kubeadm passes on as
 * `--etcd-cafile` / `--etcd-certfile` / `--etcd-keyfile` ("Required if using a TLS connection").
 * Without them the API server talks to etcd — which holds every Secret — unauthenticated and/or
 * in clear text.
 */
import { asScalar, getMap, getPair, getSeq, scalarString, seqItems } from "../src/language/query.js";
import { insertPair, replaceNode } from "../src/fix/index.js";
import { createRule } from "../src/rule.js";
import { isKubeadm } from "./shared/_kubeadm.js";

/** The paths kubeadm's external-etcd documentation uses. */
const DOC_PATHS: Record<string, string> = {
  caFile: "/etc/kubernetes/pki/etcd/ca.crt",
  certFile: "/etc/kubernetes/pki/apiserver-etcd-client.crt",
  keyFile: "/etc/kubernetes/pki/apiserver-etcd-client.key",
};
const FLAG: Record<string, string> = { caFile: "--etcd-cafile", certFile: "--etcd-certfile", keyFile: "--etcd-keyfile" };

export default createRule({
  name: "kubeadm-etcd-external-insecure",
  meta: {
    type: "problem",
    docs: {
      description: "Require TLS (https endpoints, CA, client certificate and key) for a kubeadm external etcd",
      severity: "critical",
      presets: ["recommended", "cis"],
      standards: { cis: ["1.2.23", "1.2.26"] },
    },
    messages: {
      http: "etcd.external endpoint {{endpoint}} uses plain http: the API server reads and writes every object, Secrets included, to etcd in clear text and without authenticating.",
      missingFile: "etcd.external has no {{field}}: kubeadm starts kube-apiserver without {{flag}}, so {{why}}",
      useHttps: "Use https:// for this endpoint (etcd must serve TLS on it).",
      addFile: "Add {{field}}: {{path}} (the path kubeadm's external-etcd guide uses).",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      Resource(resource) {
        if (!isKubeadm(resource, "ClusterConfiguration")) return;
        const etcdMap = getMap(resource.node, "etcd");
        const extPair = getPair(etcdMap, "external");
        const ext = getMap(etcdMap, "external");
        if (!extPair || !ext) return;
        const endpoints = seqItems(getSeq(ext, "endpoints"));
        let plain = 0;
        for (const ep of endpoints) {
          const s = asScalar(ep);
          const v = scalarString(s);
          if (!s || v === null || !/^http:\/\//iu.test(v.trim())) continue;
          plain++;
          const raw = sourceCode.text.slice(s.range[0], s.range[1]);
          const edits = s.style === "PLAIN" && raw === v ? replaceNode(sourceCode, s, `https://${v.trim().slice(7)}`) : null;
          context.report({ node: s, messageId: "http", data: { endpoint: v }, suggest: edits ? [{ messageId: "useHttps", fix: () => edits }] : [] });
        }
        // Every endpoint in clear text: TLS files would not be used; the endpoints are the finding.
        if (endpoints.length && plain === endpoints.length) return;
        for (const field of ["caFile", "certFile", "keyFile"]) {
          const pair = getPair(ext, field);
          const v = scalarString(pair?.value ?? null);
          if (v !== null && v.trim() !== "") continue;
          const why =
            field === "caFile"
              ? "the etcd server's certificate is not verified (anyone who can answer on the endpoint receives the cluster's data)."
              : "the API server presents no client certificate: etcd must then accept unauthenticated clients.";
          const edits = pair ? null : insertPair(sourceCode, ext, field, DOC_PATHS[field]!);
          context.report({
            node: pair ?? extPair.key ?? extPair,
            messageId: "missingFile",
            data: { field, flag: FLAG[field]!, why },
            suggest: edits ? [{ messageId: "addFile", data: { field, path: DOC_PATHS[field]! }, fix: () => edits }] : [],
          });
        }
      },
    };
  },
});
