/**
 * @fileoverview istio-destinationrule-no-ca: a DestinationRule that originates TLS (`tls.mode`
 * SIMPLE or MUTUAL) without `caCertificates` or `credentialName`, or with `insecureSkipVerify:
 * true`: the sidecar does not verify the server it connects to (unless the proxy falls back to the
 * OS trust store through VERIFY_CERTIFICATE_AT_CLIENT), so the connection can be intercepted.
 * Checked in trafficPolicy, its portLevelSettings, and every subset's trafficPolicy.
 */
import type { MapNode } from "../src/language/ast.js";
import { asMap, getBool, getMap, getPair, getSeq, getString, seqItems } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { isIstio, ISTIO_NETWORKING } from "./shared/_mesh.js";

export default createRule({
  name: "istio-destinationrule-no-ca",
  meta: {
    type: "problem",
    docs: {
      description: "Require Istio DestinationRules that originate TLS to verify the server certificate",
      severity: "medium",
      presets: ["recommended"],
    },
    messages: {
      noCa: "DestinationRule '{{name}}'{{where}} uses TLS mode {{mode}} without caCertificates or credentialName: the server certificate of '{{host}}' is not verified against a CA you chose (istioctl IST0128/IST0129).",
      skipVerify: "DestinationRule '{{name}}'{{where}} sets insecureSkipVerify: true: the server certificate of '{{host}}' is not verified at all.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isIstio(resource, ISTIO_NETWORKING, "DestinationRule")) return;
        const spec = getMap(resource.node, "spec");
        const name = resource.name ?? "(unnamed)";
        const host = getString(spec, "host") ?? "?";
        const checkTls = (tls: MapNode | null, where: string): void => {
          const modePair = getPair(tls, "mode");
          const mode = getString(tls, "mode");
          if (!tls || !modePair || (mode !== "SIMPLE" && mode !== "MUTUAL")) return;
          if (getBool(tls, "insecureSkipVerify") === true) {
            context.report({ node: getPair(tls, "insecureSkipVerify")!, messageId: "skipVerify", data: { name, where, host } });
            return;
          }
          if (getPair(tls, "caCertificates") || getPair(tls, "credentialName")) return;
          context.report({ node: modePair, messageId: "noCa", data: { name, where, mode, host } });
        };
        const checkPolicy = (policy: MapNode | null, where: string): void => {
          checkTls(getMap(policy, "tls"), where);
          for (const pls of seqItems(getSeq(policy, "portLevelSettings"))) {
            const m = asMap(pls);
            const port = getString(getMap(m, "port"), "number");
            checkTls(getMap(m, "tls"), `${where} (port ${port ?? "?"})`);
          }
        };
        checkPolicy(getMap(spec, "trafficPolicy"), "");
        for (const s of seqItems(getSeq(spec, "subsets"))) {
          const subset = asMap(s);
          checkPolicy(getMap(subset, "trafficPolicy"), ` subset '${getString(subset, "name") ?? "?"}'`);
        }
      },
    };
  },
});
