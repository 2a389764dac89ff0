/**
 * @fileoverview kubelet-debugging-handlers: the kubelet's debugging handlers (`/run`, `/exec`,
 * `/attach`, `/portForward`, `/containerLogs`; `--enable-debugging-handlers` /
 * `enableDebuggingHandlers`, default true) are on while anonymous authentication or the AlwaysAllow
 * authorizer is in effect. On their own they are informational.
 */
import type { FlagSetNode, ResourceNode } from "../src/language/ast.js";
import { asScalar } from "../src/language/query.js";
import { configValue, flagSetValue, kubeletRule, parseFlagBool, readConfigBool } from "./shared/_kubelet-rule.js";

const readMode = (n: Parameters<typeof readConfigBool>[0]): string | null => {
  const s = asScalar(n);
  return s && typeof s.value === "string" ? s.value : null;
};

/** Whether anonymous auth or AlwaysAllow is effective in a KubeletConfiguration. */
function openConfig(r: ResourceNode): boolean {
  return configValue(r, ["authentication", "anonymous"], "enabled", readConfigBool, "false") === "true" || configValue(r, ["authorization"], "mode", readMode, "Webhook") === "AlwaysAllow";
}

/** Whether anonymous auth or AlwaysAllow is effective on a command line (legacy defaults without --config). */
function openFlags(set: FlagSetNode): boolean {
  const anon = flagSetValue(set, "anonymous-auth", parseFlagBool, "true", "false");
  const mode = flagSetValue(set, "authorization-mode", (v) => v?.trim() ?? null, "AlwaysAllow", "Webhook");
  return anon === "true" || mode === "AlwaysAllow";
}

export default kubeletRule({
  name: "kubelet-debugging-handlers",
  description: "Report kubelet debugging handlers left reachable without authentication or authorization",
  severity: "info",
  type: "suggestion",
  presets: [],
  flag: "enable-debugging-handlers",
  readFlag: parseFlagBool,
  configPath: [],
  configField: "enableDebuggingHandlers",
  readConfig: readConfigBool,
  isInsecure: (v) => v !== "false",
  flagDefault: "true",
  configDefault: "true",
  fix: null,
  fixMode: "suggest",
  // Only when the same command line / document also leaves the API open.
  skipFlagSet: (set) => set.carrier === "environment" || !openFlags(set),
  skipConfig: (r) => !openConfig(r),
  risk: "the debugging handlers (/run, /exec, /attach, /portForward, /containerLogs) are served while anonymous authentication or the AlwaysAllow authorizer is in effect, so they are open to anyone who reaches port 10250.",
  messages: { setFlag: "", setConfig: "" },
});
