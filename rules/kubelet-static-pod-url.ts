/**
 * @fileoverview kubelet-static-pod-url: `--manifest-url` / `staticPodURL` is set, so the kubelet runs
 * whatever a remote URL serves as static pods.
 */
import { kubeletRule, readConfigString } from "./shared/_kubelet-rule.js";

export default kubeletRule({
  name: "kubelet-static-pod-url",
  description: "Disallow static pods fetched from a URL",
  severity: "high",
  flag: "manifest-url",
  configPath: [],
  configField: "staticPodURL",
  readConfig: readConfigString,
  isInsecure: (v) => v !== null && v.trim() !== "",
  flagDefault: null,
  configDefault: null,
  fix: null,
  fixMode: "suggest",
  risk: "the kubelet runs whatever that URL serves as static pods (privileged, outside admission control); whoever controls the URL or the path to it (plain http://) controls the node. Headers for it (--manifest-url-header / staticPodURLHeader) may hold credentials.",
  messages: { setFlag: "", setConfig: "" },
});
