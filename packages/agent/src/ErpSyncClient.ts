/**
 * The ErpSync client: a service configured once (endpoint, application token, time zone, SOAP version,
 * deadline, limits) whose calls are typed end to end and fail with `ErpSyncError`s. Every operation of
 * every service in `@erpsync/schema`'s registry is a typed call (`client.ErpSync.TestConnectionById(...)`),
 * derived from the registry, at the version of NetServer's API its endpoint names (Services86 or
 * Services88). Its tickets come from the `TicketSource` in context.
 *
 * @since 0.1.0
 */
import type { Service, Soap, XmlCodec } from "@erpsync/codec"
import type { ErpSync, ErpSync88 } from "@erpsync/schema"
import { type Version, versions } from "@erpsync/schema"
import * as Config from "effect/Config"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as HttpClient from "effect/http/HttpClient"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type * as Schedule from "effect/Schedule"
import {
  AuthenticationError,
  ConfigurationError,
  type ErpSyncError,
  ServiceError,
  type TimeoutError,
  type TransportError
} from "./ErpSyncError.js"
import { shownUrl, urlProblem } from "./internal/endpoint.js"
import { type Plan, planner } from "./internal/operationPlan.js"
import {
  restCall,
  type RestCredentials,
  type RestSettings,
  type RestTemplate,
  restTemplate,
  webApiBaseOf
} from "./internal/rest.js"
import {
  asCall,
  call,
  type CallSettings,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT,
  type Traced
} from "./internal/transport.js"
import { versionOf } from "./internal/version.js"
import { isTicketRejected, type TicketRequest, TicketSource } from "./TicketSource.js"

/**
 * The client's configuration.
 *
 * @since 0.1.0
 * @category configuration
 */
export interface ErpSyncClientConfig {
  /** The ErpSync endpoint, e.g. `https://sod.superoffice.com/Cust12345/Remote/Services88/ErpSync.svc`. */
  readonly url: string
  /**
   * The version of NetServer's API the endpoints speak, which picks the operations and the namespace of
   * the messages. Default: the one the URL's path names (`…/Services86/…` or `…/Services88/…`), else
   * Services88. A URL that names another is refused when the layer is built (`ConfigurationError`).
   */
  readonly version?: Version | undefined
  /**
   * The wire ErpSync's operations go over: `"soap"` (the `ErpSync.svc` endpoint) or `"rest"` (SuperOffice's
   * REST WebAPI, `POST {webApiUrl}v1/Agents/ErpSync/<Operation>`, JSON, at Services88's level). The same
   * typed calls and errors either way; SoPrincipal (the logins) is SOAP only. Default `"soap"`.
   */
  readonly transport?: "soap" | "rest" | undefined
  /**
   * The tenant's WebAPI URL, for the `rest` transport (`https://sod.superoffice.com/Cust12345/api/`, the
   * `webapi_url` claim). Default: beside `url`, whether `url` is the `ErpSync.svc` endpoint
   * (`…/Cust12345/Remote/Services88/ErpSync.svc` gives `…/Cust12345/api/`) or the WebAPI URL itself.
   */
  readonly webApiUrl?: string | undefined
  /**
   * The endpoints of the other services, by service name (`SoPrincipal`). Default: each service's endpoint
   * file beside `url` (`…/Services86/SoPrincipal.svc`).
   */
  readonly endpoints?: Readonly<Record<string, string>> | undefined
  /** The application token, needed for Online installations only. */
  readonly applicationToken?: Redacted.Redacted<string> | undefined
  /** The `TimeZone` header. Default: none sent. */
  readonly timeZone?: ErpSync.SoTimeZone | undefined
  /** Default `"1.1"`, the WSDL's only binding. */
  readonly soapVersion?: Soap.SoapVersion | undefined
  /**
   * Deadline of a whole call, from asking for a ticket to the last byte of the answer decoded: a login,
   * the exchange and its retry with a renewed ticket included. Default 30 seconds.
   */
  readonly timeout?: Duration.Input | undefined
  /** Largest response body, in bytes after content decoding. Default 16 MiB. */
  readonly maxResponseBytes?: number | undefined
  /** The decoder's limits (`XmlCodec.defaultLimits` otherwise). */
  readonly limits?: Partial<XmlCodec.Limits> | undefined
  /**
   * Retries, applied only when the connection was never made (refused, no address for the host, the
   * network or host unreachable, or a connect timeout): the request never reached the server.
   * Default: none, since a `SaveConnection` with id 0 resent could create two connections.
   */
  readonly retry?: Schedule.Schedule<unknown, TransportError> | undefined
  /**
   * Whether a failed call failed because the service rejected the ticket; such a call is made once more
   * with a new ticket when the ticket source can give one, and a rejection that stands is an
   * `AuthenticationError` (`TicketRejected`). Default `TicketSource.isTicketRejected`.
   */
  readonly isTicketRejected?: ((error: ServiceError) => boolean) | undefined
}

