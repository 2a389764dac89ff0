/**
 * @fileoverview Which files a run lints: explicit files, folders (recursively, by name: YAML, JSON,
 * kubelet systemd units and drop-ins; by name and content: kubeconfig and KubeletConfiguration
 * `*.conf` files, kubelet environment files), globs and `-` (stdin). `.gitignore` and `.kubeguardignore`
 * files (gitignore syntax, every folder from the project root down) and the configuration's
 * `ignore` globs are honoured with the `ignore` package; `node_modules` and `.git` are never
 * entered. The resulting list of files is handed to ESLint, which lints exactly those.
 */
import { accessSync, closeSync, constants, existsSync, lstatSync, openSync, readdirSync, readFileSync, readSync, statSync, type Stats } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import ignore, { type Ignore } from "ignore";

export const IGNORE_FILE_NAMES = [".gitignore", ".kubeguardignore"];
const NEVER_ENTER = new Set(["node_modules", ".git"]);
/** kubeguard's own configuration is not a manifest: folders never contribute it. */
const NEVER_COLLECT = new Set([".kubeguard.yaml", ".kubeguard.yml"]);

/** Whether a file is a lint target by name (what a folder contributes). */
export function isLintTarget(path: string): boolean {
  const p = path.split(sep).join("/");
  return /\.(ya?ml|json|service)$/iu.test(p) || /\.service\.d\/[^/]+\.conf$/u.test(p);
}

