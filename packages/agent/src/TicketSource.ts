/**
 * Where the ErpSync client gets the ticket it sends in the `Credentials` header: a fixed ticket; a login
 * through SoPrincipal (`AuthenticateUsernamePassword` or `AuthenticateWithAccessToken`); or, for a
 * background service in SuperOffice Online, SuperID's system-user exchange. A ticket got is cached, shared
 * by every call, renewed ahead of its expiry and renewed again when the service rejects it.
 *
 * @since 0.1.0
 */
import type { Soap, XmlCodec } from "@erpsync/codec"
import { SoPrincipal } from "@erpsync/schema"
import type * as Config from "effect/Config"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as HttpClient from "effect/http/HttpClient"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import type { ErpSyncError, ServiceError } from "./ErpSyncError.js"
import { siblingUrl } from "./internal/endpoint.js"
import { type Credentials, login } from "./internal/login.js"
import { systemUserSource } from "./internal/systemUserSource.js"
import { makeTicketCache } from "./internal/ticketCache.js"
import { ticketSourceConfig } from "./internal/ticketSourceConfig.js"
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
  /**
   * An access token the source authorises calls over the REST WebAPI with, as `Authorization: Bearer
   * <token>`, in place of a ticket: SuperOffice Online's WebAPI takes one as it is, so no login is made
   * (nor any SOAP call). Without it, REST calls carry the ticket `get` gives (`SOTicket`).
   */
  readonly bearer?: Redacted.Redacted<string> | undefined
}

/**
 * The ticket source the client depends on.
 *
 * @since 0.1.0
 * @category services
 */
export class TicketSource extends Context.Service<TicketSource, TicketSourceService>()("@erpsync/agent/TicketSource") {}

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
  readonly lifetime?: Duration.Input | undefined
  /** Deadline of one login. Default 30 seconds. */
  readonly timeout?: Duration.Input | undefined
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
  /**
   * How calls over the REST WebAPI are authorised: `"Bearer"` (the default) sends the access token itself,
   * as SuperOffice Online documents; `"SOTicket"` logs in with it at SoPrincipal for a ticket, as the SOAP
   * calls do (for an on-site WebAPI that does not take bearer tokens).
   */
  readonly restAuthorization?: "Bearer" | "SOTicket" | undefined
}

