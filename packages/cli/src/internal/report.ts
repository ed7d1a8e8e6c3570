/**
 * How the command line reports a failure: one line on standard error, with the error's tag and what it
 * carries (and what caused it, when it says more), never a stack trace and never a secret.
 */
import * as Cause from "effect/Cause"
import * as Config from "effect/Config"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { describeIssues } from "./issues.js"

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, "; ").trim()

/** Every problem of a JSON input, by its path, in plain words. */
const describeSchemaError = (error: Schema.SchemaError): string => {
  const problems = describeIssues(error.issue)
  return `${problems.length === 1 ? "1 problem" : `${problems.length} problems`}: ${problems.join("; ")}`
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : typeof error === "string" ? error : ""

/** One line describing an error. */
export const describeError = (error: unknown): string => {
  if (Schema.isSchemaError(error)) return oneLine(`SchemaError: ${describeSchemaError(error)}`)
  // A configuration error names the variable and what is wrong with it in its text.
  if (error instanceof Config.ConfigError) return oneLine(`ConfigError: ${error.message}`)
  if (typeof error === "object" && error !== null && "_tag" in error) {
    const tag = String((error as { _tag: unknown })._tag)
    const message = messageOf(error)
    // An error that only wraps another (a server that could not listen) is described by its cause.
    const cause = message === "" && "cause" in error ? messageOf((error as { cause: unknown }).cause) : ""
    const detail = message !== "" ? message : cause
    return oneLine(detail === "" ? tag : `${tag}: ${detail}`)
  }
  return oneLine(error instanceof Error ? `${error.name}: ${error.message}` : String(error))
}

/**
 * One line describing how a command ended when it did not succeed: its typed failure, or a defect (a bug,
 * or a failure nothing expected), or nothing for an interruption (Ctrl-C).
 */
export const describeCause = (cause: Cause.Cause<unknown>): string | undefined => {
  const failure = Cause.findErrorOption(cause)
  if (Option.isSome(failure)) return describeError(failure.value)
  if (Cause.hasInterruptsOnly(cause)) return undefined
  const defect = Cause.squash(cause)
  return oneLine(`Defect: ${messageOf(defect) === "" ? String(defect) : messageOf(defect)}`)
}
