/**
 * The command line's help, as a person reads it at 80 columns: what the command does, its usage line, its
 * arguments and flags with what each is for (wrapped under its name when it is long), its examples, and
 * the global flags that matter (`--help`, `--version`), without the CLI library's others.
 */
import type { HelpDoc } from "effect/cli"
import * as Option from "effect/Option"

const WIDTH = 80
/** The widest a name column gets before the text goes under the name. */
const NAME_COLUMN = 30

/** `text` in lines of at most `width` columns, each starting with `indent`. */
export const wrap = (text: string, indent: string, width = WIDTH): ReadonlyArray<string> => {
  const lines: Array<string> = []
  let line = indent
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line.length > indent.length && line.length + 1 + word.length > width) {
      lines.push(line)
      line = indent
    }
    line += line.length > indent.length ? ` ${word}` : word
  }
  if (line.length > indent.length) lines.push(line)
  return lines
}

/** Rows of a name and what it is, the text beside the names or under a name too long for the column. */
const table = (rows: ReadonlyArray<readonly [name: string, text: string]>): ReadonlyArray<string> => {
  const fitting = rows.map(([name]) => name.length).filter((length) => length <= NAME_COLUMN)
  const column = 2 + Math.max(0, ...fitting) + 2
  return rows.flatMap(([name, text]) => {
    const lines = wrap(text, " ".repeat(column))
    if (2 + name.length + 2 > column || lines.length === 0) {
      return [`  ${name}`, ...(text === "" ? [] : wrap(text, " ".repeat(Math.min(column, 8))))]
    }
    return [`  ${name.padEnd(column - 2)}${lines[0]!.slice(column)}`, ...lines.slice(1)]
  })
}

/**
 * A command line to copy, at 80 columns: broken between words (never inside quotes) and continued with
 * `\` on the next lines, indented.
 */
const commandLines = (command: string): ReadonlyArray<string> => {
  const words = command.match(/(?:[^\s'"]+|'[^']*'|"[^"]*")+/g) ?? []
  const lines: Array<string> = []
  let line = "    "
  for (const word of words) {
    if (line.trim() !== "" && line.length + 1 + word.length > WIDTH - 2) {
      lines.push(`${line} \\`)
      line = "      "
    }
    line += line.trim() === "" ? word : ` ${word}`
  }
  return [...lines, line]
}

const flagName = (flag: HelpDoc.FlagDoc): string => {
  const names = [`--${flag.name}`, ...flag.aliases].join(", ")
  return flag.type === "boolean" ? names : `${names} <${flag.type}>`
}

const flagRows = (flags: ReadonlyArray<HelpDoc.FlagDoc>) =>
  flags.map((flag) => [flagName(flag), Option.getOrElse(flag.description, () => "")] as const)

const section = (title: string, lines: ReadonlyArray<string>): ReadonlyArray<string> =>
  lines.length === 0 ? [] : ["", `${title}:`, ...lines]

/** The help of a command. */
export const formatHelpDoc = (doc: HelpDoc.HelpDoc): string =>
  [
    ...wrap(doc.description, ""),
    "",
    ...wrap(`Usage: ${doc.usage}`, "").map((line, i) => (i === 0 ? line : `  ${line}`)),
    ...section(
      "Arguments",
      table((doc.args ?? []).map((arg) => [
        arg.required ? `<${arg.name}>` : `[<${arg.name}>]`,
        Option.getOrElse(arg.description, () => "")
      ]))
    ),
    ...section(
      "Commands",
      table((doc.subcommands ?? []).flatMap((group) => group.commands.map((c) => [c.name, c.description] as const)))
    ),
    ...section("Flags", table(flagRows([...doc.flags, ...(doc.inheritedFlags ?? [])]))),
    ...section(
      "Examples",
      (doc.examples ?? []).flatMap((example) => [
        ...(example.description === undefined ? [] : wrap(`${example.description}:`, "  ")),
        ...commandLines(example.command)
      ])
    ),
    ...section(
      "Global flags",
      table(flagRows((doc.globalFlags ?? []).filter((flag) => flag.name === "help" || flag.name === "version")))
    )
  ].join("\n")
