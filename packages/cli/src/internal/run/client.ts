/**
 * `erpsync save-connection`, `get-connection` and `delete-connection`, and the client every command that
 * calls the service runs with. `--url` and `--application-token` fall back to `ERPSYNC_URL` and
 * `ERPSYNC_APPLICATION_TOKEN`, `--soprincipal-url` to `ERPSYNC_SOPRINCIPAL_URL`. The ticket is `--ticket`,
 * or comes from a login with `--username` and `--password` (each falling back to `ERPSYNC_USERNAME` and
 * `ERPSYNC_PASSWORD`) or with `--access-token`; with none of these flags, from the environment as
 * `TicketSource.config` reads it. A system user is `--system-user-token` with `--private-key` and
 * `--application-token` (each falling back to `ERPSYNC_SYSTEM_USER_TOKEN`, `ERPSYNC_PRIVATE_KEY_FILE` and
 * `ERPSYNC_APPLICATION_TOKEN`), its tenant `--context-identifier` and SuperID `--superid-url` or
 * `--environment` (`ERPSYNC_CONTEXT_IDENTIFIER`, `ERPSYNC_SUPERID_URL`, `ERPSYNC_SUPERID_ENVIRONMENT`).
 */
import { ErpSyncClient, TicketSource } from "@erpsync/agent"
import { ErpSync, ErpSync88 } from "@erpsync/schema"
import * as Config from "effect/Config"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import type * as HttpClient from "effect/http/HttpClient"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import type * as Scope from "effect/Scope"
import type { ConnectionIdArgs, ConnectionOptions, SaveConnectionArgs } from "../commands.js"
import { InputError, readJson } from "../input.js"
import { fromJson } from "../json.js"

/**
 * The command line names no usable credentials: none at all, more than one way, or a user name without
 * a password (or the reverse).
 *
 * @since 0.1.0
 * @category errors
 */
export class CredentialsError extends Schema.TaggedError<CredentialsError>("@erpsync/cli/CredentialsError")(
  "CredentialsError",
  { reason: Schema.Literals(["Missing", "Conflicting", "Incomplete"]), detail: Schema.String }
) {
  override get message(): string {
    return `${this.reason}: ${this.detail}`
  }
}

/** A flag's value, or its environment variable's when the flag is not given (`undefined`: neither). */
const orEnvironment = <A>(flag: Option.Option<A>, config: Config.Config<A>) =>
  Option.isSome(flag) ? Effect.succeed(flag.value) : Effect.map(Config.option(config), Option.getOrUndefined)

/** The SoPrincipal endpoint the flags or the environment name, if any. */
const soPrincipalUrlOf = (options: ConnectionOptions) =>
  orEnvironment(options.soPrincipalUrl, Config.String("ERPSYNC_SOPRINCIPAL_URL"))

/** SuperID as the flags name it (`--superid-url` or `--environment`), else as the environment does. */
const superIdOf = (options: ConnectionOptions) =>
  Effect.gen(function*() {
    if (Option.isSome(options.superIdUrl) && Option.isSome(options.environment)) {
      return yield* new CredentialsError({
        reason: "Conflicting",
        detail: "give --superid-url or --environment, not both"
      })
    }
    if (Option.isSome(options.superIdUrl)) return { superIdUrl: options.superIdUrl.value } as const
    if (Option.isSome(options.environment)) return { environment: options.environment.value } as const
    return undefined
  })

/** The system user the flags name, each part falling back to its environment variable. */
const systemUserOf = (options: ConnectionOptions) =>
  Effect.gen(function*() {
    const systemUserToken = yield* orEnvironment(options.systemUserToken, Config.Redacted("ERPSYNC_SYSTEM_USER_TOKEN"))
    const file = yield* orEnvironment(options.privateKey, Config.String("ERPSYNC_PRIVATE_KEY_FILE"))
    const applicationToken = yield* orEnvironment(
      options.applicationToken,
      Config.Redacted("ERPSYNC_APPLICATION_TOKEN")
    )
    const missing = [
      systemUserToken === undefined ? "--system-user-token (or ERPSYNC_SYSTEM_USER_TOKEN)" : undefined,
      file === undefined ? "--private-key (or ERPSYNC_PRIVATE_KEY_FILE)" : undefined,
      applicationToken === undefined ? "--application-token (or ERPSYNC_APPLICATION_TOKEN)" : undefined
    ].filter((part) => part !== undefined)
    if (systemUserToken === undefined || file === undefined || applicationToken === undefined) {
      return yield* new CredentialsError({
        reason: "Incomplete",
        detail: `the system-user flow needs ${missing.join(" and ")}`
      })
    }
    const contextIdentifier = yield* orEnvironment(
      options.contextIdentifier,
      Config.String("ERPSYNC_CONTEXT_IDENTIFIER")
    )
    const superId = (yield* superIdOf(options)) ?? (yield* Config.all({
      superIdUrl: Config.option(Config.String("ERPSYNC_SUPERID_URL")),
      environment: Config.option(Config.Literals(["sod", "qaonline", "online"], "ERPSYNC_SUPERID_ENVIRONMENT"))
    }).pipe(
      Effect.flatMap(({ environment, superIdUrl }) =>
        Option.isSome(superIdUrl) && Option.isSome(environment)
          ? new CredentialsError({
            reason: "Conflicting",
            detail: "set ERPSYNC_SUPERID_URL or ERPSYNC_SUPERID_ENVIRONMENT, not both"
          })
          : Effect.succeed(
            Option.isSome(superIdUrl)
              ? { superIdUrl: superIdUrl.value }
              : { environment: Option.getOrUndefined(environment) }
          )
      )
    ))
    return {
      _tag: "SystemUser",
      systemUserToken,
      privateKey: { file },
      applicationToken,
      contextIdentifier,
      ...superId
    } as const
  })

