/**
 * `erpsync serve`: the local ErpSync server (and its SoPrincipal endpoint), until stopped.
 */
import { ErpSyncServer } from "@erpsync/testing"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type { ServeArgs } from "../commands.js"

/** Serves until interrupted, after printing the ErpSync endpoint's URL on the first line. */
export const serve = (options: ServeArgs) =>
  Effect.scoped(
    Effect.gen(function*() {
      const server = yield* ErpSyncServer.make({
        port: options.port,
        host: options.host,
        ticket: Option.getOrUndefined(Option.map(options.ticket, Redacted.value)),
        username: Option.getOrUndefined(options.username),
        password: Option.getOrUndefined(Option.map(options.password, Redacted.value)),
        accessToken: Option.getOrUndefined(Option.map(options.accessToken, Redacted.value)),
        ticketLifetime: Option.getOrUndefined(options.ticketLifetime)
      })
      yield* Console.log(server.url)
      return yield* Effect.never
    })
  )