/** A rejection of the ticket (or access token) that stands, as the `AuthenticationError` it is. */
const ticketRejected = (error: ServiceError): AuthenticationError =>
  new AuthenticationError({
    reason: "TicketRejected",
    operation: error.operation,
    username: null,
    detail: error.detail,
    exceptionType: error.exceptionType,
    exceptions: error.exceptions
  })

/**
 * The default deadline of a whole call.
 *
 * @since 0.1.0
 * @category configuration
 */
export const defaultTimeout: Duration.Duration = DEFAULT_TIMEOUT

/**
 * The default largest response body, in bytes.
 *
 * @since 0.1.0
 * @category configuration
 */
export const defaultMaxResponseBytes: number = DEFAULT_MAX_RESPONSE_BYTES

/**
 * In place of an operation whose response lacks a header block NetServer reports failures in: such an
 * operation would take a refusal for success, so the client does not call it. Declare the operation with
 * its service's constructors (`ErpSync.service.operation(...)`, or `Service.define` for another service),
 * which give it the service's headers.
 *
 * @since 0.2.0
 * @category models
 */
export interface MissingStatusHeader<Header extends string> {
  readonly "the response cannot carry this header, so a failure would pass for success": Header
}

/**
 * `unknown` for an operation whose response can carry `ExceptionInfo` and `Succeeded`; otherwise a type
 * no operation has, naming the header that is missing.
 *
 * @since 0.2.0
 * @category models
 */
export type Callable<O extends Service.AnyOperation> = unknown extends O["response"]["Type"]
  // A response of no known type (`unknown` or `any`: an operation widened to `AnyOperation`) cannot be shown
  // to carry them.
  ? MissingStatusHeader<"ExceptionInfo">
  : O["response"]["Type"] extends { readonly Header: infer Header }
    ? "ExceptionInfo" extends keyof Header ? "Succeeded" extends keyof Header ? unknown
      : MissingStatusHeader<"Succeeded">
    : MissingStatusHeader<"ExceptionInfo">
  : MissingStatusHeader<"Header">

/**
 * The typed calls of a service's operations, by name: each takes the request body and gives the
 * response body.
 *
 * @since 0.2.0
 * @category models
 */
export type ServiceCalls<S extends Service.AnyService> = {
  readonly [Name in keyof S["operations"]]: (
    body: Service.RequestBodyInput<S["operations"][Name]>
  ) => Effect.Effect<Service.ResponseBody<S["operations"][Name]>, ErpSyncError>
}

type Versions = typeof versions

/**
 * The names of the services of the registry (`ErpSync`, `SoPrincipal`).
 *
 * @since 1.0.0
 * @category models
 */
export type ServiceName = keyof Versions[Version]

type OperationsAt<V extends Version, S extends ServiceName> = Versions[V][S]["operations"]

/**
 * The operation `Name` of a service, at every version that has it (a union of their declarations).
 *
 * @since 1.0.0
 * @category models
 */
export type OperationAtAnyVersion<S extends ServiceName, Name extends PropertyKey> = {
  [V in Version]: Name extends keyof OperationsAt<V, S> ? OperationsAt<V, S>[Name] : never
}[Version]

/**
 * The typed calls of a service at every version: each operation any version has, taking a request body of
 * any version that has it and giving a response body of one (the endpoint's). At an endpoint whose version
 * lacks the operation, a call fails with a `ConfigurationError` (`UnsupportedOperation`) without sending
 * anything.
 *
 * @since 1.0.0
 * @category models
 */
