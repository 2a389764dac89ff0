/**
 * @fileoverview Where the real helm and kubectl are for the tests: PATH, then `$HOME/go/bin`
 * (where .ci/run's `go install helm.sh/helm/v3/cmd/helm@…` puts helm).
 */
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import { findExecutable } from "../../src/inputs/tools.js";

/** PATH for the CLI under test: the process PATH plus `$HOME/go/bin`. */
export const TEST_PATH = [process.env.PATH ?? "", join(homedir(), "go", "bin")].filter(Boolean).join(delimiter);
export const TEST_ENV = { PATH: TEST_PATH, HOME: process.env.HOME };
export const HELM = findExecutable("helm", { PATH: TEST_PATH });
export const KUBECTL = findExecutable("kubectl", { PATH: TEST_PATH });
export const KUSTOMIZE = findExecutable("kustomize", { PATH: TEST_PATH });
export const ROOT = join(import.meta.dirname, "..", "..");
