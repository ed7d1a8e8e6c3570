/**
 * `erpsync serve`: the local ErpSync server (and its SoPrincipal endpoint), until stopped.
 */
import { Command, Options } from "@effect/cli"
import * as Console from "effect/Console"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"

export const serve = Command.make(
  "serve",
  {
    port: Options.integer("port").pipe(
      Options.withDescription("Port to listen on (0: any free port)"),
      Options.withDefault(0)
    ),
    host: Options.text("host").pipe(Options.withDescription("Address to listen on"), Options.withDefault("127.0.0.1")),
    ticket: Options.text("ticket").pipe(Options.withDescription("Accept this ticket"), Options.optional),
    username: Options.text("username").pipe(
      Options.withDescription("The user SoPrincipal logs in (with --password)"),
      Options.optional
    ),
    password: Options.text("password").pipe(Options.withDescription("The user's password"), Options.optional),
    accessToken: Options.text("access-token").pipe(
      Options.withDescription("The access token SoPrincipal accepts"),
      Options.optional
    ),
    ticketLifetime: Options.integer("ticket-lifetime").pipe(
      Options.withDescription("How long an issued ticket is valid, in seconds (default 6 hours)"),
      Options.optional
    )
  },
  (options) =>
    Effect.scoped(
      Effect.gen(function*() {
        // Loaded here, so that the other commands do not load an HTTP server.
        const ErpSyncServer = yield* Effect.promise(() => import("../../ErpSyncServer.js"))
        const server = yield* ErpSyncServer.make({
          port: options.port,
          host: options.host,
          ticket: Option.getOrUndefined(options.ticket),
          username: Option.getOrUndefined(options.username),
          password: Option.getOrUndefined(options.password),
          accessToken: Option.getOrUndefined(options.accessToken),
          ticketLifetime: Option.getOrUndefined(Option.map(options.ticketLifetime, Duration.seconds))
        })
        yield* Console.log(server.url)
        return yield* Effect.never
      })
    )
).pipe(
  Command.withDescription(
    "Run a local ErpSync server (SoPrincipal.svc beside it); prints its endpoint URL on the first line, " +
      "serves until stopped"
  )
)
