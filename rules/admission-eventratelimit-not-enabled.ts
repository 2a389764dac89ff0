/**
 * @fileoverview admission-eventratelimit-not-enabled: an AdmissionConfiguration configures
 * EventRateLimit, but the kube-apiserver that reads it (`--admission-control-config-file`) does
 * not enable the plugin (`--enable-admission-plugins`), so the limits are inert (catalog-config.md
 * §1.10, CIS 1.2.9). Checkov CKV_K8S_78 passes on the AdmissionConfiguration alone. Cross-file:
 * decided only when an API server of the run names the file. Reported on both ends.
 */
import { at, crossRule, items, keyOf, str } from "../src/crossdoc/index.js";
import { effective, enabledPlugins, isAdmissionConfig, isConcretePath, listValues, resolvePath, setAnchor, setObj, setsOf } from "./shared/_xf.js";

export default crossRule({
  name: "admission-eventratelimit-not-enabled",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow an EventRateLimit configuration that the API server reading it does not enable",
      severity: "low",
      presets: ["recommended", "cis"],
      standards: { cis: ["1.2.9"] },
      equivalents: { checkov: ["CKV_K8S_78"] },
    },
    messages: {
      configSide:
        "EventRateLimit is configured here, but the kube-apiserver that reads this file ({{apiserver}}) does not enable it: these limits are never applied. Add EventRateLimit to its --enable-admission-plugins.",
      apiserverSide:
        "kube-apiserver reads an AdmissionConfiguration that configures EventRateLimit ({{file}}), but does not enable the plugin: the limits are never applied. Add EventRateLimit to --enable-admission-plugins.",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report, where }) {
    for (const e of setsOf(index, "kube-apiserver")) {
      const cfg = effective(e.set, "admission-control-config-file");
      if (!isConcretePath(cfg.value)) continue;
      if (enabledPlugins(e.set).has("EventRateLimit")) continue;
      const obj = setObj(e);
      const plugins = listValues(e.set, "enable-admission-plugins");
      const last = plugins?.filter((p) => p.flag).pop();
      const aNode = last?.flag ? { r: last.flag.vr ?? last.flag.r } : setAnchor(e);
      for (const a of resolvePath(index, e.file, cfg.value, isAdmissionConfig, e.obj ?? undefined)) {
        const entry = items(at(a.snap, "plugins")).find((p) => str(at(p, "name")) === "EventRateLimit");
        if (!entry) continue;
        const node = at(entry, "name") ?? keyOf(entry);
        report({ obj: a, node, messageId: "configSide", data: { apiserver: where(obj, aNode) }, related: [{ obj, node: aNode, message: "The API server's admission plugins" }] });
        report({ obj, node: aNode, messageId: "apiserverSide", data: { file: where(a, node) }, related: [{ obj: a, node, message: "The EventRateLimit configuration" }] });
      }
    }
  },
});
