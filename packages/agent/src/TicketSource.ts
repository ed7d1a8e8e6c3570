/**
 * Where the ErpSync client gets the ticket it sends in the `Credentials` header: a fixed ticket, or a
 * login through SoPrincipal (`AuthenticateUsernamePassword` or `AuthenticateWithAccessToken`) whose ticket
 * is cached, shared by every call, renewed ahead of its expiry and renewed again when the service rejects it.
 *
 * @since 0.1.0
 */
import * as HttpClient from "@effect/platform/HttpClient"
import type { Soap, XmlCodec } from "@erpsync/codec"
import { SoPrincipal } from "@erpsync/schema"
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import type { ErpSyncError, ServiceError } from "./ErpSyncError.js"
import { siblingUrl } from "./internal/endpoint.js"
import { type Credentials, login } from "./internal/login.js"
import { makeTicketCache } from "./internal/ticketCache.js"
import { type CallSettings, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT } from "./internal/transport.js"

/**
 * What the client asking for a ticket calls: its ErpSync endpoint and application token.
 *
 * @since 0.1.0
 * @category models
 */
export interface TicketRequest {
  /** The ErpSync endpoint the ticket is for. */
  readonly url: string
  /** The client's application token, sent with the login unless the source has its own. */
  readonly applicationToken: Redacted.Redacted<string> | undefined
}

/**
 * A source of tickets.
 *
 * @since 0.1.0
 * @category models
 */
export interface TicketSourceService {
  /** A ticket for calling `request.url`. */
  readonly get: (request: TicketRequest) => Effect.Effect<Redacted.Redacted<string>, ErpSyncError>
  /**
   * Tells the source the service rejected `ticket`. True when `get` can give another ticket (so that the
   * call is worth retrying once), false when it cannot (a fixed ticket).
   */
  readonly reject: (request: TicketRequest, ticket: Redacted.Redacted<string>) => Effect.Effect<boolean>
}

/**
 * The ticket source the client depends on.
 *
 * @since 0.1.0
 * @category tags
 */
export class TicketSource extends Context.Tag("@erpsync/agent/TicketSource")<TicketSource, TicketSourceService>() {}

/**
 * How long a ticket is used before logging in again: a little under the 6 hours NetServer keeps one valid.
 *
 * @since 0.1.0
 * @category configuration
 */
export const defaultLifetime: Duration.Duration = Duration.minutes(5 * 60 + 50)

/**
 * The SoPrincipal endpoint beside an ErpSync endpoint: `…/Services86/ErpSync.svc` gives
 * `…/Services86/SoPrincipal.svc` (the last path segment replaced, query and fragment dropped). Throws a
 * `TypeError` when `erpSyncUrl` is not a URL.
 *
 * @since 0.1.0
 * @category configuration
 */
export const soPrincipalUrl = (erpSyncUrl: string): string => siblingUrl(erpSyncUrl, SoPrincipal.service.endpoint)

/**
 * Whether a failed call failed because the service rejected its ticket: an `ExceptionInfo` whose chain
 * holds an exception of a type named `…AuthenticationException` (NetServer's `SoAuthenticationException`).
 *
 * @since 0.1.0
 * @category configuration
 */
export const isTicketRejected = (error: ServiceError): boolean =>
  error.reason === "ExceptionInfo" &&
  error.exceptions.some((exception) => /AuthenticationException$/.test(exception.ExceptionType ?? ""))

/**
 * A source that always gives the same ticket. A rejected ticket stays rejected: the call is not retried.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fixed = (ticket: Redacted.Redacted<string>): TicketSourceService => ({
  get: () => Effect.succeed(ticket),
  reject: () => Effect.succeed(false)
})

/**
 * The options of a login source.
 *
 * @since 0.1.0
 * @category configuration
 */
