/**
 * @fileoverview systemd-env-file-overrides-env: a variable is set by `Environment=` and also by an
 * `EnvironmentFile=` of the unit. "Settings from these files override settings made with
 * Environment=" whatever the order of the lines (systemd.exec(5)), so the `Environment=` value is
 * dead. The file's variables come from the run (`languageOptions.environmentFiles`); when it is not
 * in the run, the files the kubelet packages and kubeadm always write are known to define
 * `KUBELET_EXTRA_ARGS` (/etc/default/kubelet, /etc/sysconfig/kubelet: shipped by the deb/rpm
 * packages as `KUBELET_EXTRA_ARGS=`) and `KUBELET_KUBEADM_ARGS` (/var/lib/kubelet/kubeadm-flags.env,
 * written by `kubeadm init`/`join`).
 */
import { unitDetails } from "../src/language/systemd.js";
import { createRule } from "../src/rule.js";

/** Variables that well-known kubelet environment files always define. */
const KNOWN: Record<string, string[]> = {
  "/etc/default/kubelet": ["KUBELET_EXTRA_ARGS"],
  "/etc/sysconfig/kubelet": ["KUBELET_EXTRA_ARGS"],
  "/var/lib/kubelet/kubeadm-flags.env": ["KUBELET_KUBEADM_ARGS"],
};

export default createRule<"overridden" | "overriddenKnown", []>({
  name: "systemd-env-file-overrides-env",
  meta: {
    type: "suggestion",
    docs: { description: "Report Environment= values that an EnvironmentFile= overrides", severity: "info", presets: [] },
    messages: {
      overridden: "{{name}} is also set by EnvironmentFile={{path}}, and environment files override Environment= whatever the line order: this value is not used ({{path}} sets \"{{value}}\").",
      overriddenKnown: "{{name}} is also set by EnvironmentFile={{path}} ({{who}}), and environment files override Environment= whatever the line order: this value is not used on a node where that file exists.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      UnitFile(unit) {
        const d = unitDetails(unit);
        if (!d) return;
        for (const a of d.assignments) {
          // The last file that sets it wins.
          const file = [...d.environmentFiles].reverse().find((f) => (f.variables ? f.variables.has(a.name) : KNOWN[f.path]?.includes(a.name)));
          if (!file) continue;
          if (!file.variables) {
            const who = file.path === "/var/lib/kubelet/kubeadm-flags.env" ? "written by kubeadm init/join" : "installed by the kubelet package with an empty value";
            context.report({ node: { range: a.range }, messageId: "overriddenKnown", data: { name: a.name, path: file.path, who } });
            continue;
          }
          context.report({ node: { range: a.range }, messageId: "overridden", data: { name: a.name, path: file.path, value: file.variables!.get(a.name)! } });
        }
      },
    };
  },
});
