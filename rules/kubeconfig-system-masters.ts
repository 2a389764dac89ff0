/**
 * @fileoverview kubeconfig-system-masters: a kubeconfig user whose embedded client certificate
 * (`client-certificate-data`) has `O=system:masters` in its subject. Members of `system:masters`
 * bypass RBAC and every authorization webhook, and a certificate cannot be revoked: the file is a
 * permanent break-glass key (CIS 5.1.7; kubeadm 1.29+ keeps this identity only in
 * super-admin.conf and gives admin.conf the `kubeadm:cluster-admins` group). The certificate is
 * parsed with Node's X509Certificate; nothing of it is printed except the subject.
 */
import { X509Certificate } from "node:crypto";
import { getPair, scalarString } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { isKubeconfig, label, namedEntries } from "./shared/_kubeconfig.js";

/** The organisations (O=) of the first certificate in base64 PEM data; null when it does not parse. */
export function certificateOrganizations(data: string): { orgs: string[]; cn: string | null } | null {
  let pem: string;
  try {
    pem = Buffer.from(data.replace(/\s+/gu, ""), "base64").toString("utf8");
  } catch {
    return null;
  }
  const m = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/u.exec(pem);
  if (!m) return null;
  let subject: string;
  try {
    subject = new X509Certificate(m[0]).subject;
  } catch {
    return null;
  }
  const orgs: string[] = [];
  let cn: string | null = null;
  for (const line of subject.split("\n")) {
    const i = line.indexOf("=");
    if (i === -1) continue;
    const k = line.slice(0, i);
    const v = line.slice(i + 1);
    if (k === "O") orgs.push(v);
    if (k === "CN") cn = v;
  }
  return { orgs, cn };
}

export default createRule({
  name: "kubeconfig-system-masters",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow kubeconfig client certificates in the system:masters group",
      severity: "high",
      presets: ["recommended", "cis"],
      standards: { cis: ["5.1.7"] },
    },
    messages: {
      masters: "kubeconfig user {{user}} authenticates with a client certificate for CN={{cn}} in O=system:masters: this group bypasses RBAC and authorization webhooks, and the certificate cannot be revoked — whoever copies this file is cluster-admin until it expires. Use a certificate bound to a ClusterRoleBinding (kubeadm 1.29+: kubeadm:cluster-admins) and keep system:masters for break-glass only.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isKubeconfig(resource)) return;
        for (const u of namedEntries(resource, "users")) {
          const pair = getPair(u.body, "client-certificate-data");
          const v = scalarString(pair?.value ?? null);
          if (!pair || v === null) continue;
          const parsed = certificateOrganizations(v);
          if (!parsed || !parsed.orgs.includes("system:masters")) continue;
          context.report({ node: pair.key ?? pair, messageId: "masters", data: { user: label(u), cn: parsed.cn ?? "(none)" } });
        }
      },
    };
  },
});
