/**
 * Writes the figures of the last `pnpm mutate` (every part's report joined) into `test/MUTATION.md`,
 * between its markers: the score, a
 * row per file, the ignored mutants (the wording of error messages) and every surviving mutant with why it
 * survives, from `test/mutate/reasons.json` (keyed `file:line:column mutator replacement`). A survivor
 * without a reason is listed as unexplained, and a reason no survivor has any more is reported.
 */
import * as fs from "node:fs"
import * as path from "node:path"
// @ts-expect-error: a plain ES module of Stryker's plugin API, without type declarations
import { MESSAGE_WORDING } from "./messages.mjs"
import { keyOf, type Mutant, type Report, root, short } from "./mutants.js"
import parts from "./parts.json" with { type: "json" }

const reasonsFile = path.join(import.meta.dirname, "reasons.json")
const target = path.join(root, "test/MUTATION.md")

/** Lines `from` to `to` of a file, for a part that mutates only those (Stryker's `file:from-to`). */
interface Lines {
  readonly from: number
  readonly to: number
}
const RANGE = /^(.*):(\d+)-(\d+)$/
/** The lines of `file` that `part` mutates, if it names a range of it. */
const linesOf = (part: string, file: string): Lines | undefined => {
  for (const pattern of (parts as Record<string, Array<string>>)[part]!) {
    const match = RANGE.exec(pattern)
    if (match !== null && path.resolve(root, match[1]!) === path.resolve(root, file)) {
      return { from: Number(match[2]), to: Number(match[3]) }
    }
  }
  return undefined
}

// The parts run so far: a part not run yet is named in the figures, not guessed.
const missing: Array<string> = []
const reports = Object.keys(parts).flatMap((part) => {
  const file = path.join(root, `reports/mutation/${part}.json`)
  if (!fs.existsSync(file)) {
    missing.push(part)
    return []
  }
  return [{ part, at: fs.statSync(file).mtimeMs, report: JSON.parse(fs.readFileSync(file, "utf8")) as Report }]
}).sort((a, b) => a.at - b.at)
/**
 * Whether `part` mutates `file` (`parts.json`'s patterns, a `!` one leaving out). A report may name files
 * the part no longer mutates: Stryker's incremental mode keeps every file of the report it started from.
 */
const mutates = (part: string, file: string): boolean => {
  const patterns = (parts as Record<string, Array<string>>)[part]!.map((p) => RANGE.exec(p)?.[1] ?? p)
  return patterns.some((p) => !p.startsWith("!") && path.matchesGlob(file, p)) &&
    !patterns.some((p) => p.startsWith("!") && path.matchesGlob(file, p.slice(1)))
}

// A file is counted once, from the newest report of a part that mutates it: a part whose files changed
// (parts.json) may leave an older report naming the same file, and each report spells paths its own way.
// A part that mutates a range of a file's lines (a file too large for one run) gives that range's mutants
// only.
const files: Record<string, Report["files"][string]> = {}
for (const { part, report } of reports) {
  for (const [file, entry] of Object.entries(report.files)) {
    const name = path.relative(root, path.resolve(root, file))
    if (!mutates(part, name)) continue
    const lines = linesOf(part, file)
    if (lines === undefined) {
      files[name] = entry
      continue
    }
    const within = (m: Mutant) => m.location.start.line >= lines.from && m.location.start.line <= lines.to
    files[name] = {
      mutants: [...(files[name]?.mutants ?? []).filter((m) => !within(m)), ...entry.mutants.filter(within)]
    }
  }
}
const report: Report = { files, framework: reports.at(-1)?.report.framework ?? {} }
const reasons = JSON.parse(fs.readFileSync(reasonsFile, "utf8")) as Record<string, string>

const DETECTED = new Set(["Killed", "Timeout"])
const UNDETECTED = new Set(["Survived", "NoCoverage"])
const code = (text: string) => "`` " + text.replace(/\s+/g, " ").replace(/\|/g, "\\|").slice(0, 60) + " ``"
const percent = (detected: number, valid: number) => valid === 0 ? "n/a" : `${(100 * detected / valid).toFixed(2)} %`

const rows: Array<string> = []
const survivors: Array<string> = []
/** Ignored mutants, `file:line`, by the reason given: the wording of messages, or a `Stryker disable` comment. */
const ignored = new Map<string, Array<string>>()
const used = new Set<string>()
const totals = {
  detected: 0,
  valid: 0,
  killed: 0,
  timeout: 0,
  survived: 0,
  noCoverage: 0,
  ignored: 0,
  equivalent: 0,
  errors: 0
}

