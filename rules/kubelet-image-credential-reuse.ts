/**
 * @fileoverview kubelet-image-credential-reuse: `imagePullCredentialsVerificationPolicy: NeverVerify`
 * lets any pod on the node use any image already pulled, whatever credentials pulled it.
 */
import { kubeletRule, readConfigString } from "./shared/_kubelet-rule.js";

export default kubeletRule({
  name: "kubelet-image-credential-reuse",
  description: "Verify image pull credentials for images already on the node",
  severity: "low",
  flag: null,
  configPath: [],
  configField: "imagePullCredentialsVerificationPolicy",
  readConfig: readConfigString,
  isInsecure: (v) => v === "NeverVerify",
  flagDefault: null,
  configDefault: "NeverVerifyPreloadedImages",
  fix: null,
  fixMode: "suggest",
  risk: "anyone who can run a pod on this node can use any private image present on it without the pull credentials.",
  messages: { setFlag: "", setConfig: "" },
});
