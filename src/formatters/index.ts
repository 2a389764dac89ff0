/**
 * @fileoverview The formatters by name (`--format`). sarif/github/junit/lsp join here when written.
 */
import { formatJson } from "./json.js";
import { formatStylish } from "./stylish.js";
import type { Formatter } from "./types.js";

export const formatters: Record<string, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
};

export type { Formatter, FormatContext, KubeguardMessage, KubeguardResult } from "./types.js";
