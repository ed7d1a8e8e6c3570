/**
 * `erpsync serve`: the local ErpSync server, until stopped.
 */
import { Command, Options } from "@effect/cli"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as ErpSyncServer from "../../ErpSyncServer.js"

export const serve = Command.make(
  "serve",
  {
    port: Options.integer("port").pipe(
      Options.withDescription("Port to listen on (0: any free port)"),
      Options.withDefault(0)
    ),
    host: Options.text("host").pipe(Options.withDescription("Address to listen on"), Options.withDefault("127.0.0.1")),
    ticket: Options.text("ticket").pipe(Options.withDescription("Require this ticket"), Options.optional)
  },
  ({ host, port, ticket }) =>
    Effect.scoped(
      Effect.gen(function*() {
        const server = yield* ErpSyncServer.make({ port, host, ticket: Option.getOrUndefined(ticket) })
        yield* Console.log(server.url)
        return yield* Effect.never
      })
    )
).pipe(
  Command.withDescription("Run a local ErpSync server; prints its endpoint URL on the first line, serves until stopped")
)
