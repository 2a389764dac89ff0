/**
 * @fileoverview `--format json`: ESLint's result array (one entry per linted file, with
 * `messages`, `suppressedMessages` and the counts), messages carrying bare rule ids, `level`,
 * `url`, `resource` and, when present, `helmSource`, `fix` and `suggestions`.
 */
import type { Formatter } from "./types.js";

export const formatJson: Formatter = (results) => `${JSON.stringify(results)}\n`;
