/**
 * The ErpSync client: a service configured once (endpoint, application token, time zone, SOAP version,
 * deadline, limits) whose calls are typed end to end and fail with `ErpSyncError`s. Its tickets come from
 * the `TicketSource` in context.
 *
 * @since 0.1.0
 */
import * as HttpClient from "@effect/platform/HttpClient"
import type { Soap, XmlCodec } from "@erpsync/codec"
import type { ErpConnection, Headers, Operation } from "@erpsync/schema"
import { ErpSync } from "@erpsync/schema"
import * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import type * as Schedule from "effect/Schedule"
import { type ErpSyncError, ServiceError, type TimeoutError, type TransportError } from "./ErpSyncError.js"
import { asCall, call, type CallSettings, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT } from "./internal/transport.js"
import { isTicketRejected, type TicketRequest, TicketSource } from "./TicketSource.js"

/**
 * The client's configuration.
 *
 * @since 0.1.0
 * @category configuration
 */
export interface ErpSyncClientConfig {
  /** The endpoint, e.g. `https://sod.superoffice.com/Cust12345/Remote/Services86/ErpSync.svc`. */
  readonly url: string
  /** The application token, needed for Online installations only. */
  readonly applicationToken?: Redacted.Redacted<string> | undefined
  /** The `TimeZone` header. Default: none sent. */
  readonly timeZone?: Headers.SoTimeZone | undefined
  /** Default `"1.1"`, the WSDL's only binding. */
  readonly soapVersion?: Soap.SoapVersion | undefined
  /**
   * Deadline of a whole call, from asking for a ticket to the last byte of the answer decoded: a login,
   * the exchange and its retry with a renewed ticket included. Default 30 seconds.
   */
  readonly timeout?: Duration.DurationInput | undefined
  /** Largest response body, in bytes after content decoding. Default 16 MiB. */
  readonly maxResponseBytes?: number | undefined
  /** The decoder's limits (`XmlCodec.defaultLimits` otherwise). */
  readonly limits?: Partial<XmlCodec.Limits> | undefined
  /**
   * Retries, applied only when the connection was refused (the request never reached the server).
   * Default: none, since a `SaveConnection` with id 0 resent could create two connections.
   */
  readonly retry?: Schedule.Schedule<unknown, TransportError> | undefined
  /**
   * Whether a failed call failed because the service rejected the ticket; such a call is made once more
   * with a new ticket when the ticket source can give one. Default `TicketSource.isTicketRejected`.
   */
  readonly isTicketRejected?: ((error: ServiceError) => boolean) | undefined
}

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
 * The request message of an operation, with the headers the client fills in.
 *
 * @since 0.1.0
 * @category models
 */
export type BodyOf<Request> = Request extends { readonly Body: infer Body } ? Body : never

/**
 * The client.
 *
 * @since 0.1.0
 * @category models
 */
export interface ErpSyncClientService {
  /** Calls any operation declared in `@erpsync/schema` with a request body; gives the whole response. */
  readonly call: <
    Request extends { readonly Header: Headers.RequestHeader },
    Response extends { readonly Header: Headers.ResponseHeader }
  >(
    operation: Operation.Operation<Request, Response>,
    body: BodyOf<Request>
  ) => Effect.Effect<Response, ErpSyncError>
  /** Saves a connection (`ErpConnectionId` 0 creates one) and gives it back as saved. */
  readonly saveConnection: (connection: ErpConnection) => Effect.Effect<ErpConnection, ErpSyncError>
  /** The connection with the given id, or none. */
  readonly getConnection: (id: number) => Effect.Effect<Option.Option<ErpConnection>, ErpSyncError>
  /** Deletes the connection with the given id. */
  readonly deleteConnection: (id: number) => Effect.Effect<void, ErpSyncError>
}

/**
 * The client service.
 *
 * @since 0.1.0
 * @category tags
 */
export class ErpSyncClient extends Context.Tag("@erpsync/agent/ErpSyncClient")<ErpSyncClient, ErpSyncClientService>() {}

