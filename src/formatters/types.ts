/**
 * @fileoverview kubeguard's result shape: ESLint's `LintResult` with bare rule ids, a `level`
 * (critical … info) and the resource each message lies in. Every formatter takes these.
 */
import type { MessageSource, ResourceRef } from "../eslint/processor.js";
import type { Severity } from "../rule.js";
import type { SourceFix } from "../inputs/template-fix.js";

export interface KubeguardFixEdit {
  range: [number, number];
  text: string;
}

export interface KubeguardMessage {
  /** Bare rule id (`privileged-container`), or null for problems not raised by a rule (unused suppressions, inline-config errors). */
  ruleId: string | null;
  /** ESLint severity: 1 warning, 2 error. */
  severity: 1 | 2;
  /** kubeguard severity: the rule's `meta.docs.severity` or the configuration's override. */
  level: Severity;
  message: string;
  messageId?: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** The rule's documentation. */
  url?: string;
  /** The object the message lies in (docIndex is 0-based); null outside any document. */
  resource: ResourceRef | null;
  /** `# Source:` template of rendered Helm output. */
  helmSource?: string;
  /** The file and line a person edits (src/sourcemap): the linted file itself, or the Helm template / kustomize file. */
  source?: MessageSource;
  /** Rendered Helm output: the template fix `--fix` wrote or can write, or the values.yaml key to set (src/inputs/template-fix.ts). */
  sourceFix?: SourceFix;
  fatal?: boolean;
  fix?: KubeguardFixEdit;
  suggestions?: { desc: string; messageId?: string; fix: KubeguardFixEdit }[];
  /** For suppressed messages: how they were suppressed. */
  suppressions?: { kind: string; justification: string }[];
  /** Cross-document findings (src/crossdoc): the other objects involved (file as given to the CLI, 1-based lines). */
  related?: { file: string; line: number; column: number; endLine: number; endColumn: number; message: string }[];
}

export interface KubeguardResult {
  /** Absolute path (or the stdin file name, resolved against the cwd). */
  filePath: string;
  messages: KubeguardMessage[];
  suppressedMessages: KubeguardMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

export interface FormatContext {
  cwd: string;
  /** Emit ANSI colours. */
  color: boolean;
  /** Bare ids of the rules enabled in the run, when known (SARIF lists them as `tool.driver.rules`). */
  rules?: string[];
}

export type Formatter = (results: KubeguardResult[], context: FormatContext) => string;