export type VersionedCalls<S extends ServiceName> = {
  readonly [Name in { [V in Version]: keyof OperationsAt<V, S> }[Version]]: (
    body: Service.RequestBodyInput<OperationAtAnyVersion<S, Name>>
  ) => Effect.Effect<Service.ResponseBody<OperationAtAnyVersion<S, Name>>, ErpSyncError>
}

/**
 * A connection as either version declares it (Services88's rights have more values).
 *
 * @since 1.0.0
 * @category models
 */
export type Connection = ErpSync.ErpConnection | ErpSync88.ErpConnection

/**
 * A connection as a caller gives one to save: any member may be left out and takes its default (the
 * WSDL makes every member optional): `{ ErpConnectorId: 1, DisplayName: "Main" }` creates a connection.
 *
 * @since 1.0.0
 * @category models
 */
export type ConnectionInput =
  | (typeof ErpSync.ErpConnection)["~type.make.in"]
  | (typeof ErpSync88.ErpConnection)["~type.make.in"]

/**
 * The client: every operation of every service in the registry as a typed call (`client.ErpSync.*`,
 * `client.SoPrincipal.*`), `call` for any operation declared with a service's constructors, and three
 * shorthands for connections.
 *
 * @since 0.1.0
 * @category models
 */
export type ErpSyncClientService = { readonly [Name in ServiceName]: VersionedCalls<Name> } & {
  /** The version of NetServer's API the client speaks to its endpoints. */
  readonly version: Version
  /**
   * Calls an operation with a request body and gives its whole response (headers and body). The client
   * fills in the headers: the ticket (for a service whose requests carry `Credentials`), the application
   * token and the time zone.
   */
  readonly call: <O extends Service.AnyOperation>(
    operation: O & Callable<O>,
    body: Service.RequestBodyInput<O>
  ) => Effect.Effect<O["response"]["Type"], ErpSyncError>
  /** Saves a connection (`ErpConnectionId` 0 creates one) and gives it back as saved. */
  readonly saveConnection: (connection: ConnectionInput) => Effect.Effect<Connection, ErpSyncError>
  /** The connection with the given id, or none. */
  readonly getConnection: (id: number) => Effect.Effect<Option.Option<Connection>, ErpSyncError>
  /** Deletes the connection with the given id. */
  readonly deleteConnection: (id: number) => Effect.Effect<void, ErpSyncError>
}

/**
 * The client service.
 *
 * @since 0.1.0
 * @category services
 */
export class ErpSyncClient
  extends Context.Service<ErpSyncClient, ErpSyncClientService>()("@erpsync/agent/ErpSyncClient")
{}

