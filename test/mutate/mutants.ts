/**
 * What `report.ts` and `confirm.ts` read of Stryker's JSON reports (`reports/mutation/<part>.json`), and
 * the key a surviving mutant's reason has in `reasons.json`.
 */
import * as path from "node:path"

export interface Position {
  readonly line: number
  readonly column: number
}
export interface Mutant {
  readonly mutatorName: string
  readonly replacement?: string
  readonly status: string
  readonly statusReason?: string
  readonly static?: boolean
  /** Lines and columns from 1, the end column past the mutated code. */
  readonly location: { readonly start: Position; readonly end: Position }
}
export interface Report {
  /** By file; `source` is the file's text as the run mutated it. */
  readonly files: Record<string, { readonly source?: string; readonly mutants: ReadonlyArray<Mutant> }>
  readonly framework?: { readonly version?: string }
}

export const root = path.resolve(import.meta.dirname, "../..")

/** A report's path of a file, relative to the codec's sources (each report spells paths its own way). */
export const short = (file: string): string =>
  path.relative(path.join(root, "packages/codec/src"), path.resolve(root, file))

/** The key of a mutant's reason in `reasons.json`: `file:line:column mutator replacement`. */
export const keyOf = (file: string, m: Mutant): string =>
  `${short(file)}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName} ${m.replacement ?? ""}`
