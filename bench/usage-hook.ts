/**
 * @fileoverview Loaded with `node --import` into a benchmarked child process: at exit it writes the
 * process's own resource usage (CPU time of all its threads, peak RSS) to $KUBEGUARD_BENCH_USAGE.
 */
import { writeFileSync } from "node:fs";

const target = process.env.KUBEGUARD_BENCH_USAGE;
if (target) {
  process.on("exit", () => {
    const u = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000, maxRssKb: u.maxRSS }));
  });
}
