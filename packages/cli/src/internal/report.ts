/**
 * How the command line reports a failure: one line on standard error, with the error's tag and what it
 * carries, never a stack trace and never a secret.
 */
import * as ParseResult from "effect/ParseResult"
import { describeIssues } from "./issues.js"

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, "; ").trim()

/** Every problem of a JSON input, by its path, in plain words, on one line. */
const describeParseError = (error: ParseResult.ParseError): string => {
  const problems = describeIssues(error.issue)
  return `${problems.length === 1 ? "1 problem" : `${problems.length} problems`}: ${problems.join("; ")}`
}

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
