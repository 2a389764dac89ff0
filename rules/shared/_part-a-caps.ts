/**
 * @fileoverview Rule factories for the Linux capability rules (catalog-workload.md §1B), in the
 * spirit of kube-linter's templates: one factory per shape of check, separately documented ids.
 *
 * - `addedCapabilityRule`: every entry of `securityContext.capabilities.add` is judged by a
 *   predicate (capabilities-added-beyond-baseline, capabilities-added-beyond-restricted,
 *   dangerous-capability-added).
 * - `dropCapabilityRule`: `securityContext.capabilities.drop` must contain something
 *   (capabilities-not-drop-all, capabilities-drop-empty, net-raw-not-dropped); the hardening
 *   suggestion appends the missing entry, creating `capabilities.drop` when needed.
 */
import type { ContainerNode, PairNode, YamlNode } from "../../src/language/ast.js";
import { appendSeqItem, asFix, setIn } from "../../src/fix/index.js";
import { asScalar, asSeq, getMap, getPair, getSeq } from "../../src/language/query.js";
import { createRule, reportHardening, type JSONSchema4, type K8sRuleDefinition, type K8sRuleDocs } from "../../src/rule.js";
import { atLeast, containerAnchor, containerLabel, isWindowsPod, pssWindowsExempt, replaceRange, stringItems, targetVersion } from "./_part-a.js";

/** PSS baseline: capabilities a container may add (exact, case-sensitive strings). */
export const BASELINE_CAPABILITIES: readonly string[] = [
  "AUDIT_WRITE",
  "CHOWN",
  "DAC_OVERRIDE",
  "FOWNER",
  "FSETID",
  "KILL",
  "MKNOD",
  "NET_BIND_SERVICE",
  "SETFCAP",
  "SETGID",
  "SETPCAP",
  "SETUID",
  "SYS_CHROOT",
];

/** Normalise a capability name the way container runtimes read it: upper case, no `CAP_` prefix. */
export function normaliseCapability(name: string): string {
  const up = name.trim().toUpperCase();
  return up.startsWith("CAP_") ? up.slice(4) : up;
}

export interface AddedJudgement {
  /** Message id to report with, or null when the entry is fine. */
  messageId: string | null;
  data?: Record<string, string>;
}

export interface AddedRuleInput<Options extends readonly unknown[]> {
  name: string;
  docs: Omit<K8sRuleDocs, "url">;
  messages: Record<string, string>;
  schema?: JSONSchema4[];
  defaultOptions: Options;
  /** Skip Windows pods (PSS exemption from policy v1.25). */
  windowsExemptFromPss?: boolean;
  /** `version`: the target Kubernetes (PSS policy) version, for controls whose allowed set changed. */
  judge(capability: string, options: Options, container: ContainerNode, version: [number, number]): AddedJudgement;
}

/** A rule that reports entries of `capabilities.add`. Report-only: the right set needs a human. */
export function addedCapabilityRule<Options extends readonly unknown[]>(input: AddedRuleInput<Options>): K8sRuleDefinition<string, Options> {
  return createRule<string, Options>({
    name: input.name,
    meta: { type: "problem", docs: input.docs, messages: input.messages, schema: input.schema ?? [] },
    defaultOptions: input.defaultOptions,
    create(context, options) {
      const version = targetVersion(context);
      return {
        Container(container) {
          if (input.windowsExemptFromPss && pssWindowsExempt(container.podSpec, version)) return;
          const add = getSeq(getMap(container.securityContext, "capabilities"), "add");
          for (const item of stringItems(add)) {
            const j = input.judge(item.value, options, container, version);
            if (!j.messageId) continue;
            context.report({ node: item.node, messageId: j.messageId, data: { container: containerLabel(container), capability: item.value, ...j.data } });
          }
        },
      };
    },
  });
}

export interface DropRuleInput<Options extends readonly unknown[]> {
  name: string;
  docs: Omit<K8sRuleDocs, "url">;
  messages: Record<string, string> & { missing: string; add: string };
  schema?: JSONSchema4[];
  defaultOptions: Options;
  /** Skip Windows pods: `true` = always (no Linux capabilities), `"pss"` = from policy v1.25 (the PSS exemption). */
  skipWindows: true | "pss";
  /** The rule is silent below this Kubernetes (PSS policy) version, e.g. [1, 22] for the restricted capabilities control. */
  minimumVersion?: [number, number];
  /** Whether the drop list (as written) satisfies the rule. */
  satisfied(drop: string[], options: Options): boolean;
  /** The entry the suggestion appends (`ALL`, `NET_RAW`). */
  entry: string;
  /** Extra reason not to offer a fix (e.g. the entry is also added). */
  noFix?(container: ContainerNode): boolean;
}

/** A rule that requires something in `capabilities.drop`. The remedy is hardening (a suggestion). */
export function dropCapabilityRule<Options extends readonly unknown[]>(input: DropRuleInput<Options>): K8sRuleDefinition<string, Options> {
  return createRule<string, Options>({
    name: input.name,
    meta: { type: "problem", docs: input.docs, messages: input.messages, schema: input.schema ?? [], fixable: "code", hasSuggestions: true },
    defaultOptions: input.defaultOptions,
    create(context, options) {
      const version = targetVersion(context);
      const sourceCode = context.sourceCode;
      if (input.minimumVersion && !atLeast(version, input.minimumVersion[0], input.minimumVersion[1])) return {};
      return {
        Container(container) {
          if (input.skipWindows === true ? isWindowsPod(container.podSpec) : pssWindowsExempt(container.podSpec, version)) return;
          const sc = container.securityContext;
          const capsPair = getPair(sc, "capabilities");
          const caps = getMap(sc, "capabilities");
          const dropPair: PairNode | null = getPair(caps, "drop");
          const dropSeq = asSeq(dropPair?.value ?? null);
          const drop = stringItems(dropSeq).map((i) => i.value);
          if (input.satisfied(drop, options)) return;
          // Report on the key of the closest existing pair (a block value's range would span lines).
          const closest = dropPair ?? capsPair ?? container.securityContextPair;
          const at = closest?.key ?? containerAnchor(container);
          const data = { container: containerLabel(container), entry: input.entry };
          let fix = null;
          if (!input.noFix?.(container)) {
            if (dropSeq && dropSeq.items.length) fix = asFix(appendSeqItem(sourceCode, dropSeq, input.entry));
            else if (dropSeq) fix = asFix(replaceRange(sourceCode, dropSeq.range, `[${input.entry}]`));
            else if (dropPair && !isNullValue(dropPair.value)) fix = null; // `drop:` holds something that is not a list
            else fix = asFix(setIn(sourceCode, container.node, ["securityContext", "capabilities"], "drop", `[${input.entry}]`));
          }
          reportHardening(context, { node: at, messageId: "missing", data }, { messageId: "add", data, fix });
        },
      };
    },
  });
}

function isNullValue(node: YamlNode | null): boolean {
  return !node || asScalar(node)?.value === null;
}
