/**
 * The `erpsync` command line.
 *
 * @since 0.1.0
 */
import { ValidationError } from "@effect/cli"
import * as Command from "@effect/cli/Command"
import * as Cause from "effect/Cause"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import packageJson from "../package.json" with { type: "json" }
import { root } from "./internal/commands.js"
import { withTerminal } from "./internal/terminal.js"

/**
 * The root command and its subcommands.
 *
 * @since 0.1.0
 * @category commands
 */
export const command = root

/**
 * Runs the command line with the given arguments (as in `process.argv`). A failure is reported on one
 * line of standard error and fails the effect, so that the process exits with status 1.
 *
 * @since 0.1.0
 * @category running
 */
export const run = (argv: ReadonlyArray<string>) =>
  Command.run(command, { name: "erpsync", version: packageJson.version })(argv).pipe(
    Effect.tapErrorCause((cause) =>
      // @effect/cli prints its own validation errors already.
      Cause.failureOption(cause).pipe(Option.exists(ValidationError.isValidationError))
        ? Effect.void
        : Effect.flatMap(Effect.promise(() => import("./internal/report.js")), ({ describeCause }) => {
          const line = describeCause(cause)
          return line === undefined ? Effect.void : Console.error(line)
        })
    ),
    withTerminal
  )
