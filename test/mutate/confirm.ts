/**
 * `pnpm mutate:confirm <part> [test file names…]`: applies each mutant that survived the part's last
 * Stryker run (`reports/mutation/<part>.json`) to the source as it is now, one at a time, runs the codec's
 * suite against it (`vitest.mutate.config.ts`, or only the named files of it, `json-reader` for
 * `test/src/json-reader.test.ts`), and says which the suite kills now: a test written after the run, or one
 * Stryker's per-test coverage did not select for the mutant. A mutant whose code changed since the run is
 * reported as moved. It changes the sources in place while it runs (each file is put back after its
 * mutant, and by the next run if this one is stopped): run it in a worktree of its own, not beside work in
 * progress.
 *
 * What it prints is evidence for `reasons.json` ("applied by hand, it fails"); the score stays Stryker's.
 */
import { spawnSync } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import { stripVTControlCharacters } from "node:util"
import { keyOf, type Position, type Report, root } from "./mutants.js"

const [part, ...names] = process.argv.slice(2)
if (part === undefined) throw new Error("usage: mutate:confirm <part> [test file names…]")
const report = JSON.parse(fs.readFileSync(path.join(root, `reports/mutation/${part}.json`), "utf8")) as Report
const files = names.map((name) => `test/src/${name}.test.ts`)

/** The offset of a report's position (line and column from 1) in `text`. */
const offsetOf = (text: string, { column, line }: Position): number => {
  let at = 0
  for (let l = 1; l < line; l++) at = text.indexOf("\n", at) + 1
  return at + column - 1
}

/**
 * Where the mutated code is in `current`: the one place that has it with the same text around it (up to
 * 60 characters each side, fewer near the ends, or on one side only, where the other changed), or
 * `undefined`.
 */
const placeIn = (current: string, source: string, start: number, end: number): number | undefined => {
  for (const around of [60, 30, 12]) {
    const before = source.slice(Math.max(0, start - around), start)
    const after = source.slice(end, end + around)
    for (const [b, a] of [[before, after], [before, ""], ["", after]] as const) {
      const needle = b + source.slice(start, end) + a
      const found = current.indexOf(needle)
      if (found !== -1 && current.indexOf(needle, found + 1) === -1) return found + b.length
    }
  }
  return undefined
}

// The file a mutant is applied to is kept here first: a run stopped any way leaves it for the next run to
// put back before it starts.
const kept = path.join(root, "reports/mutation/confirm-kept")
const putBack = (): void => {
  if (!fs.existsSync(kept)) return
  for (const name of fs.readdirSync(kept, { recursive: true, encoding: "utf8" })) {
    const from = path.join(kept, name)
    if (fs.statSync(from).isFile()) fs.copyFileSync(from, path.join(root, name))
  }
  fs.rmSync(kept, { recursive: true })
}
putBack()
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    putBack()
    process.exit(1)
  })
}

const counts = { killed: 0, survives: 0, moved: 0, invalid: 0 }
for (const [file, entry] of Object.entries(report.files)) {
  const target = path.resolve(root, file)
  const current = fs.readFileSync(target, "utf8")
  const source = entry.source
  if (source === undefined) throw new Error(`${part}.json has no source of ${file}: run Stryker with its json reporter`)
  for (const m of entry.mutants) {
    if (m.status !== "Survived" && m.status !== "NoCoverage") continue
    const start = offsetOf(source, m.location.start)
    const end = offsetOf(source, m.location.end)
    // As reasons.json keys it.
    const name = keyOf(file, m)
    const at = placeIn(current, source, start, end)
    if (at === undefined) {
      counts.moved++
      console.log(`moved     ${name}`)
      continue
    }
    const copy = path.join(kept, path.relative(root, target))
    fs.mkdirSync(path.dirname(copy), { recursive: true })
    fs.writeFileSync(copy, current)
    fs.writeFileSync(target, current.slice(0, at) + (m.replacement ?? "") + current.slice(at + end - start))
    const run = spawnSync("npx", ["vitest", "run", "--config", "vitest.mutate.config.ts", "--bail=1", ...files], {
      cwd: root,
      encoding: "utf8",
      // A mutant that loops for ever (a scanner that no longer moves on) is detected, as Stryker counts it.
      timeout: 180_000,
      killSignal: "SIGKILL"
    })
    putBack()
    if (run.error !== undefined) {
      counts.killed++
      console.log(`timed out ${name}`)
    } else if (run.status === 0) {
      counts.survives++
      console.log(`survives  ${name}`)
    } else if (/Transform failed/.test(run.stdout + run.stderr)) {
      counts.invalid++
      console.log(`invalid   ${name}`)
    } else {
      counts.killed++
      // vitest names a failing test on its standard error.
      const failing = /FAIL\s+([^\n]*)/.exec(stripVTControlCharacters(run.stderr))?.[1] ?? `exit ${run.status}`
      console.log(`killed    ${name}   (${failing.trim()})`)
    }
  }
}
console.log(
  `${counts.killed} killed, ${counts.survives} survive, ${counts.moved} moved, ${counts.invalid} not valid code`
)
