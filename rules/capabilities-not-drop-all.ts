/**
 * @fileoverview capabilities-not-drop-all: PSS restricted "Capabilities" — `capabilities.drop`
 * must contain the exact string `ALL`. The control exists from policy v1.22 (silent below); Windows
 * pods are exempt from policy v1.25 (before that they are reported without a fix: the API server
 * rejects `capabilities` on a pod with `spec.os.name: windows`).
 */
import { dropCapabilityRule } from "./shared/_part-a-caps.js";
import { isWindowsPod } from "./shared/_part-a.js";

export default dropCapabilityRule<[]>({
  name: "capabilities-not-drop-all",
  docs: {
    description: "Require every container to drop all Linux capabilities (capabilities.drop: [ALL])",
    severity: "medium",
    presets: ["recommended", "restricted"],
    standards: { pss: "restricted: Capabilities", cis: ["5.2.10"], nsa: "Kubernetes Pod security: capabilities" },
    equivalents: { polaris: ["insecureCapabilities"], checkov: ["CKV_K8S_37"], trivy: ["KSV003", "KSV106"], kubescape: ["C-0211"], kubesec: ["CapDropAll"] },
  },
  messages: {
    missing:
      "{{container}} does not drop ALL capabilities: it keeps the runtime's default set (CHOWN, DAC_OVERRIDE, FOWNER, NET_RAW, SETUID, SETGID, …). PSS restricted requires capabilities.drop to contain ALL.",
    add: "Add ALL to securityContext.capabilities.drop (keep needed capabilities in capabilities.add).",
  },
  defaultOptions: [],
  skipWindows: "pss",
  minimumVersion: [1, 22],
  noFix: (container) => isWindowsPod(container.podSpec),
  entry: "ALL",
  satisfied: (drop) => drop.includes("ALL"),
});
