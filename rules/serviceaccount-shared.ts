/**
 * @fileoverview serviceaccount-shared: one ServiceAccount (other than `default`, which
 * default-service-account covers) used by more than one workload of the run. Every workload then
 * holds the union of the permissions any of them needs, and a compromise of one is a compromise of
 * all (KICS "Shared Service Account").
 *
 * Reported on each later workload's `serviceAccountName`, naming the first workload that uses the
 * account. Cross-document: kubeguard's CLI and language server look at every file of the run;
 * inside a user's own ESLint, at the documents of one file.
 */
import { at, crossRule, type Obj } from "../src/crossdoc/index.js";
import { nameOf, nameTemplated, podServiceAccount, templatesByObject, type PodServiceAccount } from "./shared/_crossdoc-identity.js";

type Options = [{ ignore?: string[] }];

export default crossRule({
  name: "serviceaccount-shared",
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow one ServiceAccount shared by several workloads",
      severity: "low",
      presets: ["recommended"],
    },
    messages: {
      shared:
        "{{kind}} '{{name}}' runs as ServiceAccount '{{sa}}' (namespace '{{namespace}}'), which {{firstKind}} '{{first}}' ({{where}}) uses too{{more}}: each workload gets the permissions of all of them. Give this workload its own ServiceAccount.",
    },
    schema: [
      {
        type: "object",
        properties: { ignore: { type: "array", items: { type: "string" }, description: "ServiceAccount names that may be shared (e.g. one per Job family)." } },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ ignore: [] }] as Options,
  check({ index, report, where, optionsFor }) {
    const users = new Map<string, { obj: Obj; sa: PodServiceAccount }[]>();
    // The same workload declared in several files (alternative bundles, one render per values file) is one workload.
    const identities = new Set<string>();
    for (const [obj, pods] of templatesByObject(index)) {
      // Objects owned by a controller of the run (a Job of a CronJob written out) are the same workload.
      if (at(obj.snap, "metadata", "ownerReferences")) continue;
      const identity = `${obj.kind}\u0000${obj.ns ?? ""}\u0000${obj.name ?? ""}`;
      if (obj.name && identities.has(identity)) continue;
      identities.add(identity);
      const names = new Set<string>();
      for (const pod of pods) {
        const sa = podServiceAccount(pod);
        if (sa.name === "default" || nameTemplated(sa.name) || names.has(sa.name)) continue;
        names.add(sa.name);
        const key = `${obj.ns ?? ""}\u0000${sa.name}`;
        const list = users.get(key);
        if (list) list.push({ obj, sa });
        else users.set(key, [{ obj, sa }]);
      }
    }
    for (const list of users.values()) {
      if (list.length < 2) continue;
      const first = list[0]!;
      for (const u of list.slice(1)) {
        if ((optionsFor(u.obj.file)[0]?.ignore ?? []).includes(u.sa.name)) continue;
        const others = list.length - 2;
        report({
          obj: u.obj,
          node: u.sa.node,
          messageId: "shared",
          data: {
            kind: u.obj.kind,
            name: nameOf(u.obj),
            sa: u.sa.name,
            namespace: u.obj.ns ?? "",
            firstKind: first.obj.kind,
            first: nameOf(first.obj),
            where: where(first.obj, first.sa.node),
            more: others > 0 ? ` (and ${others} other workload${others > 1 ? "s" : ""})` : "",
          },
          related: [{ obj: first.obj, node: first.sa.node, message: `${first.obj.kind} '${nameOf(first.obj)}' also runs as ServiceAccount '${u.sa.name}'` }],
        });
      }
    }
  },
});
