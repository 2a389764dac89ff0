/**
 * @fileoverview kubelet-healthz-not-loopback: `--healthz-bind-address` / `healthzBindAddress` is not
 * a loopback address (default 127.0.0.1), so the unauthenticated healthz endpoint is reachable from
 * the network.
 */
import { isLoopbackAddress, kubeletRule, readConfigString } from "./shared/_kubelet-rule.js";

export default kubeletRule({
  name: "kubelet-healthz-not-loopback",
  description: "Bind the kubelet's healthz endpoint to loopback",
  severity: "low",
  flag: "healthz-bind-address",
  configPath: [],
  configField: "healthzBindAddress",
  // An empty healthzBindAddress in the file is defaulted to 127.0.0.1 (v1beta1 defaulting); an empty flag is not.
  readConfig: (node) => {
    const v = readConfigString(node);
    return v === "" ? "127.0.0.1" : v;
  },
  isInsecure: (v) => v !== null && !isLoopbackAddress(v),
  flagDefault: "127.0.0.1",
  configDefault: "127.0.0.1",
  fix: { kind: "set", flag: () => "127.0.0.1", config: () => "127.0.0.1" },
  fixMode: "safe",
  risk: "the kubelet's unauthenticated healthz endpoint (port 10248) listens beyond loopback.",
  messages: { setFlag: "Set --healthz-bind-address=127.0.0.1.", setConfig: "Set healthzBindAddress: 127.0.0.1." },
});
