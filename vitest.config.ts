import { defineConfig } from "vitest/config"

export default defineConfig({
  ssr: { resolve: { conditions: ["@erpsync/source"] } },
  test: {
    include: ["test/src/**/*.test.ts"],
    // TEMPORARY while the command line is being moved to Effect 4: ERPSYNC_NO_CLI_BUILD=1 skips its bundling.
    globalSetup: process.env["ERPSYNC_NO_CLI_BUILD"] ? [] : ["test/globalSetup.ts"],
    setupFiles: ["test/yieldBetweenTests.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
