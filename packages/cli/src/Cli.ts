/**
 * The `erpsync` command line.
 *
 * @since 0.1.0
 */
import { ValidationError } from "@effect/cli"
import * as Command from "@effect/cli/Command"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
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
    Effect.tapError((error) =>
      // @effect/cli prints its own validation errors already.
      ValidationError.isValidationError(error)
        ? Effect.void
        : Effect.flatMap(Effect.promise(() => import("./internal/report.js")), ({ describeError }) =>
          Console.error(describeError(error)))
    ),
    withTerminal
  )
