/**
 * The errors of an ErpSync call: a closed union of `Schema.TaggedError`s, each with a `reason`. None
 * of them ever holds the ticket or the application token.
 *
 * @since 0.1.0
 */
import type { JsonError, XmlError } from "@erpsync/codec"
import * as Schema from "effect/Schema"

/**
 * One exception of the service's `ExceptionInfo` chain.
 *
 * @since 0.1.0
 * @category models
 */
export const ExceptionInfo = Schema.Struct({
  Message: Schema.NullOr(Schema.String),
  ExceptionType: Schema.NullOr(Schema.String),
  FriendlyText: Schema.NullOr(Schema.String),
  Source: Schema.NullOr(Schema.String),
  StackTrace: Schema.NullOr(Schema.String),
  Parameters: Schema.Array(Schema.Struct({ Key: Schema.NullOr(Schema.String), Value: Schema.NullOr(Schema.String) }))
})

/**
 * @since 0.1.0
 * @category models
 */
export interface ExceptionInfo extends Schema.Schema.Type<typeof ExceptionInfo> {}

/**
 * The service reported a failure in band: an `ExceptionInfo` response header, or `Succeeded` = false
 * (`reason` says which), or a response without the value the operation must return (`EmptyResponse`).
 *
 * @since 0.1.0
 * @category errors
 */
export class ServiceError extends Schema.TaggedError<ServiceError>("@erpsync/agent/ServiceError")("ServiceError", {
  reason: Schema.Literals(["ExceptionInfo", "NotSucceeded", "EmptyResponse"]),
  operation: Schema.String,
  /** The outermost exception's `Message` (`FriendlyText` when it has none). */
  detail: Schema.String,
  exceptionType: Schema.NullOr(Schema.String),
  friendlyText: Schema.NullOr(Schema.String),
  source: Schema.NullOr(Schema.String),
  /** The exception chain, outermost first (the `InnerException`s follow). */
  exceptions: Schema.Array(ExceptionInfo),
  httpStatus: Schema.Number
}) {
  override get message(): string {
    const type = this.exceptionType === null ? "" : ` (${this.exceptionType})`
    return `${this.operation}: ${this.reason}: ${this.detail}${type}`
  }
}

/**
 * The server answered, but not with a SOAP message: a status or content type that is not SOAP's, a
 * redirect (never followed: a POST must not be re-sent as a GET), a body that is not a SOAP envelope,
 * or a body larger than the limit. For SuperID's system-user exchange, whose answers are JSON, `NotJson`:
 * an answer that is not the JSON SuperID documents. `preview` holds at most the first 1 KiB of the body
 * (none for a redirect, whose body often repeats its location). A redirect's `detail` names the origin and
 * path of its location only: its query, fragment or user information may hold a token or a password.
 *
 * @since 0.1.0
 * @category errors
 */
export class HttpError extends Schema.TaggedError<HttpError>("@erpsync/agent/HttpError")("HttpError", {
  reason: Schema.Literals(["Status", "ContentType", "Redirect", "NotSoap", "NotJson", "BodyTooLarge"]),
  operation: Schema.String,
  /** Where the request went: the URL's origin and path, never its query or user information. */
  url: Schema.String,
  status: Schema.Number,
  contentType: Schema.NullOr(Schema.String),
  preview: Schema.String,
  detail: Schema.String
}) {
  override get message(): string {
    return `${this.operation}: ${this.reason}: ${this.detail} (HTTP ${this.status}, ${
      this.contentType ?? "no content type"
    }, from ${this.url})`
  }
}

/**
 * The exchange with the server broke: the connection was never made (`Connect`: refused, no address for
 * the host, the network or host unreachable, or a connect timeout; the request never reached the server, so
 * retrying is safe), the request failed on the way (`Request`), or the response body was cut short or
 * reset (`Body`).
 *
 * @since 0.1.0
 * @category errors
 */
export class TransportError
  extends Schema.TaggedError<TransportError>("@erpsync/agent/TransportError")("TransportError", {
    reason: Schema.Literals(["Connect", "Request", "Body"]),
    operation: Schema.String,
    /** Where the request went: the URL's origin and path, never its query or user information. */
    url: Schema.String,
    detail: Schema.String
  })
{
  override get message(): string {
    return `${this.operation}: ${this.reason}: ${this.detail} (${this.url})`
  }
}

/**
 * The whole call did not finish within its deadline. `waitingFor` says what it was waiting for then: the
 * ticket (a login) or the service's answer (the request, the response headers and body).
 *
 * @since 0.1.0
 * @category errors
 */
