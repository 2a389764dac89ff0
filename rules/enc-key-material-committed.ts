/**
 * @fileoverview enc-key-material-committed: an EncryptionConfiguration with literal aescbc / aesgcm /
 * secretbox keys inside a version-control work tree. The file "contains keys that can decrypt the
 * contents in etcd"; committed, they reach every clone and CI log. Placeholders are not key material.
 */
import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { createRule } from "../src/rule.js";
import { encryptionEntries, encryptionKeys, isAnalyzableEncryptionConfig } from "./shared/_encryption.js";

const VCS_MARKERS = [".git", ".hg", ".svn", ".jj"];
const rootCache = new Map<string, string | null>();

/** The nearest directory at or above `dir` that holds a VCS marker (`.git` dir or file, `.hg`, …). */
export function vcsRoot(dir: string): { root: string; vcs: string } | null {
  const chain: string[] = [];
  let cur = dir;
  let found: { root: string; vcs: string } | null = null;
  for (let i = 0; i < 128; i++) {
    const cached = rootCache.get(cur);
    if (cached !== undefined) {
      found = cached === null ? null : { root: cached.slice(cached.indexOf("\0") + 1), vcs: cached.slice(0, cached.indexOf("\0")) };
      break;
    }
    chain.push(cur);
    const marker = VCS_MARKERS.find((m) => existsSync(join(cur, m)));
    if (marker) {
      found = { root: cur, vcs: marker };
      break;
    }
    const parent = dirname(cur);
    if (parent === cur) break;
    cur = parent;
  }
  for (const d of chain) rootCache.set(d, found ? `${found.vcs}\0${found.root}` : null);
  return found;
}

export default createRule({
  name: "enc-key-material-committed",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow EncryptionConfiguration files with literal keys inside a version-control work tree",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      committed:
        "This EncryptionConfiguration holds {{count}} literal key(s) and lies inside a {{vcs}} work tree: the keys decrypt every Secret in etcd and its backups. Keep the file out of version control (template it and inject the key at deploy time, or use kms v2).",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const file = context.physicalFilename || context.filename;
    // stdin and in-memory text (`<input>`, `<text>`) have no location.
    const path = !file || file.startsWith("<") ? null : isAbsolute(file) ? file : resolve(context.cwd, file);
    return {
      Resource(resource) {
        if (!path || !isAnalyzableEncryptionConfig(resource)) return;
        const literal = encryptionKeys(encryptionEntries(resource)).filter((k) => k.secret.kind === "literal" && k.secretNode);
        if (!literal.length) return;
        const vcs = vcsRoot(dirname(path));
        if (!vcs) return;
        const names: Record<string, string> = { ".git": "Git", ".hg": "Mercurial", ".svn": "Subversion", ".jj": "Jujutsu" };
        context.report({ node: literal[0]!.secretNode!, messageId: "committed", data: { count: literal.length, vcs: names[vcs.vcs] ?? vcs.vcs } });
      },
    };
  },
});
