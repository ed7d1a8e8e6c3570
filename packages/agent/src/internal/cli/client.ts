/**
 * `erpsync save-connection`, `get-connection` and `delete-connection`: the client on the command line.
 * `--url` and `--application-token` fall back to `ERPSYNC_URL` and `ERPSYNC_APPLICATION_TOKEN`. The ticket
 * is `--ticket`, or comes from a login with `--username` and `--password` (each falling back to
 * `ERPSYNC_USERNAME` and `ERPSYNC_PASSWORD`) or with `--access-token`; with none of these flags, from the
 * environment as `TicketSource.config` reads it.
 */
import { Args, Command, Options } from "@effect/cli"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { ErpSync } from "@erpsync/schema"
import * as Config from "effect/Config"
import * as ConfigError from "effect/ConfigError"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as ErpSyncClient from "../../ErpSyncClient.js"
import * as TicketSource from "../../TicketSource.js"
import { readJson } from "./input.js"

const url = Options.text("url").pipe(
  Options.withDescription("The ErpSync endpoint (…/Remote/Services86/ErpSync.svc)"),
  Options.withFallbackConfig(Config.string("ERPSYNC_URL"))
)
const ticket = Options.redacted("ticket").pipe(
  Options.withDescription("The session ticket (instead of logging in)"),
  Options.optional
)
const username = Options.text("username").pipe(
  Options.withDescription("Log in through SoPrincipal as this user (with --password)"),
  Options.optional
)
const password = Options.redacted("password").pipe(
  Options.withDescription("The user's password"),
  Options.optional
)
const accessToken = Options.redacted("access-token").pipe(
  Options.withDescription("Log in through SoPrincipal with this access token"),
  Options.optional
)
const soPrincipalUrl = Options.text("soprincipal-url").pipe(
  Options.withDescription("The SoPrincipal endpoint (default: SoPrincipal.svc beside the ErpSync endpoint)"),
  Options.withFallbackConfig(Config.string("ERPSYNC_SOPRINCIPAL_URL")),
  Options.optional
)
const applicationToken = Options.redacted("application-token").pipe(
  Options.withDescription("The application token (Online installations)"),
  Options.withFallbackConfig(Config.redacted("ERPSYNC_APPLICATION_TOKEN")),
  Options.optional
)
const soapVersion = Options.choice("soap-version", ["1.1", "1.2"]).pipe(
  Options.withDescription("The SOAP version to call with"),
  Options.withDefault("1.1" as const)
)
const timeout = Options.integer("timeout").pipe(
  Options.withDescription("Deadline of the call, in seconds"),
  Options.withDefault(30)
)
/** The options every client command takes: the endpoint, credentials and call settings. */
export const connection = {
  url,
  ticket,
  username,
  password,
  accessToken,
  soPrincipalUrl,
  applicationToken,
  soapVersion,
  timeout
}
const id = Args.integer({ name: "ID" }).pipe(Args.withDescription("The ErpConnectionId"))

/** The parsed `connection` options. */
export type ConnectionOptions = Command.Command.ParseConfig<typeof connection>

/**
 * The command line names no usable credentials: none at all, more than one way, or a user name without
 * a password (or the reverse).
 *
 * @since 0.1.0
 * @category errors
 */
export class CredentialsError extends Schema.TaggedError<CredentialsError>("@erpsync/agent/CredentialsError")(
  "CredentialsError",
  { reason: Schema.Literal("Missing", "Conflicting", "Incomplete"), detail: Schema.String }
) {
  override get message(): string {
    return `${this.reason}: ${this.detail}`
  }
}

const fromEnvironment = <A>(config: Config.Config<A>) => Effect.map(Config.option(config), Option.getOrUndefined)