/**
 * Makes a client over the `HttpClient` and the `TicketSource` in context.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  config: ErpSyncClientConfig
): Effect.Effect<ErpSyncClientService, never, HttpClient.HttpClient | TicketSource> =>
  Effect.gen(function*() {
    const client = yield* HttpClient.HttpClient
    const tickets = yield* TicketSource
    const ticketRequest: TicketRequest = { url: config.url, applicationToken: config.applicationToken }
    const rejected = config.isTicketRejected ?? isTicketRejected
    const timeout = Duration.decode(config.timeout ?? defaultTimeout)
    const settings: CallSettings = {
      url: config.url,
      soapVersion: config.soapVersion ?? "1.1",
      maxResponseBytes: config.maxResponseBytes ?? defaultMaxResponseBytes,
      limits: config.limits,
      retry: config.retry
    }
    const header = (ticket: Redacted.Redacted<string>): Headers.RequestHeader => ({
      ...(config.applicationToken === undefined ? {} : { ApplicationToken: Redacted.value(config.applicationToken) }),
      Credentials: { Ticket: Redacted.value(ticket) },
      ...(config.timeZone === undefined ? {} : { TimeZone: config.timeZone })
    })
    const callOperation: ErpSyncClientService["call"] = (operation, body) =>
      Effect.suspend(() => {
        // What the call waits for now, for a timeout to say.
        let waitingFor: TimeoutError["waitingFor"] = "Ticket"
        const ticket = Effect.suspend(() => {
          waitingFor = "Ticket"
          return tickets.get(ticketRequest)
        })
        const attempt = (ticket: Redacted.Redacted<string>) =>
          Effect.suspend(() => {
            waitingFor = "Answer"
            return call(client, settings, operation, { Header: header(ticket), Body: body } as never)
          }).pipe(Effect.map((exchange) => exchange.value))
        // A call whose ticket the service rejected did nothing: it is made once more with a new ticket.
        // The deadline covers it all: the login, the call and the retry.
        return Effect.flatMap(ticket, (first) =>
          attempt(first).pipe(
            Effect.catchIf(
              (error) => error._tag === "ServiceError" && rejected(error),
              (error) =>
                Effect.flatMap(
                  tickets.reject(ticketRequest, first),
                  (renewable) => renewable ? Effect.flatMap(ticket, attempt) : Effect.fail(error)
                )
            )
          )).pipe(asCall(operation, settings, timeout, () => waitingFor))
      })
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
    // One span per call, `ErpSync.<Operation>`, holding a login if one is due (`SoPrincipal.<Operation>`);
    // the HTTP client adds one per exchange.
    return {
      call: callOperation,
      saveConnection: Effect.fnUntraced(function*(connection: ErpConnection) {
        const response = yield* callOperation(ErpSync.SaveConnection, { Connection: connection })
        if (response.Body.Response === null) return yield* Effect.fail(emptyResponse("SaveConnection"))
        return response.Body.Response
      }),
      getConnection: Effect.fnUntraced(function*(id: number) {
        const response = yield* callOperation(ErpSync.GetConnection, { ErpConnectionId: id })
        return Option.fromNullable(response.Body.Response)
      }),
      deleteConnection: Effect.fnUntraced(function*(id: number) {
        yield* callOperation(ErpSync.DeleteConnection, { ErpConnectionId: id })
      })
    }
  })

/**
 * A layer from plain values.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  config: ErpSyncClientConfig
): Layer.Layer<ErpSyncClient, never, HttpClient.HttpClient | TicketSource> => Layer.effect(ErpSyncClient, make(config))

/**
 * The configuration read from the environment: `ERPSYNC_URL`, and optionally
 * `ERPSYNC_APPLICATION_TOKEN`, `ERPSYNC_SOAP_VERSION` (`1.1` or `1.2`), `ERPSYNC_TIMEOUT` (e.g. `30 seconds`)
 * and `ERPSYNC_MAX_RESPONSE_BYTES`. The ticket comes from the `TicketSource` (see `TicketSource.config`).
 *
 * @since 0.1.0
 * @category configuration
 */
export const config: Config.Config<ErpSyncClientConfig> = Config.all({
  url: Config.string("ERPSYNC_URL"),
  applicationToken: Config.option(Config.redacted("ERPSYNC_APPLICATION_TOKEN")).pipe(Config.map(Option.getOrUndefined)),
  soapVersion: Config.literal("1.1", "1.2")("ERPSYNC_SOAP_VERSION").pipe(Config.withDefault("1.1" as const)),
  timeout: Config.duration("ERPSYNC_TIMEOUT").pipe(Config.withDefault(defaultTimeout)),
  maxResponseBytes: Config.integer("ERPSYNC_MAX_RESPONSE_BYTES").pipe(Config.withDefault(defaultMaxResponseBytes))
})

/**
 * A layer configured from `Config` (the environment by default, see `config`).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  options: Config.Config<ErpSyncClientConfig> = config
): Layer.Layer<ErpSyncClient, ConfigError.ConfigError, HttpClient.HttpClient | TicketSource> =>
  Layer.effect(ErpSyncClient, Effect.flatMap(options, make))

/**
 * Saves a connection with the client in context.
 *
 * @since 0.1.0
 * @category accessors
 */
export const saveConnection = (connection: ErpConnection): Effect.Effect<ErpConnection, ErpSyncError, ErpSyncClient> =>
  Effect.flatMap(ErpSyncClient, (client) => client.saveConnection(connection))

/**
 * Gets a connection with the client in context.
 *
 * @since 0.1.0
 * @category accessors
 */
export const getConnection = (id: number): Effect.Effect<Option.Option<ErpConnection>, ErpSyncError, ErpSyncClient> =>
  Effect.flatMap(ErpSyncClient, (client) => client.getConnection(id))

/**
 * Deletes a connection with the client in context.
 *
 * @since 0.1.0
 * @category accessors
 */
export const deleteConnection = (id: number): Effect.Effect<void, ErpSyncError, ErpSyncClient> =>
  Effect.flatMap(ErpSyncClient, (client) => client.deleteConnection(id))
