/**
 * A short mutation-fuzzing campaign (HOSTILE-INPUTS.md cases 27 and 28); `pnpm fuzz` runs a long one.
 * `ERPSYNC_FUZZ_RUNS` sets its cases (default 3,000).
 */
import * as fc from "fast-check"
import { expect, it } from "vitest"
import { fuzzCase, runCase } from "./support/mutations.js"

it("mutated envelopes decode to a valid value or a typed error, never a throw or a polluted prototype", () => {
  const counts = new Map<string, number>()
  fc.assert(
    fc.property(fuzzCase, (c) => {
      const result = runCase(c)
      counts.set(result.outcome, (counts.get(result.outcome) ?? 0) + 1)
      expect(result.violation).toBeUndefined()
    }),
    { numRuns: Number(process.env["ERPSYNC_FUZZ_RUNS"] ?? 3000) }
  )
  // The campaign reaches both values and several kinds of typed error.
  expect(counts.get("value") ?? 0).toBeGreaterThan(0)
  expect([...counts.keys()].filter((k) => k !== "value").length).toBeGreaterThanOrEqual(4)
})
