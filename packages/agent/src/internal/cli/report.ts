/**
 * How the command line reports a failure: one line on standard error, with the error's tag and what it
 * carries, never a stack trace and never a secret.
 */
import * as ParseResult from "effect/ParseResult"

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, "; ").trim()

/** One line describing an error. */
export const describeError = (error: unknown): string => {
  if (ParseResult.isParseError(error)) {
    return `ParseError: ${oneLine(ParseResult.TreeFormatter.formatErrorSync(error))}`
  }
  if (typeof error === "object" && error !== null && "_tag" in error) {
    const tag = String((error as { _tag: unknown })._tag)
    const message = error instanceof Error ? error.message : ""
    return oneLine(message === "" ? tag : `${tag}: ${message}`)
  }
  return oneLine(error instanceof Error ? `${error.name}: ${error.message}` : String(error))
}
