/**
 * How the command line reports a failure: one line on standard error, with the error's tag and what it
 * carries, never a stack trace and never a secret.
 */
import * as ParseResult from "effect/ParseResult"

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, "; ").trim()

/**
 * Every problem of a JSON input, by its path and what was expected. The value found is left out: it may be
 * a password or a token given where another type was expected.
 */
const describeParseError = (error: ParseResult.ParseError): string =>
  ParseResult.ArrayFormatter.formatErrorSync(error).map((issue) => {
    const path = issue.path.map((key) =>
      typeof key === "string" && /^[A-Za-z_]\w*$/.test(key) ? key : `[${String(key)}]`
    )
      .join(".").replace(/\.\[/g, "[")
    const message = issue.message.replace(/,\s*actual\b[\s\S]*$/, "").replace(/\s+/g, " ")
    return `${path === "" ? "" : `${path}: `}${message}`
  }).join("; ")

/** One line describing an error. */
export const describeError = (error: unknown): string => {
  if (ParseResult.isParseError(error)) {
    return `ParseError: ${describeParseError(error)}`
  }
  if (typeof error === "object" && error !== null && "_tag" in error) {
    const tag = String((error as { _tag: unknown })._tag)
    const message = error instanceof Error ? error.message : ""
    return oneLine(message === "" ? tag : `${tag}: ${message}`)
  }
  return oneLine(error instanceof Error ? `${error.name}: ${error.message}` : String(error))
}
