/**
 * @fileoverview Summarise V8 CPU profiles (`node --cpu-prof`): self time by package (yaml, eslint,
 * kubeguard, garbage collection, …) and the top functions.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function category(url: string, fn: string): string {
  if (fn === "(garbage collector)") return "garbage collection";
  if (fn === "(program)" || fn === "(idle)" || fn === "(root)") return fn;
  if (!url) return "native";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/u.exec(url);
  if (m) return m[1]!;
  if (url.startsWith("node:")) return "node internals";
  return "kubeguard";
}

/** Summary text for every profile in `dir` (the main thread's and workers' profiles together). */
export function summarizeProfile(dir: string, top = 15): string {
  const byCategory = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"))) {
    const p = JSON.parse(readFileSync(join(dir, file), "utf8")) as Profile;
    const nodes = new Map(p.nodes.map((n) => [n.id, n]));
    p.samples.forEach((id, i) => {
      const dt = p.timeDeltas[i] ?? 0;
      const cf = nodes.get(id)!.callFrame;
      const cat = category(cf.url, cf.functionName);
      total += dt;
      byCategory.set(cat, (byCategory.get(cat) ?? 0) + dt);
      const short = cf.url.replace(/^.*\/node_modules\//u, "").replace(/^.*\/(dist|src|rules)\//u, "$1/");
      const key = `${cf.functionName || "(anonymous)"} ${short}:${cf.lineNumber + 1}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + dt);
    });
  }
  const pct = (v: number): string => `${((100 * v) / total).toFixed(1).padStart(5)}%`;
  const lines = [`total ${(total / 1e6).toFixed(2)} s sampled`];
  for (const [k, v] of [...byCategory].sort((a, b) => b[1] - a[1]).slice(0, 8)) lines.push(`${pct(v)}  ${k}`);
  lines.push("top functions:");
  for (const [k, v] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${pct(v)}  ${k}`);
  return lines.join("\n");
}

// Usage: node dist/bench/profile.js <dir-with-.cpuprofile-files>
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/gu, "/"))) {
  process.stdout.write(`${summarizeProfile(process.argv[2] ?? ".")}\n`);
}
