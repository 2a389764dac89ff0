/**
 * @fileoverview low-gid (opt-in): every container's effective runAsGroup is set and ≥ 10000.
 */
import { lowIdRule } from "./shared/_part-a-ids.js";

export default lowIdRule({
  name: "low-gid",
  field: "runAsGroup",
  what: "GID",
  docs: {
    description: "Require a runAsGroup of at least 10000 for every container (opt-in)",
    severity: "low",
    presets: [],
    standards: { nsa: "Kubernetes Pod security: non-root containers" },
    equivalents: { trivy: ["KSV021"], kubesec: ["RunAsGroup"], "kube-score": ["container-security-context-user-group-id"] },
  },
});
