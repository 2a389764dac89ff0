import { defineConfig } from "vitest/config";

// `npm run test:precommit`: real pre-commit installing the hooks from a git snapshot (minutes).
export default defineConfig({
  test: {
    include: ["test/precommit/**/*.slow.ts"],
    testTimeout: 900000,
    hookTimeout: 900000,
    reporters: ["default", "./test/counts-reporter.ts"],
  },
});
