/**
 * The `erpsync` command line.
 *
 * @since 0.1.0
 */
import { Command, ValidationError } from "@effect/cli"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import { call } from "./internal/cli/call.js"
import * as client from "./internal/cli/client.js"
import * as codec from "./internal/cli/codec.js"
import { codegen } from "./internal/cli/codegen.js"
import { demo } from "./internal/cli/demo.js"
import { operations } from "./internal/cli/operations.js"
import { describeError } from "./internal/cli/report.js"
import { serve } from "./internal/cli/serve.js"

/**
 * The root command and its subcommands.
 *
 * @since 0.1.0
 * @category commands
 */
export const command = Command.make("erpsync").pipe(
  Command.withDescription("Talk to the SuperOffice NetServer ErpSync SOAP service"),
  Command.withSubcommands([
    codec.decode,
    codec.encode,
    operations,
    call,
    client.saveConnection,
    client.getConnection,
    client.deleteConnection,
    serve,
    demo,
    codegen
  ])
)

/**
 * Runs the command line with the given arguments (as in `process.argv`). A failure is reported on one
 * line of standard error and fails the effect, so that the process exits with status 1.
 *
 * @since 0.1.0
 * @category running
 */
export const run = (argv: ReadonlyArray<string>) =>
  Command.run(command, { name: "erpsync", version: "0.2.0" })(argv).pipe(
    Effect.tapError((error) =>
      // @effect/cli prints its own validation errors (with usage) already.
      ValidationError.isValidationError(error) ? Effect.void : Console.error(describeError(error))
    )
  )
