/**
 * @fileoverview capabilities-added-beyond-restricted: PSS restricted "Capabilities" — the only
 * capability a container may add is NET_BIND_SERVICE (Windows pods exempt from policy v1.25).
 * The restricted control exists from policy v1.22; below it PSS restricted applies the baseline
 * capabilities control, so this rule judges against the baseline set there.
 */
import { addedCapabilityRule, BASELINE_CAPABILITIES } from "./shared/_part-a-caps.js";
import { atLeast } from "./shared/_part-a.js";

type Options = [{ allow?: string[] }];

export default addedCapabilityRule<Options>({
  name: "capabilities-added-beyond-restricted",
  docs: {
    description: "Forbid adding any Linux capability other than NET_BIND_SERVICE",
    severity: "medium",
    presets: ["restricted"],
    standards: { pss: "restricted: Capabilities", cis: ["5.2.9"], nsa: "Kubernetes Pod security: capabilities" },
    equivalents: { checkov: ["CKV_K8S_25"], trivy: ["KSV106"] },
  },
  messages: {
    beyond: "{{container}} adds capability '{{capability}}': PSS restricted allows adding only NET_BIND_SERVICE. Remove the entry.",
    beyondBaseline:
      "{{container}} adds capability '{{capability}}', which is outside the PSS baseline set (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT; exact names) that PSS restricted applies at policy v{{version}} (its NET_BIND_SERVICE-only control starts at v1.22). Remove the entry.",
  },
  schema: [
    {
      type: "object",
      properties: { allow: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true } },
      additionalProperties: false,
    },
  ],
  defaultOptions: [{ allow: [] }],
  windowsExemptFromPss: true,
  judge(cap, [options], _container, version) {
    if ((options.allow ?? []).includes(cap)) return { messageId: null };
    // Before policy v1.22, restricted has no capabilities control of its own: baseline's applies.
    if (!atLeast(version, 1, 22)) return BASELINE_CAPABILITIES.includes(cap) ? { messageId: null } : { messageId: "beyondBaseline", data: { version: `${version[0]}.${version[1]}` } };
    if (cap === "NET_BIND_SERVICE") return { messageId: null };
    return { messageId: "beyond" };
  },
});