/**
 * Makes a client over the `HttpClient` and the `TicketSource` in context.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  config: ErpSyncClientConfig
): Effect.Effect<ErpSyncClientService, ConfigurationError, HttpClient.HttpClient | TicketSource> =>
  Effect.gen(function*() {
    // Every URL given is checked now, when the layer is built, not at the first call.
    const given: ReadonlyArray<readonly [string, string | undefined]> = [
      ["url", config.url],
      ["webApiUrl", config.webApiUrl],
      ...Object.entries(config.endpoints ?? {}).map(([name, url]) => [`endpoints.${name}`, url] as const)
    ]
    for (const [name, url] of given) {
      const problem = url === undefined ? undefined : urlProblem(url)
      if (problem !== undefined) {
        return yield* new ConfigurationError({
          reason: "Url",
          operation: null,
          url: shownUrl(url!),
          detail: `${name}: ${problem}`
        })
      }
    }
    const resolved = versionOf(config.url, config.version)
    if ("refused" in resolved) {
      return yield* new ConfigurationError({
        reason: "Version",
        operation: null,
        url: shownUrl(config.url),
        detail: resolved.refused
      })
    }
    const transport = config.transport ?? "soap"
    const webApi = transport === "rest" ? webApiBaseOf(config.webApiUrl ?? config.url) : undefined
    if (transport === "rest" && webApi === undefined) {
      return yield* new ConfigurationError({
        reason: "Url",
        operation: null,
        url: shownUrl(config.webApiUrl ?? config.url),
        detail: "no REST WebAPI beside it: give the ErpSync.svc endpoint (…/Remote/Services88/ErpSync.svc) or " +
          "the tenant's WebAPI URL (…/api/)"
      })
    }
    // Over REST, ErpSync's operations are the WebAPI's (Services88's); SoPrincipal stays SOAP, beside it.
    const version = transport === "rest" ? "Services88" : resolved.version
    const soapUrl = webApi === undefined || /\/remote\/services\d+\//i.test(config.url)
      ? config.url
      : `${webApi.slice(0, -"api/".length)}Remote/Services88/ErpSync.svc`
    const registry: Readonly<Record<string, Service.AnyService>> = {
      ...versions[resolved.version],
      ...(transport === "rest" ? { ErpSync: versions.Services88.ErpSync } : {})
    }
    const client = yield* HttpClient.HttpClient
    const tickets = yield* TicketSource
    const ticketRequest: TicketRequest = { url: soapUrl, applicationToken: config.applicationToken }
    const rejected = config.isTicketRejected ?? isTicketRejected
    const timeout = Duration.fromInputUnsafe(config.timeout ?? defaultTimeout)
    const settings = (url: string): CallSettings => ({
      url,
      soapVersion: config.soapVersion ?? "1.1",
      maxResponseBytes: config.maxResponseBytes ?? defaultMaxResponseBytes,
      limits: config.limits,
      retry: config.retry
    })
    // The settings of each operation's calls are made once, with its plan, not on every call.
    const planOf = planner(soapUrl, config.endpoints, settings, timeout)
    const restSettings: RestSettings | undefined = webApi === undefined ? undefined : {
      baseUrl: webApi,
      maxResponseBytes: config.maxResponseBytes ?? defaultMaxResponseBytes,
      limits: config.limits,
      retry: config.retry
    }
    const restTraced = new WeakMap<Service.AnyOperation, Traced>()
    // A REST call's span says its WebAPI URL, not a SOAP action.
    const restTracedOf = (settings: RestSettings, operation: Service.AnyOperation, plan: Plan): Traced => {
      let traced = restTraced.get(operation)
      if (traced === undefined) {
        traced = asCall(operation, plan.settings, timeout, restTemplateOf(settings, operation).url)
        restTraced.set(operation, traced)
      }
      return traced
    }
    const restTemplates = new WeakMap<Service.AnyOperation, RestTemplate>()
    const restTemplateOf = (settings: RestSettings, operation: Service.AnyOperation) => {
      let template = restTemplates.get(operation)
      if (template === undefined) {
        template = restTemplate(settings, operation)
        restTemplates.set(operation, template)
      }
      return template
    }
    const header = (plan: Plan, ticket: Redacted.Redacted<string> | undefined) => ({
      ...(config.applicationToken === undefined || !plan.applicationToken
        ? {}
        : { ApplicationToken: Redacted.value(config.applicationToken) }),
      ...(ticket === undefined ? {} : { Credentials: { Ticket: Redacted.value(ticket) } }),
      ...(config.timeZone === undefined || !plan.timeZone ? {} : { TimeZone: config.timeZone })
    })
    const isRejection = (error: ErpSyncError): error is ServiceError => error._tag === "ServiceError" && rejected(error)
    const callOperation = (operation: Service.AnyOperation, body: unknown): Effect.Effect<unknown, ErpSyncError> =>
      Effect.suspend(() => {
        const plan = planOf(operation)
        if (plan.defect !== undefined) return Effect.die(new Error(plan.defect))
        const overRest = restSettings !== undefined && operation.service === versions.Services88.ErpSync.name
        const traced = overRest ? restTracedOf(restSettings, operation, plan) : plan.traced
        const exchange = (
          ticket: Redacted.Redacted<string> | undefined,
          scheme: RestCredentials["scheme"] = "SOTicket"
        ): Effect.Effect<unknown, ErpSyncError> =>
          overRest
            ? restCall(
              client,
              restSettings!,
              operation,
              restTemplateOf(restSettings!, operation),
              body as Readonly<Record<string, unknown>>,
              { ticket, scheme, applicationToken: config.applicationToken }
            )
            : call(client, plan.settings, plan.operation, { Header: header(plan, ticket), Body: body }, plan.template)
        if (!plan.ticket) return traced(exchange(undefined))
        // The WebAPI takes an access token as it is: no login, and nothing to renew when it is refused.
        if (overRest && tickets.bearer !== undefined) {
          return traced(
            exchange(tickets.bearer, "Bearer").pipe(
              Effect.catchIf(isRejection, (error) => Effect.fail(ticketRejected(error)))
            )
          )
        }
        // What the call waits for now, for a timeout to say.
        let waitingFor: TimeoutError["waitingFor"] = "Ticket"
        const ticket = Effect.suspend(() => {
          waitingFor = "Ticket"
          return tickets.get(ticketRequest)
        })
        const attempt = (ticket: Redacted.Redacted<string>) =>
          Effect.suspend(() => {
            waitingFor = "Answer"
            return exchange(ticket)
          })
        // A call whose ticket the service rejected did nothing: it is made once more with a new ticket.
        // The deadline covers it all: the login, the call and the retry.
        // A rejection that stands (after the renewal, or with no ticket to renew) is an AuthenticationError.
        return traced(
          Effect.flatMap(ticket, (first) =>
            attempt(first).pipe(
              Effect.catchIf(isRejection, (error) =>
                Effect.flatMap(
                  tickets.reject(ticketRequest, first),
                  (renewable) =>
                    renewable
                      ? Effect.flatMap(ticket, attempt).pipe(
                        Effect.catchIf(isRejection, (again) => Effect.fail(ticketRejected(again)))
                      )
                      : Effect.fail(ticketRejected(error))
                ))
            )),
          () => waitingFor
        )
      })
    // Every operation of every service at any version, as a call of the client's version's operation that
    // gives the response body.
    const calls = Object.fromEntries(
      Object.keys(registry).map((name) => {
        const names = new Set(
          Object.values(versions).flatMap((services) =>
            Object.keys((services as Readonly<Record<string, Service.AnyService>>)[name]!.operations)
          )
        )
        const operations = registry[name]!.operations
        return [
          name,
          Object.fromEntries([...names].map((operationName) => {
            const operation = operations[operationName]
            const unsupported = new ConfigurationError({
              reason: "UnsupportedOperation",
              operation: operationName,
              url: shownUrl(config.url),
              detail: `${name} has no operation ${operationName} at ${version}`
            })
            return [
              operationName,
              (body: unknown) =>
                operation === undefined
                  ? Effect.fail(unsupported)
                  : Effect.map(callOperation(operation, body), (response) =>
                    (response as { readonly Body: unknown }).Body)
            ]
          }))
        ]
      })
    ) as unknown as { readonly [Name in ServiceName]: VersionedCalls<Name> }
    const emptyResponse = (operation: string) =>
      new ServiceError({
        reason: "EmptyResponse",
        operation,
        detail: "the response holds no connection",
        exceptionType: null,
        friendlyText: null,
        source: null,
        exceptions: [],
        httpStatus: 200
      })
    // One span per call, `<Service>.<Operation>`, holding a login if one is due (`SoPrincipal.<Operation>`);
    // the HTTP client adds one per exchange.
    return {
      ...calls,
      version,
      call: (operation, body) => callOperation(operation, body) as never,
      saveConnection: Effect.fnUntraced(function*(connection: ConnectionInput) {
        const response = yield* calls.ErpSync.SaveConnection({ Connection: connection })
        if (response.Response === null) return yield* Effect.fail(emptyResponse("SaveConnection"))
        return response.Response
      }),
      getConnection: Effect.fnUntraced(function*(id: number) {
        const response = yield* calls.ErpSync.GetConnection({ ErpConnectionId: id })
        return Option.fromNullOr(response.Response)
      }),
      deleteConnection: Effect.fnUntraced(function*(id: number) {
        yield* calls.ErpSync.DeleteConnection({ ErpConnectionId: id })
      })
    }
  })

/**
 * A layer from plain values.
 *
 * @example
 * ```ts
 * import { ErpSyncClient, TicketSource } from "@erpsync/agent"
 * import { Effect, Layer, Redacted } from "effect"
 * import { FetchHttpClient } from "effect/http"
 *
 * const ErpSyncLive = ErpSyncClient.layer({
 *   url: "https://sod.superoffice.com/Cust12345/Remote/Services86/ErpSync.svc",
 *   applicationToken: Redacted.make("my-client-secret"),
 *   timeout: "30 seconds"
 * }).pipe(
 *   Layer.provide(TicketSource.layerAccessToken({ accessToken: Redacted.make("8A:Cust12345.my-token") })),
 *   Layer.provide(FetchHttpClient.layer)
 * )
 *
 * // Every operation of ErpSync and SoPrincipal is a typed call on the client.
 * export const status = Effect.flatMap(ErpSyncClient.ErpSyncClient, (client) => client.ErpSync.GetEngineStatus({}))
 *   .pipe(Effect.provide(ErpSyncLive))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  config: ErpSyncClientConfig
): Layer.Layer<ErpSyncClient, ConfigurationError, HttpClient.HttpClient | TicketSource> =>
  Layer.effect(ErpSyncClient, make(config))

/**
 * The configuration read from the environment: `ERPSYNC_URL`, and optionally `ERPSYNC_SOPRINCIPAL_URL`
 * (SoPrincipal's endpoint, as `TicketSource.config` reads it for logins), `ERPSYNC_VERSION` (`Services86` or
 * `Services88`), `ERPSYNC_APPLICATION_TOKEN`, `ERPSYNC_SOAP_VERSION` (`1.1` or `1.2`), `ERPSYNC_TIMEOUT` (e.g. `30 seconds`)
 * and `ERPSYNC_MAX_RESPONSE_BYTES`. The ticket comes from the `TicketSource` (see `TicketSource.config`).
 *
 * @since 0.1.0
 * @category configuration
 */
