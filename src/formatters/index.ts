/**
 * @fileoverview The formatters by name (`--format`). sarif/github/junit/lsp join here when written.
 */
import { formatCompact } from "./compact.js";
import { formatGithub } from "./github.js";
import { formatJson } from "./json.js";
import { formatJunit } from "./junit.js";
import { formatLsp } from "./lsp.js";
import { formatSarif } from "./sarif.js";
import { formatStylish } from "./stylish.js";
import type { Formatter } from "./types.js";

export const formatters: Record<string, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
  compact: formatCompact,
  lsp: formatLsp,
};

export type { Formatter, FormatContext, KubeguardMessage, KubeguardResult } from "./types.js";
