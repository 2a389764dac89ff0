/**
 * @fileoverview systemd-var-undefined: `ExecStart=` references `$VAR` / `${VAR}` that no
 * `Environment=` of the file and no `EnvironmentFile=` of the run defines. systemd expands it to
 * nothing, so e.g. an undefined `$KUBELET_CONFIG_ARGS` silently drops `--config` and the kubelet
 * runs with its insecure command-line defaults. Not reported when an `EnvironmentFile=` of the unit
 * is not part of the run (it may define the variable).
 */
import { unitDetails } from "../src/language/systemd.js";
import { createRule } from "../src/rule.js";

/** Variables the service manager itself provides to every service (systemd.exec(5) "Environment Variables in Spawned Processes"). */
const MANAGER_VARS = new Set([
  "PATH", "LANG", "USER", "LOGNAME", "HOME", "SHELL", "INVOCATION_ID", "JOURNAL_STREAM", "TERM",
  "RUNTIME_DIRECTORY", "STATE_DIRECTORY", "CACHE_DIRECTORY", "LOGS_DIRECTORY", "CONFIGURATION_DIRECTORY",
  "CREDENTIALS_DIRECTORY", "MAINPID", "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES", "NOTIFY_SOCKET",
  "WATCHDOG_PID", "WATCHDOG_USEC", "SYSTEMD_EXEC_PID", "MANAGERPID", "TRIGGER_UNIT", "TRIGGER_PATH",
]);

export default createRule<"undefined" | "undefinedConfig", []>({
  name: "systemd-var-undefined",
  meta: {
    type: "problem",
    docs: { description: "Disallow undefined variables in ExecStart", severity: "medium", presets: ["recommended"] },
    messages: {
      undefined: "${{name}} is not defined by any Environment= or EnvironmentFile= of this unit, so it expands to nothing and its flags are silently dropped.",
      undefinedConfig: "${{name}} is not defined by any Environment= or EnvironmentFile= of this unit, so it expands to nothing: if it was meant to carry --config, the kubelet runs with its insecure command-line defaults (anonymous auth, AlwaysAllow, read-only port 10255).",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      UnitFile(unit) {
        const d = unitDetails(unit);
        if (!d || d.hasUnknownEnvironmentFile) return;
        for (const ref of d.varRefs) {
          if (MANAGER_VARS.has(ref.name) || d.definedBy(ref.name) !== null) continue;
          context.report({ node: { range: ref.range }, messageId: /CONFIG/u.test(ref.name) ? "undefinedConfig" : "undefined", data: { name: ref.name } });
        }
      },
    };
  },
});
