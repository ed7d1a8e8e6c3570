/**
 * `pnpm fuzz`: a long mutation-fuzzing campaign with a fixed seed (printed), counts per outcome, and the
 * time and peak memory of two extreme inputs: a document nested 1,000,000 deep and a 50 MB text node.
 *
 *   pnpm fuzz [--runs N] [--seed S]
 */
import { XmlCodec } from "@erpsync/codec"
import { ErpSync } from "@erpsync/schema"
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import * as fc from "fast-check"
import { lazyInput } from "../src/support/huge.js"
import { fuzzCase, runCase } from "../src/support/mutations.js"

const argument = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`)
  return at === -1 ? fallback : Number(process.argv[at + 1])
}
const runs = argument("runs", 100_000)
const seed = argument("seed", 20261128)

const S = "http://schemas.xmlsoap.org/soap/envelope/"
const NS = "http://www.superoffice.net/ws/crm/NetServer/Services86"
const OPEN = `<s:Envelope xmlns:s="${S}"><s:Body><SaveConnectionResponse xmlns="${NS}"><Response>`

/** Decodes a lazily generated input, sampling memory as each chunk arrives. */
const extreme = async (label: string, input: ReturnType<typeof lazyInput>) => {
  const before = process.memoryUsage()
  let peakHeap = before.heapUsed
  let peakRss = before.rss
  const sample = () => {
    const now = process.memoryUsage()
    peakHeap = Math.max(peakHeap, now.heapUsed)
    peakRss = Math.max(peakRss, now.rss)
  }
  const start = performance.now()
  const error = await Effect.runPromise(
    XmlCodec.decodeStream(ErpSync.SaveConnectionResponse)(input.stream.pipe(Stream.tap(() => Effect.sync(sample))))
      .pipe(
        Effect.flip
      )
  )
  sample()
  const elapsed = performance.now() - start
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1)
  console.log(
    `${label}: ${error._tag} (${"reason" in error ? error.reason : ""}) after ${elapsed.toFixed(0)} ms; ` +
      `read ${mb(input.produced())} of ${mb(input.total)} MB; ` +
      `peak heap growth ${mb(peakHeap - before.heapUsed)} MB, peak RSS growth ${mb(peakRss - before.rss)} MB`
  )
}

const main = async () => {
  console.log(`fuzz: ${runs} cases, seed ${seed}`)
  const counts = new Map<string, number>()
  const violations: Array<string> = []
  const start = performance.now()
  fc.assert(
    fc.property(fuzzCase, (c) => {
      const result = runCase(c)
      counts.set(result.outcome, (counts.get(result.outcome) ?? 0) + 1)
      if (result.violation !== undefined) {
        violations.push(result.violation)
        return false
      }
      return true
    }),
    { numRuns: runs, seed }
  )
  const elapsed = (performance.now() - start) / 1000
  console.log(`\n| outcome | cases |\n| --- | ---: |`)
  for (const [outcome, count] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`| ${outcome} | ${count} |`)
  console.log(`\n${runs} cases in ${elapsed.toFixed(1)} s; untyped failures: ${violations.length}\n`)

  await extreme("1,000,000 levels deep", lazyInput(OPEN, "<x>", 1_000_000, ""))
  await extreme("50 MB text node", lazyInput(OPEN + "<DisplayName>", "a".repeat(1024), 50 * 1024, "</DisplayName>"))
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
