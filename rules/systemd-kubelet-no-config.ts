/**
 * @fileoverview systemd-kubelet-no-config: the kubelet command line a unit or drop-in resolves to
 * (`ExecStart=` with its `Environment=` / `EnvironmentFile=` variables expanded) has no `--config`,
 * so the kubelet runs with its legacy command-line defaults (catalog-config.md §0.2). Not reported
 * for the bare base unit (`ExecStart=/usr/bin/kubelet`, completed by drop-ins) or when an
 * environment file the command line uses is not in the run.
 */
import { unitDetails, unitFlagSetInfo } from "../src/language/systemd.js";
import { createRule } from "../src/rule.js";

export default createRule<"noConfig" | "noConfigVar", []>({
  name: "systemd-kubelet-no-config",
  meta: {
    type: "problem",
    docs: {
      description: "Pass --config to the kubelet in its systemd unit",
      severity: "critical",
      presets: ["recommended", "cis"],
      standards: { cis: ["4.2.1", "4.2.2", "4.2.4"] },
    },
    messages: {
      noConfig: "The kubelet's ExecStart= has no --config: the kubelet ignores KubeletConfiguration and runs with its command-line defaults (anonymous auth on, AlwaysAllow, read-only port 10255) unless each is set by a flag. Add --config=/var/lib/kubelet/config.yaml (kubeadm: Environment=\"KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml\").",
      noConfigVar: "The kubelet's ExecStart= has no --config: ${{name}} is referenced but not defined here, so it expands to nothing. Define it (Environment=\"{{name}}=--config=/var/lib/kubelet/config.yaml\") or the kubelet runs with its insecure command-line defaults.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      UnitFile(unit) {
        const d = unitDetails(unit);
        for (const set of unit.flagSets) {
          if (set.component !== "kubelet" || set.hasConfigFile) continue;
          const info = unitFlagSetInfo(set);
          if (!info || info.bare || info.unknownVariables.length) continue;
          const missing = d?.varRefs.find((r) => r.effective && /CONFIG/u.test(r.name) && d.definedBy(r.name) === null);
          if (missing) context.report({ node: { range: info.commandRange }, messageId: "noConfigVar", data: { name: missing.name } });
          else context.report({ node: { range: info.commandRange }, messageId: "noConfig" });
        }
      },
    };
  },
});
