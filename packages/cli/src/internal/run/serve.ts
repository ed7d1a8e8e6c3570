/**
 * `erpsync serve`: the local ErpSync server (and its SoPrincipal endpoint), until stopped.
 */
import { ErpSyncServer } from "@erpsync/testing"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { ServeArgs } from "../commands.js"

/** Serves until interrupted, after printing the ErpSync endpoint's URL on the first line. */
export const serve = (options: ServeArgs) =>
  Effect.scoped(
    Effect.gen(function*() {
      const server = yield* ErpSyncServer.make({
        port: options.port,
        host: options.host,
        ticket: Option.getOrUndefined(options.ticket),
        username: Option.getOrUndefined(options.username),
        password: Option.getOrUndefined(options.password),
        accessToken: Option.getOrUndefined(options.accessToken),
        ticketLifetime: Option.getOrUndefined(options.ticketLifetime)
      })
      yield* Console.log(server.url)
      return yield* Effect.never
    })
  )
