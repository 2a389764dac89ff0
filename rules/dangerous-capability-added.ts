/**
 * @fileoverview dangerous-capability-added: a container adds a capability that amounts to (or
 * leads to) root on the node: ALL, SYS_ADMIN, SYS_MODULE (critical) or NET_ADMIN, NET_RAW,
 * SYS_PTRACE, SYS_RAWIO, SYS_BOOT, BPF, PERFMON, MAC_ADMIN, MAC_OVERRIDE, SETPCAP (high).
 * Names are matched the way runtimes read them: case-insensitive, with or without `CAP_`.
 */
import { addedCapabilityRule, normaliseCapability } from "./shared/_part-a-caps.js";

const CRITICAL = new Set(["ALL", "SYS_ADMIN", "SYS_MODULE"]);
const HIGH = new Set(["NET_ADMIN", "NET_RAW", "SYS_PTRACE", "SYS_RAWIO", "SYS_BOOT", "BPF", "PERFMON", "MAC_ADMIN", "MAC_OVERRIDE", "SETPCAP"]);

type Options = [{ allow?: string[] }];

export default addedCapabilityRule<Options>({
  name: "dangerous-capability-added",
  docs: {
    description: "Forbid adding dangerous Linux capabilities such as SYS_ADMIN, NET_ADMIN or ALL",
    severity: "critical",
    presets: ["recommended"],
    standards: { pss: "baseline: Capabilities", cis: ["5.2.9", "5.2.10"], nsa: "Kubernetes Pod security: capabilities" },
    equivalents: {
      "kube-linter": ["privilege-escalation-container"],
      polaris: ["dangerousCapabilities"],
      checkov: ["CKV_K8S_39"],
      trivy: ["KSV005", "KSV119", "KSV120"],
      kubescape: ["C-0046", "C-0057"],
      kubesec: ["CapSysAdmin"],
    },
  },
  messages: {
    critical: "{{container}} adds capability '{{capability}}' (critical): {{why}}. Remove it.",
    high: "{{container}} adds capability '{{capability}}' (high): {{why}}. Remove it.",
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
    const n = normaliseCapability(cap);
    if ((options.allow ?? []).some((a) => normaliseCapability(a) === n)) return { messageId: null };
    if (CRITICAL.has(n)) return { messageId: "critical", data: { why: WHY[n]! } };
    if (HIGH.has(n)) return { messageId: "high", data: { why: WHY[n]! } };
    return { messageId: null };
  },
});

const WHY: Record<string, string> = {
  ALL: "every capability, equivalent to a privileged container without the device access",
  SYS_ADMIN: "mount, namespaces, BPF and much more: a well-known container escape",
  SYS_MODULE: "it can load kernel modules, i.e. run code in the host kernel",
  NET_ADMIN: "it can reconfigure the pod's network (interfaces, routes, iptables) and sniff or redirect traffic",
  NET_RAW: "raw sockets allow packet spoofing and ARP/DNS attacks on the node's network",
  SYS_PTRACE: "it can trace and inject code into other processes it can see",
  SYS_RAWIO: "raw I/O ports and /dev/mem access",
  SYS_BOOT: "it can reboot the node or load a new kernel",
  BPF: "it can load BPF programs into the host kernel",
  PERFMON: "kernel performance monitoring exposes host-wide data and BPF tracing",
  MAC_ADMIN: "it can change the mandatory access control (AppArmor/SELinux) configuration",
  MAC_OVERRIDE: "it bypasses mandatory access control (AppArmor/SELinux)",
  SETPCAP: "it can change the capability sets of processes",
};
