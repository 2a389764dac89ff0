import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/slow/**/*.test.ts"],
    testTimeout: 1800000,
    hookTimeout: 1800000,
    globalSetup: ["./test/global-setup.ts"],
    reporters: ["default", "./test/counts-reporter.ts"],
  },
});
