/**
 * @fileoverview xf-eventratelimit-enabled-unconfigured: kube-apiserver enables the EventRateLimit
 * admission plugin but gives it no configuration — no `--admission-control-config-file`, or the
 * AdmissionConfiguration that flag names (when it is part of the run) has no `EventRateLimit`
 * entry (catalog-config.md §1.12). The plugin's limits live only in that configuration; what it
 * does without one is not verified (the catalog notes it), and CIS 1.2.9 asks for both. Reported
 * on both ends: the API server's plugin list and the AdmissionConfiguration.
 */
import { at, crossRule, items, keyOf, str } from "../src/crossdoc/index.js";
import { effective, enabledPlugins, isAdmissionConfig, isConcretePath, resolvePath, setAnchor, setObj, setsOf, valueNode } from "./shared/_xf.js";

export default crossRule({
  name: "xf-eventratelimit-enabled-unconfigured",
  meta: {
    type: "problem",
    docs: {
      description: "Require an EventRateLimit configuration when kube-apiserver enables the EventRateLimit plugin",
      severity: "low",
      presets: ["recommended"],
    },
    messages: {
      noConfigFile:
        "EventRateLimit is enabled but kube-apiserver has no --admission-control-config-file: the plugin has no limits configured. Add an AdmissionConfiguration with an EventRateLimit entry (eventratelimit.admission.k8s.io/v1alpha1 Configuration with limits) and pass it with --admission-control-config-file.",
      noEntry:
        "EventRateLimit is enabled but the AdmissionConfiguration this API server reads ({{file}}) has no EventRateLimit plugin entry: the plugin has no limits configured. Add a plugins entry named EventRateLimit with its limits.",
      configSide:
        "kube-apiserver at {{apiserver}} enables EventRateLimit and reads this AdmissionConfiguration, which has no EventRateLimit entry: the plugin has no limits configured. Add a plugins entry named EventRateLimit with its limits.",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report, where }) {
    for (const e of setsOf(index, "kube-apiserver")) {
      const erl = enabledPlugins(e.set).get("EventRateLimit");
      if (!erl) continue;
      const obj = setObj(e);
      const node = erl.node ?? setAnchor(e);
      const cfg = effective(e.set, "admission-control-config-file");
      if (!cfg.value?.trim()) {
        report({ obj, node, messageId: "noConfigFile" });
        continue;
      }
      if (!isConcretePath(cfg.value)) continue;
      for (const a of resolvePath(index, e.file, cfg.value, isAdmissionConfig, e.obj ?? undefined)) {
        if (items(at(a.snap, "plugins")).some((p) => str(at(p, "name")) === "EventRateLimit")) continue;
        const aNode = keyOf(at(a.snap, "plugins")) ?? keyOf(at(a.snap, "kind"));
        report({ obj, node, messageId: "noEntry", data: { file: where(a, aNode) }, related: [{ obj: a, node: aNode, message: "The AdmissionConfiguration without an EventRateLimit entry" }] });
        const flagNode = cfg.flag ? valueNode(cfg.flag) : node;
        report({ obj: a, node: aNode, messageId: "configSide", data: { apiserver: where(obj, node) }, related: [{ obj, node: flagNode, message: "The API server that enables EventRateLimit" }] });
      }
    }
  },
});
