import { defineConfig } from "vitest/config"

export default defineConfig({
  ssr: { resolve: { conditions: ["@erpsync/source"] } },
  test: {
    include: ["test/src/**/*.test.ts"],
    globalSetup: ["test/globalSetup.ts"],
    setupFiles: ["test/yieldBetweenTests.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