/** How many bytes of a candidate file are read to tell what it is. */
export const SNIFF_BYTES = 4096;
/** `apiVersion:` / `kind:` as top-level keys of a YAML document (block style, column 0). */
const TOP_API_VERSION = /^apiVersion:[ \t]*["']?[\w./-]+/mu;
const CONFIG_KIND = /^kind:[ \t]*["']?(Config|KubeletConfiguration)["']?[ \t]*(?:#.*)?$/mu;
/** An assignment to a variable that carries kubelet flags (as src/language/systemd.ts reads them). */
const KUBELET_ARGS_ASSIGNMENT = /^[ \t]*(?:export[ \t]+)?KUBELET_[A-Z0-9_]*(?:ARGS|OPTS|FLAGS)[ \t]*=/mu;

/**
 * Files that a folder contributes by name *and* content: names that ordinary repositories use for
 * other things (`*.conf`: nginx, CNI, sysctl, openssl; `*.env`: dotenv), collected only when their
 * first KB say they are cluster configuration (no full parse):
 * - `*.conf` that is a kubeconfig (`kind: Config`: admin.conf, kubelet.conf, super-admin.conf, …)
 *   or a `KubeletConfiguration` (a kubelet `--config-dir` drop-in such as
 *   `/etc/kubernetes/kubelet.conf.d/10-x.conf`), with a top-level `apiVersion:`;
 * - kubelet environment files: `kubeadm-flags.env`, `…/default/kubelet`, `…/sysconfig/kubelet`
 *   by name, any other `*.env` only when it assigns a `KUBELET_*_ARGS` variable.
 * Each is linted with the parser its name selects (src/language/language.ts `fileKindOf`: `*.conf`
 * outside `*.service.d/` as YAML, the environment files as environment files).
 */
export type ContentCandidate = "conf" | "env";

/** Whether a file name makes the file a candidate for content sniffing (not a lint target by name). */
export function contentCandidate(path: string): ContentCandidate | null {
  const p = path.split(sep).join("/");
  if (isLintTarget(p)) return null;
  const base = p.slice(p.lastIndexOf("/") + 1);
  if (/\.conf$/u.test(base)) return "conf";
  if (/\.env$/u.test(base) || /(^|\/)(default|sysconfig)\/kubelet$/u.test(p)) return "env";
  return null;
}

/** Globs of every content candidate (for an ESLint configuration that lints the ones recognised). */
export const CONTENT_CANDIDATE_PATTERNS = ["**/*.conf", "**/*.env", "**/default/kubelet", "**/sysconfig/kubelet"];

/** Whether the first bytes of a candidate's text make it cluster configuration (see `contentCandidate`). */
export function sniffsAsClusterConfig(path: string, head: string): boolean {
  const kind = contentCandidate(path);
  if (kind === "conf") return TOP_API_VERSION.test(head) && CONFIG_KIND.test(head);
  if (kind === "env") {
    const p = path.split(sep).join("/");
    if (/(^|\/)kubeadm-flags\.env$/u.test(p) || /(^|\/)(default|sysconfig)\/kubelet$/u.test(p)) return true;
    return KUBELET_ARGS_ASSIGNMENT.test(head);
  }
  return false;
}

/** Read the first `SNIFF_BYTES` of a regular file; null when it cannot be read. */
function readHead(abs: string): string | null {
  let fd: number | null = null;
  try {
    fd = openSync(abs, "r");
    const buf = Buffer.alloc(SNIFF_BYTES);
    const n = readSync(fd, buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, n).toString("utf8");
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Whether a folder walk collects a file: a lint target by name, or a content candidate (a regular,
 * readable file) whose first bytes say it is cluster configuration. A candidate that cannot be
 * read is not collected (it is most likely not cluster configuration; named files are reported).
 */
export function collectedFromFolder(abs: string, stat: Stats | null): boolean {
  if (isLintTarget(abs)) return true;
  if (!contentCandidate(abs) || !stat?.isFile()) return false;
  const head = readHead(abs);
  return head !== null && sniffsAsClusterConfig(abs, head);
}

const GLOB_CHARS = /[*?[\]{}]/u;

/** Translate a glob (`*`, `**`, `?`, `[...]`, `{a,b}`) on `/`-separated paths to a RegExp. */
export function globToRegExp(glob: string): RegExp {
  let re = "";
  let inGroup = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*") {
      if (glob[i + 1] === "*") {
        // `**/` matches zero or more folders; a trailing `**` matches everything below.
        const slash = glob[i + 2] === "/";
        re += slash ? "(?:[^/]*(?:/|$))*" : ".*";
        i += slash ? 2 : 1;
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = glob.indexOf("]", i + 1);
      if (end === -1) re += "\\[";
      else {
        re += `[${glob.slice(i + 1, end).replace(/^!/u, "^").replace(/\\/gu, "\\\\")}]`;
        i = end;
      }
    } else if (c === "{") {
      inGroup++;
      re += "(?:";
    } else if (c === "}" && inGroup) {
      inGroup--;
      re += ")";
    } else if (c === "," && inGroup) re += "|";
    else re += c.replace(/[.+^$()|\\]/gu, "\\$&");
  }
  return new RegExp(`^${re}$`, "u");
}

/** The project root: the nearest folder with `.git` above `cwd`, else `cwd`. */
export function projectRoot(cwd: string): string {
  let dir = cwd;
  for (;;) {
    if (existsSync(join(dir, ".git"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return cwd;
    dir = parent;
  }
}

const isInside = (child: string, parent: string): boolean => {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
};

/** gitignore-style ignore rules: per-folder `.gitignore`/`.kubeguardignore` plus extra anchored sets. */
export class Ignorer {
  readonly #cache = new Map<string, Ignore | null>();
  readonly #extra: { dir: string; ig: Ignore }[] = [];

  constructor(readonly root: string) {}

  /** Add patterns (gitignore syntax) anchored at `dir`, e.g. the configuration's `ignore`. */
  addPatterns(dir: string, patterns: string[]): void {
    if (patterns.length) this.#extra.push({ dir, ig: ignore().add(patterns) });
  }

  #rulesOf(dir: string): Ignore | null {
    if (this.#cache.has(dir)) return this.#cache.get(dir)!;
    let ig: Ignore | null = null;
    for (const name of IGNORE_FILE_NAMES) {
      const file = join(dir, name);
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch {
        continue;
      }
      ig = (ig ?? ignore()).add(text);
    }
    this.#cache.set(dir, ig);
    return ig;
  }

  /**
   * Whether `abs` is ignored. Rules are applied from the outermost folder (the project root, or
   * `top` for paths outside it) inwards, so a deeper `!pattern` can re-include a file.
   */
  ignores(abs: string, isDir: boolean, top: string): boolean {
    const start = isInside(abs, this.root) ? this.root : top;
    const chain: string[] = [];
    for (let dir = dirname(abs); ; dir = dirname(dir)) {
      chain.unshift(dir);
      if (dir === start || dirname(dir) === dir || !isInside(dir, start)) break;
    }
    let ignored = false;
    const check = (dir: string, ig: Ignore): void => {
      const rel = relative(dir, abs).split(sep).join("/");
      if (!rel || rel.startsWith("..")) return;
      const r = ig.test(isDir ? `${rel}/` : rel);
      if (r.ignored) ignored = true;
      else if (r.unignored) ignored = false;
    };
    for (const dir of chain) {
      const ig = this.#rulesOf(dir);
      if (ig) check(dir, ig);
    }
    for (const { dir, ig } of this.#extra) check(dir, ig);
    return ignored;
  }
}

export interface CollectedInputs {
  /** Absolute paths, in a stable order, without duplicates. */
  files: string[];
  /** Explicitly named files (absolute) that are not lint targets by name. */
  explicitNonTargets: string[];
  /** Arguments that are neither an existing path nor a glob. */
  missing: string[];
  /** Globs that matched no file. */
  unmatched: string[];
  /** Explicitly named files skipped because an ignore rule matches them. */
  ignoredExplicit: string[];
  /**
   * Lint targets that cannot be read (permission denied, symlink loop, dangling link, FIFO or
   * other special file): not handed to ESLint (reading them would abort the run or hang), reported.
   */
  unreadable: { path: string; reason: string }[];
  /** Whether `-` (stdin) was given. */
  stdin: boolean;
  /** Given folders that are Helm charts (a Chart.yaml): rendered with `helm template`, not walked. */
  charts: string[];
  /** Given folders with a kustomization file: rendered with kustomize, not walked. */
  kustomizations: string[];
}

const KUSTOMIZATION_NAMES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
const hasFile = (dir: string, name: string): boolean => {
  try {
    return statSync(join(dir, name)).isFile();
  } catch {
    return false;
  }
};

/** Why a path that exists as a name cannot be linted, or null when it is a readable regular file. */
export function unreadableReason(abs: string, stat: Stats | null): string | null {
  if (!stat) {
    let link = false;
    try {
      link = lstatSync(abs).isSymbolicLink();
    } catch {
      return "no such file";
    }
    if (!link) return "cannot be read";
    try {
      statSync(abs);
      return null;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ELOOP") return "symbolic link loop (too many levels of symbolic links)";
      if (code === "ENOENT") return "dangling symbolic link (its target does not exist)";
      return `cannot follow the symbolic link (${code ?? (err as Error).message})`;
    }
  }
  if (stat.isFIFO()) return "not a regular file (a FIFO: reading it could block forever)";
  if (stat.isSocket()) return "not a regular file (a socket)";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "not a regular file (a device)";
  if (!stat.isFile()) return "not a regular file";
  try {
    accessSync(abs, constants.R_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === "EACCES" || code === "EPERM" ? "permission denied" : `cannot be read (${code ?? (err as Error).message})`;
  }
  return null;
}

function statOrNull(abs: string): Stats | null {
  try {
    return statSync(abs);
  } catch {
    return null;
  }
}

/** Whether `abs` is a symbolic link that cannot be followed. */
function isDanglingOrLoop(abs: string): boolean {
  try {
    return lstatSync(abs).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Expand the command-line paths to the files to lint. */
export function collectInputs(args: string[], cwd: string, ignorer: Ignorer, options: { render?: boolean } = {}): CollectedInputs {
  const out: CollectedInputs = { files: [], explicitNonTargets: [], missing: [], unmatched: [], ignoredExplicit: [], unreadable: [], stdin: false, charts: [], kustomizations: [] };
  const seen = new Set<string>();
  let added = 0;
  const add = (file: string): void => {
    added++;
    if (!seen.has(file)) {
      seen.add(file);
      out.files.push(file);
    }
  };

  const walk = (dir: string, top: string, accept: (abs: string, stat: () => Stats | null) => boolean): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const abs = join(dir, e.name);
      let isDir = e.isDirectory();
      let stat: Stats | null = null;
      if (e.isSymbolicLink()) {
        // Follow links to files; never links to folders (no cycles).
        try {
          stat = statSync(abs);
        } catch {
          stat = null;
        }
        isDir = false;
        if (stat?.isDirectory()) continue;
      }
      if (isDir) {
        if (NEVER_ENTER.has(e.name) || ignorer.ignores(abs, true, top)) continue;
        walk(abs, top, accept);
      } else if (!NEVER_COLLECT.has(e.name) && !ignorer.ignores(abs, false, top) && accept(abs, () => (e.isSymbolicLink() ? stat : (stat ??= statOrNull(abs))))) {
        // A lint target by name that cannot be read is reported, never handed to ESLint.
        const reason = unreadableReason(abs, e.isSymbolicLink() ? stat : (stat ?? statOrNull(abs)));
        if (reason) out.unreadable.push({ path: abs, reason });
        else add(abs);
      }
    }
  };

  for (const arg of args) {
    if (arg === "-") {
      out.stdin = true;
      continue;
    }
    const abs = resolve(cwd, arg);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      stat = null;
    }
    if (stat?.isDirectory() && options.render && hasFile(abs, "Chart.yaml")) {
      // Only a folder given by name is rendered; charts found while walking are linted as files.
      if (!out.charts.includes(abs)) out.charts.push(abs);
    } else if (stat?.isDirectory() && options.render && KUSTOMIZATION_NAMES.some((n) => hasFile(abs, n))) {
      if (!out.kustomizations.includes(abs)) out.kustomizations.push(abs);
    } else if (stat?.isDirectory()) {
      walk(abs, abs, (file, stat) => collectedFromFolder(file, isLintTarget(file) ? null : stat()));
    } else if (stat?.isFile()) {
      if (ignorer.ignores(abs, false, dirname(abs))) {
        out.ignoredExplicit.push(abs);
        continue;
      }
      const reason = unreadableReason(abs, stat);
      if (reason) out.unreadable.push({ path: abs, reason });
      else add(abs);
    } else if (stat || isDanglingOrLoop(abs)) {
      // A FIFO, socket or device, a symlink loop or a dangling link: named, but not lintable.
      out.unreadable.push({ path: abs, reason: unreadableReason(abs, stat) ?? "cannot be read" });
    } else if (GLOB_CHARS.test(arg)) {
      // Walk from the glob's static prefix; match paths relative to the cwd (or absolute).
      const posix = arg.split(sep).join("/");
      const segments = posix.split("/");
      const firstGlob = segments.findIndex((s) => GLOB_CHARS.test(s));
      const base = resolve(cwd, segments.slice(0, firstGlob).join("/") || ".");
      const pattern = globToRegExp(posix.replace(/^\.\//u, ""));
      const before = added;
      const absolutePattern = isAbsolute(arg);
      const matches = (file: string): boolean => pattern.test((absolutePattern ? file : relative(cwd, file)).split(sep).join("/"));
      if (existsSync(base)) walk(base, base, matches);
      if (added === before) out.unmatched.push(arg);
    } else {
      out.missing.push(arg);
    }
  }
  out.explicitNonTargets = out.files.filter((f) => !isLintTarget(f));
  return out;
}

/** Top-level folders of a node's file system: where an `EnvironmentFile=` path starts. */
const SYSTEM_ROOTS = new Set(["etc", "var", "run", "usr", "opt", "lib", "srv"]);

/**
 * The environment files of a run as a systemd unit names them (`EnvironmentFile=` paths are
 * absolute paths on the node): a file kept at `<repo>/nodes/cp/var/lib/kubelet/kubeadm-flags.env`
 * is `/var/lib/kubelet/kubeadm-flags.env` (its path from the first node-root folder: etc, var,
 * run, usr, opt, lib, srv). Two files of the run with the same node path are both left out: a unit
 * naming that path gets no guess (its variables stay unknown, as for a file not in the run).
 * Unreadable files and files that are not valid UTF-8 are left out too.
 */
export function nodeEnvironmentFiles(files: readonly string[], kindOf: (file: string) => string): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  const ambiguous = new Set<string>();
  for (const file of files) {
    if (kindOf(file) !== "env") continue;
    const segs = resolve(file).split(sep);
    const at = segs.findIndex((s, i) => i > 0 && SYSTEM_ROOTS.has(s));
    if (at === -1 || at === segs.length - 1) continue;
    const nodePath = `/${segs.slice(at).join("/")}`;
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(file));
    } catch {
      continue;
    }
    if (nodePath in out || ambiguous.has(nodePath)) {
      ambiguous.add(nodePath);
      delete out[nodePath];
      continue;
    }
    out[nodePath] = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  return out;
}