const loginSource = (
  credentials: Credentials,
  options: LoginOptions
): Effect.Effect<TicketSourceService, never, HttpClient.HttpClient | Scope.Scope> =>
  Effect.gen(function*() {
    const client = yield* HttpClient.HttpClient
    const cache = yield* makeTicketCache<ErpSyncError>(options.lifetime ?? defaultLifetime)
    const timeout = Duration.fromInputUnsafe(options.timeout ?? DEFAULT_TIMEOUT)
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
          Effect.andThen(Effect.logInfo("ErpSync: the service rejected the ticket; logging in again")),
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
 * A source that logs in with an access token. Its logins last as long as the scope. Over the REST WebAPI
 * the token itself authorises the calls (`Bearer`) unless `restAuthorization` is `"SOTicket"`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const accessToken = (
  options: AccessTokenOptions
): Effect.Effect<TicketSourceService, never, HttpClient.HttpClient | Scope.Scope> =>
  Effect.map(
    loginSource({ _tag: "AccessToken", accessToken: options.accessToken }, options),
    (source) => options.restAuthorization === "SOTicket" ? source : { ...source, bearer: options.accessToken }
  )

/**
 * SuperID's environments: `sod` (development), `qaonline` (stage), `online` (production).
 *
 * @since 0.3.0
 * @category configuration
 */
export type SuperIdEnvironment = "sod" | "qaonline" | "online"

/**
 * A private key read from a file when it is first needed.
 *
 * @since 0.3.0
 * @category configuration
 */
export interface PrivateKeyFile {
  readonly file: string
}

/**
 * The options of the system-user source. SuperID is `superIdUrl` (its base URL, e.g.
 * `https://sod.superoffice.com`), or the one of `environment`; with neither, the environment of the ErpSync
 * URL's host (`sod2.superoffice.com` is `sod`), `online` for any other host.
 *
 * @since 0.3.0
 * @category configuration
 */
export type SystemUserOptions =
  & {
    /** The system user token (`<AppName>-<random>`), the `system_token` claim of an administrator's sign-in. */
    readonly systemUserToken: Redacted.Redacted<string>
    /** The application's RSA private key: PEM (PKCS#1 or PKCS#8) or `<RSAKeyValue>` XML, or a file holding one. */
    readonly privateKey: Redacted.Redacted<string> | PrivateKeyFile
    /** The application's client secret, sent with the exchange. */
    readonly applicationToken: Redacted.Redacted<string>
    /** The tenant, e.g. `Cust12345`. Default: the `/Cust12345/` segment of the ErpSync URL's path. */
    readonly contextIdentifier?: string | undefined
    /** How long a ticket is used before exchanging again. Default `defaultLifetime`. */
    readonly lifetime?: Duration.Input | undefined
    /** Deadline of one exchange, the key set's fetch included. Default 30 seconds. */
    readonly timeout?: Duration.Input | undefined
  }
  & (
    | { readonly environment?: SuperIdEnvironment | undefined; readonly superIdUrl?: undefined }
    | { readonly superIdUrl: string; readonly environment?: undefined }
  )

/**
 * A source that gets its tickets through SuperID's system-user exchange: the system user token signed with
 * the private key (RSA-SHA256, at the current UTC minute), exchanged at `PartnerSystemUser/Authenticate` for
 * a JWT, and the ticket taken from the JWT only once it verifies against SuperID's published keys. Its
 * exchanges last as long as the scope.
 *
 * @since 0.3.0
 * @category constructors
 */
export const systemUser = (
  options: SystemUserOptions
): Effect.Effect<TicketSourceService, never, HttpClient.HttpClient | Scope.Scope> =>
  systemUserSource(options, options.lifetime ?? defaultLifetime)

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
): Layer.Layer<TicketSource, never, HttpClient.HttpClient> => Layer.effect(TicketSource, usernamePassword(options))

/**
 * Logging in with an access token.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerAccessToken = (
  options: AccessTokenOptions
): Layer.Layer<TicketSource, never, HttpClient.HttpClient> => Layer.effect(TicketSource, accessToken(options))

/**
 * The system-user flow, for a background service in SuperOffice Online.
 *
 * @example
 * ```ts
 * import { ErpSyncClient, TicketSource } from "@erpsync/agent"
 * import { Layer, Redacted } from "effect"
 * import { FetchHttpClient } from "effect/http"
 *
 * const applicationToken = Redacted.make("my-client-secret")
 * const ErpSyncLive = ErpSyncClient.layer({
 *   url: "https://online.superoffice.com/Cust12345/Remote/Services86/ErpSync.svc",
 *   applicationToken
 * }).pipe(
 *   Layer.provide(TicketSource.layerSystemUser({
 *     systemUserToken: Redacted.make("MyApp-8k8Q7DmBgo"),
 *     privateKey: { file: "/run/secrets/erpsync-app-key.pem" },
 *     applicationToken
 *   })),
 *   Layer.provide(FetchHttpClient.layer)
 * )
 * ```
 *
 * @since 0.3.0
 * @category layers
 */
export const layerSystemUser = (
  options: SystemUserOptions
): Layer.Layer<TicketSource, never, HttpClient.HttpClient> => Layer.effect(TicketSource, systemUser(options))

/**
 * One of the four ways to get a ticket, as configuration.
 *
 * @since 0.1.0
 * @category configuration
 */
export type TicketSourceConfig =
  | { readonly _tag: "Ticket"; readonly ticket: Redacted.Redacted<string> }
  | ({ readonly _tag: "UsernamePassword" } & UsernamePasswordOptions)
  | ({ readonly _tag: "AccessToken" } & AccessTokenOptions)
  | ({ readonly _tag: "SystemUser" } & SystemUserOptions)

/**
 * The configuration read from the environment, the first that is set of: `ERPSYNC_TICKET`;
 * `ERPSYNC_USERNAME` with `ERPSYNC_PASSWORD`; `ERPSYNC_ACCESS_TOKEN`; `ERPSYNC_SYSTEM_USER_TOKEN`. A login
 * also reads `ERPSYNC_SOPRINCIPAL_URL` and `ERPSYNC_TICKET_LIFETIME` (e.g. `5 hours`) when set, and an access
 * token `ERPSYNC_REST_AUTHORIZATION` (`Bearer` or `SOTicket`, see `AccessTokenOptions`). The system
 * user needs its private key, `ERPSYNC_PRIVATE_KEY_FILE` (a file) or `ERPSYNC_PRIVATE_KEY` (the key), and the
 * client secret, `ERPSYNC_APPLICATION_TOKEN`; it reads `ERPSYNC_CONTEXT_IDENTIFIER`, one of
 * `ERPSYNC_SUPERID_URL` and `ERPSYNC_SUPERID_ENVIRONMENT` (`sod`, `qaonline` or `online`), and
 * `ERPSYNC_TICKET_LIFETIME` when set.
 *
 * A value that is set but invalid fails the configuration with a `ConfigError`; when none of the four is
 * set, the configuration is missing (`Config.option(TicketSource.config)` is `Option.none()`), and its
 * `ConfigError` names them all.
 *
 * @since 0.1.0
 * @category configuration
 */
export const config: Config.Config<TicketSourceConfig> = ticketSourceConfig

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
    case "SystemUser":
      return systemUser(config)
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
): Layer.Layer<TicketSource, Config.ConfigError, HttpClient.HttpClient> =>
  Layer.effect(TicketSource, Effect.flatMap(options, fromConfig))
