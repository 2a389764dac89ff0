/**
 * @fileoverview apiserver-oidc-issuer-http: `--oidc-issuer-url` with an `http://` URL, which
 * kube-apiserver rejects ("only HTTPS scheme will be accepted").
 */
import { flagRule } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-oidc-issuer-http",
  description: "Disallow a plain-HTTP OIDC issuer URL in kube-apiserver (--oidc-issuer-url)",
  severity: "high",
  component: "kube-apiserver",
  flags: ["oidc-issuer-url"],
  kind: "scalar",
  insecureWhen: (value) => value !== null && /^http:\/\//iu.test(value.trim()),
  fix: null,
  fixMode: "suggest",
  messages: {
    present:
      "kube-apiserver --{{flag}}={{value}} uses http://: kube-apiserver accepts only the https scheme for the OIDC issuer and does not start (an issuer served over HTTP could not be trusted anyway: its discovery document and signing keys could be replaced in transit).",
    absent: "kube-apiserver has no --{{flag}}.",
    fix: "Use the issuer's https:// URL.",
  },
});
