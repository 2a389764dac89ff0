/**
 * @fileoverview apiserver-request-timeout: kube-apiserver `--request-timeout` is not a valid Go
 * duration (the server refuses to start) or longer than a policy threshold (default one hour;
 * the built-in default is 1m0s).
 */
import { createRule } from "../src/rule.js";

const UNIT_SECONDS: Record<string, number> = { ns: 1e-9, us: 1e-6, "µs": 1e-6, "μs": 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/** Go's time.ParseDuration, in seconds; null when Go would reject the text. */
export function parseGoDuration(text: string): number | null {
  let s = text.trim();
  let sign = 1;
  if (s.startsWith("-") || s.startsWith("+")) {
    sign = s.startsWith("-") ? -1 : 1;
    s = s.slice(1);
  }
  if (s === "0") return 0;
  if (s === "") return null;
  const re = /(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/uy;
  let total = 0;
  let at = 0;
  while (at < s.length) {
    re.lastIndex = at;
    const m = re.exec(s);
    if (!m || (m[1] === "" && (m[2] ?? "") === "")) return null;
    total += Number(`${m[1] || "0"}.${m[2] || "0"}`) * UNIT_SECONDS[m[3]!]!;
    at = re.lastIndex;
  }
  return sign * total;
}

type Options = [{ maxSeconds?: number }];

export default createRule<"invalid" | "tooLong", Options>({
  name: "apiserver-request-timeout",
  meta: {
    type: "suggestion",
    docs: {
      description: "Check kube-apiserver --request-timeout (a valid duration, not longer than the policy maximum)",
      severity: "info",
      presets: ["cis"],
      standards: { cis: ["1.2.20"] },
      equivalents: { checkov: ["CKV_K8S_95"], "kube-bench": ["1.2.20"] },
    },
    messages: {
      invalid: "kube-apiserver --request-timeout={{value}} is not a Go duration (such as 60s, 5m or 1h0m0s): the API server refuses to start.",
      tooLong:
        "kube-apiserver --request-timeout={{value}} is longer than {{max}}: slow or stalled clients hold request slots (--max-requests-inflight) that long, which makes the API server easier to exhaust (the default is 1m0s).",
    },
    schema: [
      {
        type: "object",
        properties: { maxSeconds: { type: "number", minimum: 1 } },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ maxSeconds: 3600 }],
  create(context, [options]) {
    const max = options.maxSeconds ?? 3600;
    return {
      FlagSet(set) {
        if (set.component !== "kube-apiserver") return;
        const occ = set.flags.filter((f) => f.name === "request-timeout");
        const last = occ[occ.length - 1];
        if (!last || last.value === null) return;
        const seconds = parseGoDuration(last.value);
        if (seconds === null) {
          context.report({ node: { range: last.range }, messageId: "invalid", data: { value: last.value } });
        } else if (seconds > max) {
          context.report({ node: { range: last.range }, messageId: "tooLong", data: { value: last.value, max: `${max}s` } });
        }
      },
    };
  },
});
