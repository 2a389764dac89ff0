/**
 * @fileoverview capabilities-added-beyond-baseline: PSS baseline "Capabilities" — a container may
 * add only capabilities from the runtime's default set (minus NET_RAW), written exactly.
 */
import { addedCapabilityRule, BASELINE_CAPABILITIES } from "./shared/_part-a-caps.js";

type Options = [{ allow?: string[] }];

export default addedCapabilityRule<Options>({
  name: "capabilities-added-beyond-baseline",
  docs: {
    description: "Forbid adding Linux capabilities outside the Pod Security Standards baseline set",
    severity: "high",
    presets: ["baseline"],
    standards: { pss: "baseline: Capabilities", cis: ["5.2.9"], nsa: "Kubernetes Pod security: capabilities" },
    equivalents: { checkov: ["CKV_K8S_25"], trivy: ["KSV022"], kubescape: ["C-0046"] },
  },
  messages: {
    beyond:
      "{{container}} adds capability '{{capability}}', which is outside the PSS baseline set (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT; exact names). Remove the entry.",
  },
  schema: [
    {
      type: "object",
      properties: { allow: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true } },
      additionalProperties: false,
    },
  ],
  defaultOptions: [{ allow: [] }],
  judge(cap, [options]) {
    if (BASELINE_CAPABILITIES.includes(cap) || (options.allow ?? []).includes(cap)) return { messageId: null };
    return { messageId: "beyond" };
  },
});
