/**
 * @fileoverview ingress-nginx-annotation-injection: ingress-nginx annotation values and Ingress
 * paths that break out of the generated NGINX configuration: `auth-url`, `auth-tls-match-cn`,
 * `mirror-target` / `mirror-host` with configuration characters (CVE-2025-24514, CVE-2025-1097,
 * CVE-2025-1098), any annotation value carrying `alias`/`root` directives, Lua, or paths of the
 * controller's file system (CVE-2021-25746), and paths that point at such files (CVE-2021-25745).
 * Snippet annotations are ingress-nginx-snippet-annotation's finding.
 */
import { createRule } from "../src/rule.js";
import { scalarString } from "../src/language/query.js";
import { annotationPairs, ingressPaths, isIngress } from "./shared/_exposure.js";

const PREFIX = "nginx.ingress.kubernetes.io/";
/** Annotations whose value is pasted into the NGINX configuration as a string or URL. */
const STRICT = new Set(["auth-url", "auth-signin", "auth-tls-match-cn", "mirror-target", "mirror-host", "auth-proxy-set-headers", "auth-method", "auth-cache-key"]);
const CONFIG_CHARS = /[\r\n{};'"`#\\]/u;
const DIRECTIVE = /(?:^|[\s;{}])(?:alias|root|include|load_module|lua_\w+|\w+_by_lua\w*)\s/u;
const SENSITIVE_FILES = /\/etc\/(?:passwd|shadow|group|nginx|ingress-controller|kubernetes)|\/var\/run\/secrets|\/var\/run\/kubernetes|\/root\/|serviceaccount\/token/u;
const PATH_DIRS = /(?:^|\/)(?:etc|root)(?:\/|$)|\/var\/run\/secrets|\/var\/run\/kubernetes/u;

export default createRule({
  name: "ingress-nginx-annotation-injection",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow ingress-nginx annotation values and Ingress paths that inject NGINX configuration",
      severity: "critical",
      presets: ["recommended"],
      equivalents: { trivy: ["KCV-0093", "KCV0093"] },
    },
    messages: {
      chars:
        "Ingress '{{name}}' annotation {{annotation}} contains {{what}}: ingress-nginx pastes this value into its configuration, so it can add directives that run in the controller (CVE-2025-24514, CVE-2025-1097, CVE-2025-1098). Remove the characters; upgrade the controller to 1.11.5 / 1.12.1 or later.",
      directive:
        "Ingress '{{name}}' annotation {{annotation}} contains {{what}}: it can make ingress-nginx serve the controller's files (its service account token reads every Secret) or run code in it (CVE-2021-25746). Remove it.",
      path: "Ingress '{{name}}' path '{{path}}' {{what}}: with ingress-nginx this has been used to read the controller's files and credentials (CVE-2021-25745). Use an ordinary URL path.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isIngress(resource)) return;
        const name = resource.name ?? "(unnamed)";
        for (const { key, pair } of annotationPairs(resource).pairs) {
          if (!key.startsWith(PREFIX) || key.includes("snippet") || !pair.key) continue;
          const value = scalarString(pair.value);
          if (value === null || value.includes("{{")) continue;
          const short = key.slice(PREFIX.length);
          const ch = CONFIG_CHARS.exec(value);
          if (STRICT.has(short) && ch) {
            const what = ch[0] === "\n" || ch[0] === "\r" ? "a line break" : `the character '${ch[0]}'`;
            context.report({ node: pair.key, messageId: "chars", data: { name, annotation: key, what } });
            continue;
          }
          const dir = DIRECTIVE.exec(value);
          if (dir && /;/u.test(value)) {
            context.report({ node: pair.key, messageId: "directive", data: { name, annotation: key, what: `an NGINX '${dir[0].trim().replace(/^[;{}]/u, "")}' directive` } });
          } else if (SENSITIVE_FILES.test(value)) {
            context.report({ node: pair.key, messageId: "directive", data: { name, annotation: key, what: "a path to the controller's credentials or configuration" } });
          }
        }
        for (const p of ingressPaths(resource)) {
          if (p.path.includes("{{")) continue;
          if (PATH_DIRS.test(p.path)) context.report({ node: p.node, messageId: "path", data: { name, path: p.path, what: "names a system directory of the controller (/etc, /root, /var/run/secrets)" } });
          else if (/[\r\n;'"`{}]/u.test(p.path) && !/\{\d*,?\d*\}/u.test(p.path)) context.report({ node: p.node, messageId: "path", data: { name, path: p.path.replace(/[\r\n]/gu, " "), what: "contains NGINX configuration characters" } });
        }
      },
    };
  },
});
