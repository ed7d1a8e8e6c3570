/**
 * Writes the table of operations (`erpsync operations --format markdown`, on standard input) into
 * README.md, between its `operations:begin` and `operations:end` markers. Run by `pnpm codegen`, so that
 * the table follows the registry; a test checks that it does.
 */
import * as fs from "node:fs"

const BEGIN = "<!-- operations:begin (written by pnpm codegen from the registry) -->"
const END = "<!-- operations:end -->"

/** The README with `table` between the markers. */
export const withTable = (readme: string, table: string): string => {
  const start = readme.indexOf(BEGIN)
  const end = readme.indexOf(END)
  if (start === -1 || end < start) throw new Error(`README.md has no ${BEGIN} … ${END} region`)
  return `${readme.slice(0, start + BEGIN.length)}\n\n${table.trim()}\n\n${readme.slice(end)}`
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/^.*[\\/]/, ""))) {
  const table = fs.readFileSync(0, "utf8")
  const file = new URL("../../README.md", import.meta.url)
  fs.writeFileSync(file, withTable(fs.readFileSync(file, "utf8"), table))
}