export const config: Config.Config<ErpSyncClientConfig> = Config.all({
  url: Config.String("ERPSYNC_URL"),
  // The SoPrincipal endpoint the logins use (`TicketSource.config`) is where its operations are called too.
  endpoints: Config.option(Config.String("ERPSYNC_SOPRINCIPAL_URL")).pipe(
    Config.map(Option.match({ onNone: () => undefined, onSome: (url) => ({ SoPrincipal: url }) }))
  ),
  applicationToken: Config.option(Config.Redacted("ERPSYNC_APPLICATION_TOKEN")).pipe(Config.map(Option.getOrUndefined)),
  version: Config.option(Config.Literals(["Services86", "Services88"], "ERPSYNC_VERSION")).pipe(
    Config.map(Option.getOrUndefined)
  ),
  transport: Config.Literals(["soap", "rest"], "ERPSYNC_TRANSPORT").pipe(Config.withDefault("soap")),
  webApiUrl: Config.option(Config.String("ERPSYNC_WEBAPI_URL")).pipe(Config.map(Option.getOrUndefined)),
  soapVersion: Config.Literals(["1.1", "1.2"], "ERPSYNC_SOAP_VERSION").pipe(Config.withDefault("1.1")),
  timeout: Config.Duration("ERPSYNC_TIMEOUT").pipe(Config.withDefault(defaultTimeout)),
  maxResponseBytes: Config.Int("ERPSYNC_MAX_RESPONSE_BYTES").pipe(Config.withDefault(defaultMaxResponseBytes))
})

