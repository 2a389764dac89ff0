import { describe, expect, it } from "vitest";
import rule, { base64DecodedLength } from "../../rules/enc-key-length.js";
import { runRuleTests } from "../rule-tester.js";

describe("base64DecodedLength (Go base64.StdEncoding)", () => {
  it("requires padding and the standard alphabet", () => {
    expect(base64DecodedLength("c2VjcmV0IGlzIHNlY3VyZQ==")).toBe(16);
    expect(base64DecodedLength("c2VjcmV0IGlzIHNlY3VyZQ")).toBeNull();
    expect(base64DecodedLength("c2VjcmV0-GlzIHNlY3VyZQ==")).toBeNull();
    expect(base64DecodedLength("c2Vj\ncmV0IGlzIHNlY3VyZQ==")).toBe(16);
  });
});

const config = (provider: string, secret: string): string =>
  `apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources:\n      - secrets\n    providers:\n      - ${provider}:\n          keys:\n            - name: key1\n              secret: ${secret}\n      - identity: {}\n`;

runRuleTests(rule, {
  valid: [
    { name: "aesgcm 24-byte key", code: config("aesgcm", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3") },
    { name: "not base64 at all is enc-key-not-base64's finding", code: config("aescbc", "not-base64!") },
    { name: "kms providers have no keys", code: config("kms", "unused") },
  ],
  invalid: [
    {
      name: "Helm placeholder in a quoted string",
      code: config("aescbc", '"{{ .Values.encryptionKey }}"'),
      errors: [{ messageId: "placeholder", data: { provider: "aescbc", name: "key1", pattern: "{{ … }}" }, line: 10, column: 23, endLine: 10, endColumn: 52 }],
    },
    {
      name: "32-byte secretbox key is fine, 24 is not",
      code: config("secretbox", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3"),
      errors: [{ messageId: "wrongLength", data: { provider: "secretbox", name: "key1", length: 24, sizes: "32" }, line: 10, column: 23, endLine: 10, endColumn: 55 }],
    },
  ],
});
