// @ts-check
/**
 * `pnpm mutate`: mutation testing of the codec (`packages/codec/src`) against its own suite
 * (`vitest.mutate.config.ts`), with Stryker's default mutators. The score and every surviving mutant are
 * recorded in `test/MUTATION.md` (`pnpm mutate:report` writes the figures there).
 *
 * @type {import("@stryker-mutator/api/core").PartialStrykerOptions}
 */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutate.config.ts", related: false },
  plugins: ["@stryker-mutator/vitest-runner", "./test/mutate/messages.mjs"],
  mutate: ["packages/codec/src/**/*.ts"],
  ignorers: ["ErrorMessages"],
  coverageAnalysis: "perTest",
  concurrency: 2,
  timeoutMS: 10_000,
  reporters: ["clear-text", "progress", "json", "html"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  htmlReporter: { fileName: "reports/mutation/index.html" },
  incremental: true,
  incrementalFile: "reports/mutation/incremental.json",
  thresholds: { high: 95, low: 90, break: 90 }
}
