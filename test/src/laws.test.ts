/**
 * The codec's laws, from `@erpsync/conformance`, for every message of every service in the registry, with
 * XSD validity against the message's WSDL. `ERPSYNC_LAW_RUNS` sets the cases per law and message
 * (default 100; `pnpm laws` runs 1,000). `ERPSYNC_LAW_MESSAGES=covering` runs them over the fewest messages
 * that have every XML shape of all (`pnpm mutate` does, for every mutant).
 */
import { Laws } from "@erpsync/conformance"
import * as fs from "node:fs"
import { afterAll, describe, it } from "vitest"
import { covering, messages as all } from "./support/messages.js"
import { extractSchemas } from "./support/reference.js"

const RUNS = Number(process.env["ERPSYNC_LAW_RUNS"] ?? 100)
const messages = process.env["ERPSYNC_LAW_MESSAGES"] === "covering" ? covering(all) : all

const schemaSets = new Map([...new Set(messages.map((m) => m.wsdl))].map((wsdl) => [wsdl, extractSchemas(wsdl)]))
afterAll(() => {
  for (const set of schemaSets.values()) fs.rmSync(set.dir, { recursive: true, force: true })
})

describe.each(messages.map((m) => [m.label, m] as const))("%s", (_, { schema, wsdl }) => {
  for (const law of Laws.of(schema, { runs: RUNS, schemas: schemaSets.get(wsdl)! })) {
    it.skipIf(law.skip !== undefined)(law.name, law.run)
  }
})
