import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import rule, { certificateOrganizations } from "../../rules/kubeconfig-system-masters.js";
import { FIXTURES, runRuleTests } from "../rule-tester.js";
import { itNeverPrintsSecrets } from "./_no-secret.js";

runRuleTests(rule, {
  valid: [{ name: "not base64 PEM", code: "apiVersion: v1\nkind: Config\nusers:\n- name: u\n  user:\n    client-certificate-data: bm90IGEgY2VydGlmaWNhdGU=\n" }],
});

describe("certificateOrganizations", () => {
  const read = (kind: string, f: string): string => /client-certificate-data: (\S+)/u.exec(readFileSync(join(FIXTURES, "kubeconfig-system-masters", kind, f), "utf8"))![1]!;
  it("reads O= and CN= from the embedded certificate", () => {
    expect(certificateOrganizations(read("invalid", "pre-1.29-admin-conf.yaml"))).toEqual({ orgs: ["system:masters"], cn: "kubernetes-admin" });
    expect(certificateOrganizations(read("valid", "admin-conf.yaml"))).toEqual({ orgs: ["kubeadm:cluster-admins"], cn: "kubernetes-admin" });
  });
  it("returns null for data that is not a certificate", () => {
    expect(certificateOrganizations("bm90IGEgY2VydGlmaWNhdGU=")).toBeNull();
    expect(certificateOrganizations("%%%")).toBeNull();
  });
});
const cert = /client-certificate-data: (\S+)/u.exec(readFileSync(join(FIXTURES, "kubeconfig-system-masters", "invalid", "pre-1.29-admin-conf.yaml"), "utf8"))![1]!;
itNeverPrintsSecrets("kubeconfig-system-masters", "pre-1.29-admin-conf.yaml", [cert.slice(0, 40)], 1);
