/**
 * `pnpm mutate`: one Stryker run per part of the codec (`parts.json`), one after the other, then the report.
 * `pnpm mutate decoder text` runs only those parts. The exit code is 1 if a run failed.
 */
import { spawnSync } from "node:child_process"
import * as fs from "node:fs"
import parts from "./parts.json" with { type: "json" }

interface IncrementalReport {
  readonly files: Record<string, { mutants: Array<{ readonly status: string }> }>
}

/**
 * Stryker's incremental mode keeps a mutant's result as long as its code is unchanged, and with this
 * runner it does not see tests added since: a survivor would stay one whatever new test kills it (seen
 * for static mutants, run against every test, and for others alike). Forgetting every survivor has
 * Stryker test them again; killed results are reused.
 */
const forgetSurvivors = (part: string): void => {
  const file = `reports/mutation/${part}.incremental.json`
  if (!fs.existsSync(file)) return
  const report = JSON.parse(fs.readFileSync(file, "utf8")) as IncrementalReport
  let forgotten = 0
  for (const entry of Object.values(report.files)) {
    const kept = entry.mutants.filter((m) => m.status !== "Survived" && m.status !== "NoCoverage")
    forgotten += entry.mutants.length - kept.length
    entry.mutants = kept
  }
  fs.writeFileSync(file, JSON.stringify(report))
  console.log(`${part}: ${forgotten} survivors to test again`)
}

const chosen = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(parts)
let failed = false
for (const part of chosen) {
  if (!(part in parts)) throw new Error(`${part} is none of ${Object.keys(parts).join(", ")}`)
  console.log(`\n# ${part}`)
  forgetSurvivors(part)
  const run = spawnSync("npx", ["stryker", "run"], {
    stdio: "inherit",
    env: { ...process.env, ERPSYNC_MUTATE_PART: part }
  })
  failed ||= run.status !== 0
}
const report = spawnSync("npx", ["tsx", "test/mutate/report.ts"], { stdio: "inherit" })
process.exit(failed || report.status !== 0 ? 1 : 0)
