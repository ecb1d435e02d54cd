import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Bundling (esbuild) and the package test (pack, npm install, a live server) take longer than unit tests.
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
