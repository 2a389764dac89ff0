/**
 * @fileoverview Helpers for the robustness tests: run the CLI in-process with JSON output and find
 * the messages of one file. Hostile inputs are generated in temporary folders at test time
 * (fixtures/hostile/ holds only the small generators' descriptions, no large files).
 */
import { join } from "node:path";
import { project, run, type RunResult } from "../cli/helpers.js";

export { project, run };

export interface Message {
  ruleId: string | null;
  messageId?: string;
  severity: number;
  level: string;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fatal?: boolean;
  fix?: { range: [number, number]; text: string };
}

export interface FileResult {
  filePath: string;
  messages: Message[];
}

export interface JsonRun extends RunResult {
  results: FileResult[];
  /** Messages of the file `name` (relative to the project folder). */
  of(name: string): Message[];
  ms: number;
}

/** Run `kubeguard --format json <args>` in `dir`; parse the report. */
export async function runJson(dir: string, args: string[]): Promise<JsonRun> {
  const t0 = performance.now();
  const r = await run(dir, ["--format", "json", ...args]);
  const ms = performance.now() - t0;
  let results: FileResult[] = [];
  try {
    results = JSON.parse(r.stdout) as FileResult[];
  } catch {
    throw new Error(`not JSON (exit ${r.code}): ${r.stdout.slice(0, 500)}\nstderr: ${r.stderr.slice(0, 2000)}`);
  }
  const of = (name: string): Message[] => {
    const hit = results.find((f) => f.filePath === join(dir, name));
    if (!hit) throw new Error(`no result for ${name}; files: ${results.map((f) => f.filePath).join(", ")}`);
    return hit.messages;
  };
  return { ...r, results, of, ms };
}

/** A Deployment with one privileged container: `privileged-container` fires at line 25, column 13. */
export const PRIVILEGED = `# A web Deployment whose sidecar runs privileged.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: registry.example.com/shop/web:1.4.2
          ports:
            - containerPort: 8080
        - name: debug
          image: registry.example.com/tools/debug:2.0
          securityContext:
            privileged: true # needed for tcpdump, supposedly
`;

/** Only these rules: the assertions below are about the input handling, not about rule coverage. */
export const CORE_CONFIG = "extends: []\nrules:\n  privileged-container: error\n  valid-yaml: error\n";