for (const [file, { mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  let detected = 0
  let valid = 0
  for (const m of mutants) {
    if (m.status === "Ignored") {
      totals.ignored++
      if (m.statusReason !== MESSAGE_WORDING) totals.equivalent++
      const reason = m.statusReason ?? "no reason given"
      ignored.set(reason, [...(ignored.get(reason) ?? []), `${short(file)}:${m.location.start.line}`])
      continue
    }
    if (m.status === "Killed") totals.killed++
    if (m.status === "Timeout") totals.timeout++
    if (m.status === "Survived") totals.survived++
    if (m.status === "NoCoverage") totals.noCoverage++
    if (!DETECTED.has(m.status) && !UNDETECTED.has(m.status)) {
      totals.errors++
      continue
    }
    valid++
    if (DETECTED.has(m.status)) {
      detected++
      continue
    }
    const key = keyOf(file, m)
    used.add(key)
    const why = reasons[key] ?? "**not yet explained**"
    survivors.push(
      `| ${short(file)}:${m.location.start.line}:${m.location.start.column} | ${m.mutatorName}${
        m.static === true ? " (static)" : ""
      } | ${code(m.replacement ?? "")} | ${m.status === "NoCoverage" ? "no test reaches it. " : ""}${why} |`
    )
  }
  totals.detected += detected
  totals.valid += valid
  rows.push(`| ${short(file)} | ${valid} | ${detected} | ${valid - detected} | ${percent(detected, valid)} |`)
}

/** `file: lines …` for each file of `places` (`file:line`). */
const byFile = (places: ReadonlyArray<string>): Array<string> => {
  const lines = new Map<string, Array<string>>()
  for (const at of places) {
    const [file, line] = at.split(":") as [string, string]
    lines.set(file, [...(lines.get(file) ?? []), line])
  }
  return [...lines].map(([file, list]) => `  - ${file}: lines ${[...new Set(list)].join(", ")}`)
}

const section = [
  `**Mutation score: ${percent(totals.detected, totals.valid)}** of ${totals.valid} mutants ` +
  `(${totals.killed} killed, ${totals.timeout} timed out, ${totals.survived} survived, ${totals.noCoverage} without ` +
  `coverage${totals.errors > 0 ? `, ${totals.errors} that did not run` : ""}); ${totals.ignored} ignored (below, ` +
  `with why). StrykerJS ${report.framework?.version ?? ""}, default mutators. Excluding only the wording of ` +
  `messages, and so counting the ${totals.equivalent} mutants marked equivalent as survivors: ` +
  `**${percent(totals.detected, totals.valid + totals.equivalent)}**.` +
  (missing.length === 0 ? "" : ` **Parts not run yet: ${missing.join(", ")}** (\`pnpm mutate ${missing.join(" ")}\`).`),
  "",
  "| file | mutants | detected | survived | score |",
  "|---|---:|---:|---:|---:|",
  ...rows,
  "",
  "### Surviving mutants",
  "",
  "| where | mutator | replacement | why it survives |",
  "|---|---|---|---|",
  ...survivors,
  "",
  "### Ignored",
  "",
  "Left out of the score: the wording of error messages (by `test/mutate/messages.mjs`), and mutants a",
  "`// Stryker disable` comment in the source marks as equivalent, with why.",
  "",
  ...[...ignored].sort(([a], [b]) => a.localeCompare(b)).flatMap(([reason, places]) => [
    `- ${reason} (${places.length}):`,
    ...byFile(places)
  ])
].join("\n")

const BEGIN = "<!-- mutate:begin -->"
const END = "<!-- mutate:end -->"
const before = fs.readFileSync(target, "utf8")
const start = before.indexOf(BEGIN)
const end = before.indexOf(END)
if (start === -1 || end === -1) throw new Error(`${target} needs the markers ${BEGIN} and ${END}`)
fs.writeFileSync(target, before.slice(0, start + BEGIN.length) + "\n" + section + "\n" + before.slice(end))

const orphans = Object.keys(reasons).filter((key) => !used.has(key))
console.log(`${target}: ${percent(totals.detected, totals.valid)} (${survivors.length} surviving)`)
if (orphans.length > 0) console.log(`reasons no surviving mutant has any more:\n  ${orphans.join("\n  ")}`)
const unexplained = survivors.filter((row) => row.includes("not yet explained")).length
if (unexplained > 0) console.log(`${unexplained} surviving mutants without a reason in ${reasonsFile}`)
