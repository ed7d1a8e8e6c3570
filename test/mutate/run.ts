/**
 * `pnpm mutate`: one Stryker run per part of the codec (`parts.json`), one after the other, then the report.
 * `pnpm mutate decoder text` runs only those parts. The exit code is 1 if a run failed.
 */
import { spawnSync } from "node:child_process"
import parts from "./parts.json" with { type: "json" }

const chosen = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(parts)
let failed = false
for (const part of chosen) {
  if (!(part in parts)) throw new Error(`${part} is none of ${Object.keys(parts).join(", ")}`)
  console.log(`\n# ${part}`)
  const run = spawnSync("npx", ["stryker", "run"], {
    stdio: "inherit",
    env: { ...process.env, ERPSYNC_MUTATE_PART: part }
  })
  failed ||= run.status !== 0
}
const report = spawnSync("npx", ["tsx", "test/mutate/report.ts"], { stdio: "inherit" })
process.exit(failed || report.status !== 0 ? 1 : 0)
