/**
 * The `erpsync` command line.
 *
 * @since 0.1.0
 */
import * as Cause from "effect/Cause"
import { CliError, Command } from "effect/cli"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import packageJson from "../package.json" with { type: "json" }
import { root } from "./internal/commands.js"
import { withPresenter } from "./internal/output.js"

/**
 * The root command and its subcommands.
 *
 * @since 0.1.0
 * @category commands
 */
export const command = root

/**
 * Runs the command line with the given arguments (as in `process.argv`: the program and the script
 * first). A failure is reported on one line of standard error and fails the effect, so that the process
 * exits with status 1.
 *
 * @example
 * ```ts
 * import { NodeServices } from "@effect/platform-node"
 * import { run } from "@erpsync/cli/Cli"
 * import { Effect } from "effect"
 *
 * // Prints the operations of both services as JSON.
 * const program = run(["node", "erpsync", "operations", "--format", "json"]).pipe(
 *   Effect.provide(NodeServices.layer)
 * )
 * ```
 *
 * @since 0.1.0
 * @category running
 */
export const run = (argv: ReadonlyArray<string>) =>
  Command.runWith(command, { version: packageJson.version })(argv.slice(2)).pipe(
    Effect.tapCause((cause) =>
      // The parser's errors were presented already, with help when it was asked for.
      Option.exists(Cause.findErrorOption(cause), CliError.isCliError)
        ? Effect.void
        : Effect.flatMap(Effect.promise(() => import("./internal/report.js")), ({ describeCause }) => {
          const line = describeCause(cause)
          return line === undefined ? Effect.void : Console.error(line)
        })
    ),
    withPresenter
  )