/**
 * A layer configured from `Config` (the environment by default, see `config`).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  options: Config.Config<ErpSyncClientConfig> = config
): Layer.Layer<ErpSyncClient, Config.ConfigError | ConfigurationError, HttpClient.HttpClient | TicketSource> =>
  Layer.effect(ErpSyncClient, Effect.flatMap(options, make))

/**
 * Saves a connection with the client in context.
 *
 * @since 0.1.0
 * @category accessors
 */
export const saveConnection = (
  connection: ConnectionInput
): Effect.Effect<Connection, ErpSyncError, ErpSyncClient> =>
  Effect.flatMap(ErpSyncClient, (client) => client.saveConnection(connection))

/**
 * Gets a connection with the client in context.
 *
 * @since 0.1.0
 * @category accessors
 */
export const getConnection = (
  id: number
): Effect.Effect<Option.Option<Connection>, ErpSyncError, ErpSyncClient> =>
  Effect.flatMap(ErpSyncClient, (client) => client.getConnection(id))

/**
 * Deletes a connection with the client in context.
 *
 * @since 0.1.0
 * @category accessors
 */
export const deleteConnection = (id: number): Effect.Effect<void, ErpSyncError, ErpSyncClient> =>
  Effect.flatMap(ErpSyncClient, (client) => client.deleteConnection(id))