/** The ticket source the flags name, or the environment when they name none. */
const ticketSourceOf = (options: ConnectionOptions) =>
  Effect.gen(function*() {
    const login = { url: Option.getOrUndefined(options.soPrincipalUrl) }
    const given = [
      Option.isSome(options.ticket),
      Option.isSome(options.username) || Option.isSome(options.password),
      Option.isSome(options.accessToken)
    ].filter(Boolean).length
    if (given > 1) {
      return yield* new CredentialsError({
        reason: "Conflicting",
        detail: "give one of --ticket, --username with --password, or --access-token"
      })
    }
    if (Option.isSome(options.ticket)) return { _tag: "Ticket", ticket: options.ticket.value } as const
    if (Option.isSome(options.username) || Option.isSome(options.password)) {
      const name: string | undefined = Option.getOrUndefined(options.username) ??
        (yield* fromEnvironment(Config.string("ERPSYNC_USERNAME")))
      const secret: Redacted.Redacted<string> | undefined = Option.getOrUndefined(options.password) ??
        (yield* fromEnvironment(Config.redacted("ERPSYNC_PASSWORD")))
      if (name === undefined || secret === undefined) {
        return yield* new CredentialsError({
          reason: "Incomplete",
          detail: name === undefined
            ? "--password needs --username (or ERPSYNC_USERNAME)"
            : "--username needs --password (or ERPSYNC_PASSWORD)"
        })
      }
      return { _tag: "UsernamePassword", username: name, password: secret, ...login } as const
    }
    if (Option.isSome(options.accessToken)) {
      return { _tag: "AccessToken", accessToken: options.accessToken.value, ...login } as const
    }
    const configured = yield* TicketSource.config.pipe(
      // Only when nothing is set: a value that is set but invalid is reported as the ConfigError it is.
      Effect.catchIf(ConfigError.isMissingDataOnly, () =>
        new CredentialsError({
          reason: "Missing",
          detail: "give --ticket, --username with --password, or --access-token " +
            "(or set ERPSYNC_TICKET, ERPSYNC_USERNAME with ERPSYNC_PASSWORD, or ERPSYNC_ACCESS_TOKEN)"
        }))
    )
    // `--soprincipal-url` holds for a login configured in the environment too.
    return configured._tag === "Ticket" || login.url === undefined ? configured : { ...configured, ...login }
  })

/** A source for calls that send no ticket: it is never asked for one. */
const noTickets: TicketSource.TicketSourceService = {
  get: () => Effect.dieMessage("this operation sends no ticket"),
  reject: () => Effect.succeed(false)
}

/**
 * Runs `f` with a client configured by the options; its ticket source is the one the credentials name,
 * or none when `tickets` is false (for operations whose requests carry no ticket).
 */
export const withClient = <A, E>(
  options: ConnectionOptions,
  f: (client: ErpSyncClient.ErpSyncClientService) => Effect.Effect<A, E>,
  tickets = true
) =>
  Effect.gen(function*() {
    const source = tickets ? yield* TicketSource.fromConfig(yield* ticketSourceOf(options)) : noTickets
    const client = yield* ErpSyncClient.make({
      url: options.url,
      // SoPrincipal's operations go where its logins go.
      endpoints: Option.match(options.soPrincipalUrl, {
        onNone: () => undefined,
        onSome: (url) => ({ SoPrincipal: url })
      }),
      applicationToken: Option.getOrUndefined(options.applicationToken),
      soapVersion: options.soapVersion,
      timeout: `${options.timeout} seconds`
    }).pipe(Effect.provideService(TicketSource.TicketSource, source))
    return yield* f(client)
  }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))

const printConnection = (value: ErpSync.ErpConnection | null) =>
  Schema.encode(Schema.NullOr(ErpSync.ErpConnection))(value).pipe(
    Effect.orDie,
    Effect.flatMap((json) => Console.log(JSON.stringify(json, null, 2)))
  )

/** `save-connection [FILE|-]`: an ErpConnection as JSON in, the saved one out. */
export const saveConnection = Command.make(
  "save-connection",
  { ...connection, file: Args.file({ name: "FILE" }).pipe(Args.optional) },
  (options) =>
    readJson(Option.getOrUndefined(options.file)).pipe(
      Effect.flatMap(Schema.decodeUnknown(ErpSync.ErpConnection)),
      Effect.flatMap((value) => withClient(options, (client) => client.saveConnection(value))),
      Effect.flatMap(printConnection)
    )
).pipe(Command.withDescription("Save a connection (JSON from FILE or standard input) and print the saved one"))

/** `get-connection ID`: the connection as JSON, or `null`. */
export const getConnection = Command.make(
  "get-connection",
  { ...connection, id },
  (options) =>
    withClient(options, (client) => client.getConnection(options.id)).pipe(
      Effect.flatMap((found) => printConnection(Option.getOrNull(found)))
    )
).pipe(Command.withDescription("Print the connection with the given id as JSON (null when there is none)"))

/** `delete-connection ID`. */
export const deleteConnection = Command.make(
  "delete-connection",
  { ...connection, id },
  (options) => withClient(options, (client) => client.deleteConnection(options.id))
).pipe(Command.withDescription("Delete the connection with the given id"))
