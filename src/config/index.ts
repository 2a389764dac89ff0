/**
 * @fileoverview kubeguard configuration: `.kubeguard.yaml` loading/validation and compilation to
 * ESLint flat config.
 */
export * from "./load.js";
export * from "./compile.js";
