import { defineConfig } from "vitest/config"

export default defineConfig({
  ssr: { resolve: { conditions: ["@erpsync/source"] } },
  test: {
    include: ["test/src/**/*.test.ts"],
    // The default reporter, and in a log (not a terminal) how far each long file has got, every 30 s.
    reporters: ["default", "./test/progress.ts"],
    globalSetup: ["test/globalSetup.ts"],
    setupFiles: ["test/yieldBetweenTests.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