export class TimeoutError extends Schema.TaggedError<TimeoutError>("@erpsync/agent/TimeoutError")("TimeoutError", {
  reason: Schema.Literal("Deadline"),
  operation: Schema.String,
  timeoutMillis: Schema.Number,
  waitingFor: Schema.Literals(["Ticket", "Answer"])
}) {
  override get message(): string {
    const what = this.waitingFor === "Ticket" ? "no ticket" : "no complete answer"
    return `${this.operation}: ${this.reason}: ${what} within ${this.timeoutMillis} ms`
  }
}

/**
 * Getting a ticket failed, or the service rejected the ticket a call carried.
 *
 * - Through SoPrincipal: the service answered `AuthenticationSucceeded` = false (`NotAuthenticated`),
 *   reported an `ExceptionInfo` (`ExceptionInfo`) or `Succeeded` = false (`NotSucceeded`), or succeeded
 *   without giving a ticket (`NoTicket`).
 * - A call's ticket: the service rejected it (`TicketRejected`, `operation` the call's), after a login
 *   source's one renewal, or at once for a ticket that cannot be renewed (a fixed ticket, an access token sent
 *   as it is over REST); `exceptions` are the service's.
 * - Through SuperID's system-user exchange (`operation` `PartnerSystemUser/Authenticate`): SuperID refused
 *   it (`ExchangeRefused`, `detail` its `ErrorMessage`); the JWT it answered with does not verify against
 *   the published keys, names another issuer, audience or tenant, or has expired (`InvalidToken`); the JWT
 *   holds no ticket claim (`NoTicket`); the published keys could not be fetched (`KeysUnavailable`); the
 *   private key could not be read (`InvalidPrivateKey`); or no tenant was given and the ErpSync URL names
 *   none (`NoContextIdentifier`).
 *
 * Never retried: the same credentials would fail again. It holds the user name, never the password, the
 * access token, the private key, the system user token, the application token, a JWT or a ticket.
 *
 * @since 0.1.0
 * @category errors
 */
export class AuthenticationError
  extends Schema.TaggedError<AuthenticationError>("@erpsync/agent/AuthenticationError")("AuthenticationError", {
    reason: Schema.Literals([
      "NotAuthenticated",
      "ExceptionInfo",
      "NotSucceeded",
      "NoTicket",
      "ExchangeRefused",
      "InvalidToken",
      "KeysUnavailable",
      "InvalidPrivateKey",
      "NoContextIdentifier",
      "TicketRejected"
    ]),
    /**
     * `AuthenticateUsernamePassword`, `AuthenticateWithAccessToken` or `PartnerSystemUser/Authenticate`; for
     * `TicketRejected`, the operation whose call was refused.
     */
    operation: Schema.String,
    /** The user name logged in with; null for an access token and a system user. */
    username: Schema.NullOr(Schema.String),
    detail: Schema.String,
    exceptionType: Schema.NullOr(Schema.String),
    /** The exception chain, outermost first, when the service reported one. */
    exceptions: Schema.Array(ExceptionInfo)
  })
{
  override get message(): string {
    const user = this.username === null ? "" : ` (user ${JSON.stringify(this.username)})`
    const type = this.exceptionType === null ? "" : ` (${this.exceptionType})`
    return `${this.operation}: ${this.reason}: ${this.detail}${user}${type}`
  }
}

/**
 * The client cannot do what it was asked with the endpoint it was configured with: the endpoint's URL names
 * a version of NetServer's API the client has no declarations of, or another than its `version` option
 * (`Version`, when the layer is built); a URL it was given is not an `http:` or `https:` URL, or has no
 * REST WebAPI beside it, for the `rest` transport (`Url`, when the layer is built); or the operation called is not one of the endpoint's version (`UnsupportedOperation`: the five
 * operations Services88 added, at a Services86 endpoint). Nothing was sent. `url` is the endpoint's origin and path, never its query or user information.
 *
 * @since 1.0.0
 * @category errors
 */
export class ConfigurationError
  extends Schema.TaggedError<ConfigurationError>("@erpsync/agent/ConfigurationError")("ConfigurationError", {
    reason: Schema.Literals(["Version", "UnsupportedOperation", "Url"]),
    /** The operation called, for `UnsupportedOperation`. */
    operation: Schema.NullOr(Schema.String),
    url: Schema.String,
    detail: Schema.String
  })
{
  override get message(): string {
    return `${this.operation === null ? "" : `${this.operation}: `}${this.reason}: ${this.url}: ${this.detail}`
  }
}

/**
 * Any error of an ErpSync call (the login that gets its ticket included): the errors above, a SOAP Fault, a response the codec cannot decode, or a
 * value the codec cannot encode (in XML, or in JSON over the REST WebAPI).
 *
 * @since 0.1.0
 * @category errors
 */
export type ErpSyncError =
  | ServiceError
  | ConfigurationError
  | AuthenticationError
  | HttpError
  | TransportError
  | TimeoutError
  | XmlError.DecodeError
  | XmlError.XmlEncodeError
  | JsonError.JsonReadError
  | JsonError.JsonEncodeError
