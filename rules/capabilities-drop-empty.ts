/**
 * @fileoverview capabilities-drop-empty: a container that drops no capability at all keeps the
 * runtime's whole default set.
 */
import { dropCapabilityRule } from "./shared/_part-a-caps.js";

export default dropCapabilityRule<[]>({
  name: "capabilities-drop-empty",
  docs: {
    description: "Require every container to drop at least one Linux capability",
    severity: "low",
    presets: [],
    standards: { nsa: "Kubernetes Pod security: capabilities" },
    equivalents: { trivy: ["KSV004"], kubesec: ["CapDropAny"] },
  },
  messages: {
    missing: "{{container}} drops no capability (securityContext.capabilities.drop is absent or empty): it keeps the runtime's whole default set.",
    add: "Write capabilities.drop: [ALL] (keep needed capabilities in capabilities.add).",
  },
  defaultOptions: [],
  skipWindows: true,
  entry: "ALL",
  satisfied: (drop) => drop.length > 0,
});
