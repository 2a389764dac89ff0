import { describe, expect, it } from "vitest";
import rule from "../../rules/enc-key-low-entropy.js";
import { decodeBase64, lowEntropyReason } from "../../rules/shared/_encryption.js";
import { runRuleTests } from "../rule-tester.js";

describe("lowEntropyReason", () => {
  const bytes = (s: string): Uint8Array => decodeBase64(Buffer.from(s, "latin1").toString("base64"))!;
  it("flags text, repeated bytes, patterns and counting sequences", () => {
    expect(lowEntropyReason(bytes("my-super-secret-passphrase-2024!"))).toContain("printable ASCII");
    expect(lowEntropyReason(new Uint8Array(32))).toBe("every byte is the same");
    expect(lowEntropyReason(Uint8Array.from({ length: 32 }, (_, i) => i))).toBe("the bytes are a counting sequence");
    expect(lowEntropyReason(bytes("\xde\xad\xbe\xef".repeat(8)))).toBe("the bytes repeat a 4-byte pattern");
  });
  it("accepts keys from /dev/urandom", () => {
    for (const k of ["/kq/hFpIc5IWkXU88c7rDHDepmoBt+mfgaarxTHn8lg=", "5jzBf9KRguqtVgn5laIZGONL9isdFA9MxEPynFDx1bI=", "l9ghWQeZbVnIKrS3iETOIg=="]) {
      expect(lowEntropyReason(decodeBase64(k)!)).toBeNull();
    }
  });
  it("decodes only standard padded base64 (Go StdEncoding)", () => {
    expect(decodeBase64("c2VjcmV0IGlzIHNlY3VyZQ")).toBeNull();
    expect(decodeBase64("_kq_hFpIc5IWkXU88c7rDHDepmoBt-mfgaarxTHn8lg=")).toBeNull();
    expect(decodeBase64("c2Vj\ncmV0IGlzIHNlY3VyZQ==")?.length).toBe(16);
  });
});

runRuleTests(rule, {
  valid: [
    {
      name: "published example keys are enc-key-known-example's finding",
      code: "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [secrets]\n    providers:\n      - aesgcm: {keys: [{name: key1, secret: c2VjcmV0IGlzIHNlY3VyZQ==}]}\n",
    },
  ],
});
