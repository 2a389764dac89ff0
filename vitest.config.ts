import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/slow/**", "node_modules/**"],
    testTimeout: 60000,
    hookTimeout: 120000,
    pool: "threads",
    globalSetup: ["./test/global-setup.ts"],
    reporters: ["default", "./test/counts-reporter.ts"],
  },
});
