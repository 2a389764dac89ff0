/**
 * @fileoverview systemd unit files and drop-ins (kubelet.service, 10-kubeadm.conf) and environment
 * files, parsed into UnitEntry lists and kubelet FlagSets with exact ranges.
 * (Placeholder: filled in by the systemd work item.)
 */
import type { UnitFileNode } from "./ast.js";

export interface UnitParseOptions {
  /** Environment files available in this run: absolute host path (as written in EnvironmentFile=) → text. */
  environmentFiles?: Record<string, string>;
}

export function parseUnitFile(text: string, _options: UnitParseOptions = {}): UnitFileNode {
  return { type: "UnitFile", entries: [], flagSets: [], range: [0, text.length] };
}
