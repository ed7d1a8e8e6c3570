/**
 * What the command line writes for its own events: help on standard output (`help.ts`: plain text at 80
 * columns), the version alone, and an invocation it cannot run as one line on standard error, without the help, so that
 * every failure is one line.
 */
import { type CliError, CliOutput, type HelpDoc } from "effect/cli"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import { formatHelpDoc } from "./help.js"

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, "; ").trim()

/** The names of the subcommands a help document lists. */
const subcommandsOf = (doc: HelpDoc.HelpDoc): ReadonlyArray<string> =>
  (doc.subcommands ?? []).flatMap((group) => group.commands.map((command) => command.name))

/** One parse or validation error in one line, with the names it may have meant. */
const describe = (error: CliError.NonShowHelpErrors, doc: HelpDoc.HelpDoc): string => {
  switch (error._tag) {
    case "UnknownSubcommand": {
      const first = error.message.split("\n")[0]!
      return error.suggestions.length > 0
        ? `${first} (did you mean ${error.suggestions.join(", ")}?)`
        : `${first}; use one of ${subcommandsOf(doc).join(", ")}`
    }
    case "UnrecognizedOption": {
      const first = error.message.split("\n")[0]!
      return error.suggestions.length > 0 ? `${first} (did you mean ${error.suggestions.join(", ")}?)` : first
    }
    default:
      return oneLine(error.message)
  }
}

/** The command line's presenter of help, version and invalid invocations. */
export const presenter: CliOutput.Presenter = {
  present: (event) => {
    switch (event._tag) {
      case "Help":
        return Console.log(formatHelpDoc(event.helpDoc))
      case "Version":
        return Console.log(event.version)
      case "InvalidInvocation":
        return Console.error(event.errors.map((error) => describe(error, event.helpDoc)).join("; "))
    }
  }
}

/** Runs `effect` with the command line's presenter. */
export const withPresenter = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.provideService(effect, CliOutput.Presenter, presenter)