export interface LoginOptions {
  /** The SoPrincipal endpoint. Default: `soPrincipalUrl` of the client's ErpSync endpoint. */
  readonly url?: string | undefined
  /** The application token sent with the login. Default: the client's. */
  readonly applicationToken?: Redacted.Redacted<string> | undefined
  /** How long a ticket is used before logging in again. Default `defaultLifetime`. */
  readonly lifetime?: Duration.DurationInput | undefined
  /** Deadline of one login. Default 30 seconds. */
  readonly timeout?: Duration.DurationInput | undefined
  /** Default `"1.1"`, the WSDL's only binding. */
  readonly soapVersion?: Soap.SoapVersion | undefined
  /** Largest login response, in bytes. Default 16 MiB. */
  readonly maxResponseBytes?: number | undefined
  /** The decoder's limits (`XmlCodec.defaultLimits` otherwise). */
  readonly limits?: Partial<XmlCodec.Limits> | undefined
}

/**
 * User name and password, for `AuthenticateUsernamePassword`.
 *
 * @since 0.1.0
 * @category configuration
 */
export interface UsernamePasswordOptions extends LoginOptions {
  readonly username: string
  readonly password: Redacted.Redacted<string>
}

/**
 * An access token, for `AuthenticateWithAccessToken`.
 *
 * @since 0.1.0
 * @category configuration
 */
export interface AccessTokenOptions extends LoginOptions {
  readonly accessToken: Redacted.Redacted<string>
}

const loginSource = (
  credentials: Credentials,
  options: LoginOptions
): Effect.Effect<TicketSourceService, never, HttpClient.HttpClient | Scope.Scope> =>
  Effect.gen(function*() {
    const client = yield* HttpClient.HttpClient
    const cache = yield* makeTicketCache<ErpSyncError>(options.lifetime ?? defaultLifetime)
    const timeout = Duration.decode(options.timeout ?? DEFAULT_TIMEOUT)
    // Every call asks for a ticket: the endpoint is derived once per ErpSync URL, not parsed each time.
    const endpoints = new Map<string, string>()
    const endpoint = (request: TicketRequest) => {
      if (options.url !== undefined) return options.url
      let url = endpoints.get(request.url)
      if (url === undefined) {
        try {
          url = soPrincipalUrl(request.url)
        } catch {
          // Not a URL: the login's request fails on it with the transport's typed error.
          url = request.url
        }
        endpoints.set(request.url, url)
      }
      return url
    }
    const applicationTokenOf = (request: TicketRequest) => options.applicationToken ?? request.applicationToken
    // One ticket per endpoint and application token: clients of different applications do not share one.
    const keyOf = (request: TicketRequest) => {
      const token = applicationTokenOf(request)
      return `${endpoint(request)}\u0000${token === undefined ? "" : Redacted.value(token)}`
    }
    return {
      get: (request) =>
        cache.get(
          keyOf(request),
          // Built only when a login is due, not on every call that finds the ticket cached.
          Effect.suspend(() => {
            const settings: CallSettings = {
              url: endpoint(request),
              soapVersion: options.soapVersion ?? "1.1",
              maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
              limits: options.limits,
              retry: undefined
            }
            return login(client, settings, timeout, credentials, applicationTokenOf(request))
          })
        ),
      reject: (request, ticket) =>
        cache.reject(keyOf(request), ticket).pipe(
          Effect.zipRight(Effect.logInfo("ErpSync: the service rejected the ticket; logging in again")),
          Effect.as(true)
        )
    }
  })

/**
 * A source that logs in with a user name and password. Its logins last as long as the scope.
 *
 * @since 0.1.0
 * @category constructors
 */
export const usernamePassword = (
  options: UsernamePasswordOptions
): Effect.Effect<TicketSourceService, never, HttpClient.HttpClient | Scope.Scope> =>
  loginSource({ _tag: "UsernamePassword", username: options.username, password: options.password }, options)

