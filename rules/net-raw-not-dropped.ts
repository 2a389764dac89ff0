/**
 * @fileoverview net-raw-not-dropped: NET_RAW is in the runtime's default capability set; unless
 * it (or ALL) is dropped, the container can open raw sockets (packet spoofing, ARP/DNS attacks).
 */
import { getMap, getSeq } from "../src/language/query.js";
import { dropCapabilityRule, normaliseCapability } from "./shared/_part-a-caps.js";
import { stringItems } from "./shared/_part-a.js";

export default dropCapabilityRule<[]>({
  name: "net-raw-not-dropped",
  docs: {
    description: "Require every container to drop the NET_RAW capability (or ALL)",
    severity: "medium",
    presets: [],
    standards: { cis: ["5.2.8"], nsa: "Kubernetes Pod security: capabilities" },
    equivalents: { "kube-linter": ["drop-net-raw-capability"], checkov: ["CKV_K8S_28"], kubescape: ["C-0211"] },
  },
  messages: {
    missing: "{{container}} keeps NET_RAW: it is in the runtime's default capability set and is dropped neither by name nor through ALL (raw sockets allow packet spoofing).",
    add: "Add NET_RAW to securityContext.capabilities.drop.",
  },
  defaultOptions: [],
  skipWindows: true,
  entry: "NET_RAW",
  satisfied: (drop) => drop.some((d) => ["NET_RAW", "ALL"].includes(normaliseCapability(d))),
  // Adding NET_RAW back is a decision the author made explicitly: report only.
  noFix: (c) => stringItems(getSeq(getMap(c.securityContext, "capabilities"), "add")).some((i) => normaliseCapability(i.value) === "NET_RAW"),
});
