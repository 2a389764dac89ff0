/**
 * @fileoverview low-uid (opt-in): every container's effective runAsUser is set and ≥ 10000.
 */
import { lowIdRule } from "./shared/_part-a-ids.js";

export default lowIdRule({
  name: "low-uid",
  field: "runAsUser",
  what: "UID",
  docs: {
    description: "Require a runAsUser of at least 10000 for every container (opt-in)",
    severity: "low",
    presets: [],
    standards: { nsa: "Kubernetes Pod security: non-root containers" },
    equivalents: { checkov: ["CKV_K8S_40"], trivy: ["KSV020"], kubesec: ["RunAsUser"], "kube-score": ["container-security-context-user-group-id"] },
  },
});
