// @ts-check
/**
 * `pnpm mutate`: mutation testing of the codec (`packages/codec/src`) against its own suite
 * (`vitest.mutate.config.ts`), with Stryker's default mutators. The codec is tested in parts, one Stryker
 * run each (`test/mutate/run.ts` sets `ERPSYNC_MUTATE_PART`), each with its own report and incremental
 * file under `reports/mutation/`: a part that finished is kept if a later part is interrupted, and a run
 * again tests only mutants whose code or tests changed. `test/mutate/report.ts` joins the parts into
 * `test/MUTATION.md`.
 *
 * @type {import("@stryker-mutator/api/core").PartialStrykerOptions}
 */
import process from "node:process"
import parts from "./test/mutate/parts.json" with { type: "json" }

const part = process.env["ERPSYNC_MUTATE_PART"]
/** @type {Record<string, Array<string>>} */
const byName = parts
const files = part === undefined ? ["packages/codec/src/**/*.ts"] : byName[part]
if (files === undefined) throw new Error(`ERPSYNC_MUTATE_PART=${part} is none of ${Object.keys(byName).join(", ")}`)
const name = part ?? "all"

export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutate.config.ts", related: false },
  plugins: ["@stryker-mutator/vitest-runner", "./test/mutate/messages.mjs"],
  mutate: files,
  // Built output is not tested here, and the command line's tests rebuild it: a copy taken while they do
  // would miss files.
  ignorePatterns: ["packages/*/dist", "packages/*/docs"],
  ignorers: ["ErrorMessages"],
  coverageAnalysis: "perTest",
  concurrency: 2,
  // A mutant slower than this is a time-out (counted as detected): generous, for runs beside other work on two cores.
  timeoutMS: 30_000,
  reporters: ["progress", "json", "html"],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  incremental: true,
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  thresholds: { high: 95, low: 90, break: null }
}