/**
 * A source that logs in with an access token. Its logins last as long as the scope.
 *
 * @since 0.1.0
 * @category constructors
 */
export const accessToken = (
  options: AccessTokenOptions
): Effect.Effect<TicketSourceService, never, HttpClient.HttpClient | Scope.Scope> =>
  loginSource({ _tag: "AccessToken", accessToken: options.accessToken }, options)

/**
 * A fixed ticket.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerTicket = (ticket: Redacted.Redacted<string>): Layer.Layer<TicketSource> =>
  Layer.succeed(TicketSource, fixed(ticket))

/**
 * Logging in with a user name and password.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerUsernamePassword = (
  options: UsernamePasswordOptions
): Layer.Layer<TicketSource, never, HttpClient.HttpClient> => Layer.scoped(TicketSource, usernamePassword(options))

/**
 * Logging in with an access token.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerAccessToken = (
  options: AccessTokenOptions
): Layer.Layer<TicketSource, never, HttpClient.HttpClient> => Layer.scoped(TicketSource, accessToken(options))

/**
 * One of the three ways to get a ticket, as configuration.
 *
 * @since 0.1.0
 * @category configuration
 */
export type TicketSourceConfig =
  | { readonly _tag: "Ticket"; readonly ticket: Redacted.Redacted<string> }
  | ({ readonly _tag: "UsernamePassword" } & UsernamePasswordOptions)
  | ({ readonly _tag: "AccessToken" } & AccessTokenOptions)

const optional = <A>(config: Config.Config<A>): Config.Config<A | undefined> =>
  Config.option(config).pipe(Config.map(Option.getOrUndefined))

const loginConfig = Config.all({
  url: optional(Config.string("ERPSYNC_SOPRINCIPAL_URL")),
  lifetime: optional(Config.duration("ERPSYNC_TICKET_LIFETIME"))
})

/**
 * The configuration read from the environment, the first that is set of: `ERPSYNC_TICKET`;
 * `ERPSYNC_USERNAME` with `ERPSYNC_PASSWORD`; `ERPSYNC_ACCESS_TOKEN`. A login also reads
 * `ERPSYNC_SOPRINCIPAL_URL` and `ERPSYNC_TICKET_LIFETIME` (e.g. `5 hours`) when set.
 *
 * @since 0.1.0
 * @category configuration
 */
export const config: Config.Config<TicketSourceConfig> = Config.redacted("ERPSYNC_TICKET").pipe(
  Config.map((ticket): TicketSourceConfig => ({ _tag: "Ticket", ticket })),
  Config.orElse(() =>
    Config.all({ username: Config.string("ERPSYNC_USERNAME"), password: Config.redacted("ERPSYNC_PASSWORD") }).pipe(
      Config.zipWith(loginConfig, (credentials, login): TicketSourceConfig => ({
        _tag: "UsernamePassword",
        ...credentials,
        ...login
      }))
    )
  ),
  Config.orElse(() =>
    Config.redacted("ERPSYNC_ACCESS_TOKEN").pipe(
      Config.zipWith(loginConfig, (accessToken, login): TicketSourceConfig => ({
        _tag: "AccessToken",
        accessToken,
        ...login
      }))
    )
  )
)

/**
 * The source a configuration describes.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromConfig = (
  config: TicketSourceConfig
): Effect.Effect<TicketSourceService, never, HttpClient.HttpClient | Scope.Scope> => {
  switch (config._tag) {
    case "Ticket":
      return Effect.succeed(fixed(config.ticket))
    case "UsernamePassword":
      return usernamePassword(config)
    case "AccessToken":
      return accessToken(config)
  }
}

/**
 * A source configured from `Config` (the environment by default, see `config`).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  options: Config.Config<TicketSourceConfig> = config
): Layer.Layer<TicketSource, ConfigError.ConfigError, HttpClient.HttpClient> =>
  Layer.scoped(TicketSource, Effect.flatMap(options, fromConfig))