/** The ticket source the flags name, or the environment when they name none. */
const ticketSourceOf = (options: ConnectionOptions) =>
  Effect.gen(function*() {
    const login = { url: yield* soPrincipalUrlOf(options) }
    const systemUser = Option.isSome(options.systemUserToken) || Option.isSome(options.privateKey)
    const given = [
      Option.isSome(options.ticket),
      Option.isSome(options.username) || Option.isSome(options.password),
      Option.isSome(options.accessToken),
      systemUser
    ].filter(Boolean).length
    if (given > 1) {
      return yield* new CredentialsError({
        reason: "Conflicting",
        detail: "give one of --ticket, --username with --password, --access-token, or --system-user-token"
      })
    }
    if (systemUser) return yield* systemUserOf(options)
    if (Option.isSome(options.ticket)) return { _tag: "Ticket", ticket: options.ticket.value } as const
    if (Option.isSome(options.username) || Option.isSome(options.password)) {
      const name = yield* orEnvironment(options.username, Config.String("ERPSYNC_USERNAME"))
      const secret = yield* orEnvironment(options.password, Config.Redacted("ERPSYNC_PASSWORD"))
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
    // Missing only when nothing is set: a value that is set but invalid is reported as the ConfigError it is.
    const found = yield* Config.option(TicketSource.config)
    if (Option.isNone(found)) {
      return yield* new CredentialsError({
        reason: "Missing",
        detail: "give --ticket, --username with --password, --access-token, or --system-user-token " +
          "(or set ERPSYNC_TICKET, ERPSYNC_USERNAME with ERPSYNC_PASSWORD, ERPSYNC_ACCESS_TOKEN, or " +
          "ERPSYNC_SYSTEM_USER_TOKEN)"
      })
    }
    const configured = found.value
    // `--soprincipal-url` holds for a login configured in the environment too, and the SuperID and tenant
    // flags for a system user.
    switch (configured._tag) {
      case "Ticket":
        return configured
      case "SystemUser": {
        const superId = yield* superIdOf(options)
        return {
          ...configured,
          ...(superId === undefined ? {} : { superIdUrl: undefined, environment: undefined, ...superId }),
          contextIdentifier: Option.getOrElse(options.contextIdentifier, () => configured.contextIdentifier)
        }
      }
      default:
        return login.url === undefined ? configured : { ...configured, ...login }
    }
  })

/** A source for calls that send no ticket: it is never asked for one. */
const noTickets: TicketSource.TicketSourceService = {
  get: () => Effect.die(new Error("this operation sends no ticket")),
  reject: () => Effect.succeed(false)
}

/** A client configured by the options, whose tickets come from `source`. */
export const makeClient = (options: ConnectionOptions, source: TicketSource.TicketSourceService) =>
  Effect.gen(function*() {
    const url = yield* orEnvironment(options.url, Config.String("ERPSYNC_URL"))
    if (url === undefined) {
      return yield* new InputError({ reason: "Missing", detail: "give --url (or set ERPSYNC_URL)" })
    }
    const soPrincipalUrl = yield* soPrincipalUrlOf(options)
    return yield* ErpSyncClient.make({
      url,
      // SoPrincipal's operations go where its logins go.
      endpoints: soPrincipalUrl === undefined ? undefined : { SoPrincipal: soPrincipalUrl },
      applicationToken: yield* orEnvironment(options.applicationToken, Config.Redacted("ERPSYNC_APPLICATION_TOKEN")),
      soapVersion: options.soapVersion,
      timeout: options.timeout,
      transport: yield* orEnvironment(options.transport, Config.Literals(["soap", "rest"], "ERPSYNC_TRANSPORT"))
    }).pipe(Effect.provideService(TicketSource.TicketSource, source))
  })

/**
 * Runs `f` with a client configured by the options; its ticket source is the one the credentials name,
 * or none when `tickets` is false (for operations whose requests carry no ticket). `f` may use the HTTP
 * client and the scope they run in (to make other clients, to release what it acquired).
 */
export const withClient = <A, E, R extends HttpClient.HttpClient | Scope.Scope = never>(
  options: ConnectionOptions,
  f: (client: ErpSyncClient.ErpSyncClientService) => Effect.Effect<A, E, R>,
  tickets = true
) =>
  Effect.gen(function*() {
    const source = tickets ? yield* TicketSource.fromConfig(yield* ticketSourceOf(options)) : noTickets
    return yield* f(yield* makeClient(options, source))
  }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer))

// Services88's connection holds either version's.
const printConnection = (value: ErpSyncClient.Connection | null) =>
  Schema.encodeEffect(Schema.NullOr(ErpSync88.ErpConnection))(value).pipe(
    Effect.orDie,
    Effect.flatMap((json) => Console.log(JSON.stringify(json, null, 2)))
  )

/** `save-connection [FILE|-]`: an ErpConnection as JSON in, the saved one out. */
export const saveConnection = (options: SaveConnectionArgs) =>
  readJson(Option.getOrUndefined(options.file)).pipe(
    Effect.flatMap(fromJson(ErpSync.ErpConnection)),
    Effect.flatMap((value) => withClient(options, (client) => client.saveConnection(value))),
    Effect.flatMap(printConnection)
  )

/** `get-connection ID`: the connection as JSON, or `null`. */
export const getConnection = (options: ConnectionIdArgs) =>
  withClient(options, (client) => client.getConnection(options.id)).pipe(
    Effect.flatMap((found) => printConnection(Option.getOrNull(found)))
  )

/** `delete-connection ID`. */
export const deleteConnection = (options: ConnectionIdArgs) =>
  withClient(options, (client) => client.deleteConnection(options.id))
