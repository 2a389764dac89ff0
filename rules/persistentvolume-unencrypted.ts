/**
 * @fileoverview persistentvolume-unencrypted: a PersistentVolume or PersistentVolumeClaim whose
 * StorageClass (in the run) provisions AWS EBS volumes without `encrypted: "true"`. EBS volumes
 * are encrypted only when asked (or when the account's default encryption is on, which a manifest
 * cannot show); GCE PD and Azure Disk encrypt at rest by default. Kubescape C-0264.
 */
import { at, crossRule, keyOf, str, type Obj } from "../src/crossdoc/index.js";

const EBS = new Set(["kubernetes.io/aws-ebs", "ebs.csi.aws.com"]);

export default crossRule({
  name: "persistentvolume-unencrypted",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow volumes from AWS EBS StorageClasses that do not encrypt",
      severity: "medium",
      presets: ["recommended"],
      equivalents: { kubescape: ["C-0264"] },
    },
    messages: {
      unencrypted:
        "{{kind}} '{{name}}' uses StorageClass '{{class}}' ({{where}}), which provisions {{provisioner}} volumes without parameters.encrypted: \"true\": the data is stored unencrypted unless the AWS account enforces EBS encryption by default.",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report, where }) {
    const weak = new Map<string, Obj>();
    for (const sc of index.ofKind("StorageClass")) {
      const provisioner = str(at(sc.snap, "provisioner"));
      if (!provisioner || !EBS.has(provisioner) || !sc.name) continue;
      const encrypted = str(at(sc.snap, "parameters", "encrypted"));
      if (encrypted?.toLowerCase() === "true") continue;
      weak.set(sc.name, sc);
    }
    if (!weak.size) return;
    for (const kind of ["PersistentVolume", "PersistentVolumeClaim"]) {
      for (const obj of index.ofKind(kind)) {
        const classNode = at(obj.snap, "spec", "storageClassName");
        const cls = str(classNode);
        const sc = cls ? weak.get(cls) : undefined;
        if (!sc || !classNode) continue;
        report({
          obj,
          node: classNode,
          messageId: "unencrypted",
          data: { kind, name: obj.name ?? "(unnamed)", class: cls!, where: where(sc), provisioner: str(at(sc.snap, "provisioner")) ?? "" },
          related: [{ obj: sc, node: keyOf(at(sc.snap, "provisioner")) ?? undefined, message: `StorageClass '${sc.name}' has no parameters.encrypted: "true"` }],
        });
      }
    }
  },
});
