/**
 * The SOAP headers of Services86: the request's `ApplicationToken`, `Credentials` and `TimeZone`, and
 * the response's `ExceptionInfo`, `ExtraInfo`, `Succeeded` and `TimeZone`.
 *
 * @since 0.1.0
 */
import { Xsd } from "@erpsync/codec"
import * as Schema from "effect/Schema"
import { contract, dictionary, member, nullableString } from "./internal/declare.js"

/**
 * `SoCredentials`: the ticket a call is made with.
 *
 * @since 0.1.0
 * @category headers
 */
export const SoCredentials = contract("SoCredentials", {
  /** The session ticket from SoPrincipal. A secret: never log it. */
  Ticket: nullableString()
})

/**
 * @since 0.1.0
 * @category headers
 */
export interface SoCredentials extends Schema.Schema.Type<typeof SoCredentials> {}

/**
 * `SoTimeZone`: the time zone dates are given in.
 *
 * @since 0.1.0
 * @category headers
 */
export const SoTimeZone = contract("SoTimeZone", {
  SoTimeZoneId: member(Xsd.int),
  SoTimeZoneLocationCode: nullableString()
})

/**
 * @since 0.1.0
 * @category headers
 */
export interface SoTimeZone extends Schema.Schema.Type<typeof SoTimeZone> {}

/**
 * `SoExceptionInfoParameters`: the parameters of a service exception, as ordered key/value pairs.
 *
 * @since 0.1.0
 * @category headers
 */
export const SoExceptionInfoParameters = dictionary(
  "SoExceptionInfoParameters",
  "SoExceptionInfoParametersKeyValuePair",
  Xsd.string
)

/**
 * @since 0.1.0
 * @category headers
 */
export type SoExceptionInfoParameters = Schema.Schema.Type<typeof SoExceptionInfoParameters>

/**
 * `SoExceptionInfo`: an exception on the server, with its chain of inner exceptions.
 *
 * @since 0.1.0
 * @category headers
 */
export interface SoExceptionInfo {
  readonly Message: string | null
  readonly StackTrace: string | null
  readonly FriendlyText: string | null
  readonly ExceptionType: string | null
  readonly Source: string | null
  readonly InnerException: SoExceptionInfo | null
  readonly Parameters: SoExceptionInfoParameters | null
}

/**
 * @since 0.1.0
 * @category headers
 */
export const SoExceptionInfo: Schema.Schema<SoExceptionInfo> = contract("SoExceptionInfo", {
  Message: nullableString(),
  StackTrace: nullableString(),
  FriendlyText: nullableString(),
  ExceptionType: nullableString(),
  Source: nullableString(),
  InnerException: member(Schema.NullOr(Schema.suspend((): Schema.Schema<SoExceptionInfo> => SoExceptionInfo))),
  Parameters: member(Schema.NullOr(SoExceptionInfoParameters))
})

/**
 * `SoExtraInfo`: extra information about a call, as ordered `ExtraInfoNameValuePair`s.
 *
 * @since 0.1.0
 * @category headers
 */
export const SoExtraInfo = dictionary("SoExtraInfo", "ExtraInfoNameValuePair", Xsd.string)

/**
 * @since 0.1.0
 * @category headers
 */
export type SoExtraInfo = Schema.Schema.Type<typeof SoExtraInfo>

const header = <S extends Schema.Schema.All>(schema: S) => Schema.optionalWith(schema, { exact: true })

/**
 * The only request header of SoPrincipal's operations: the application token (Online).
 *
 * @since 0.1.0
 * @category headers
 */
export const ApplicationTokenField = {
  /** The application token (Online). A secret: never log it. */
  ApplicationToken: header(Schema.NullOr(Xsd.string))
}

/**
 * The request headers every Services86 operation takes, in the binding's order. Each may be absent;
 * `ApplicationToken` is needed for Online installations only.
 *
 * @since 0.1.0
 * @category headers
 */
export const RequestHeaderFields = {
  ...ApplicationTokenField,
  /** The session ticket. */
  Credentials: header(Schema.NullOr(SoCredentials)),
  /** The caller's time zone. */
  TimeZone: header(Schema.NullOr(SoTimeZone))
}

/**
 * The response headers every Services86 operation returns, in the binding's order. A service error
 * arrives as `ExceptionInfo` with `Succeeded` = false.
 *
 * @since 0.1.0
 * @category headers
 */
export const ResponseHeaderFields = {
  /** The exception the service raised, if any. */
  ExceptionInfo: header(Schema.NullOr(SoExceptionInfo)),
  /** Extra information about the call. */
  ExtraInfo: header(Schema.NullOr(SoExtraInfo)),
  /** Whether the call succeeded. */
  Succeeded: header(Xsd.boolean),
  /** The time zone of dates in the response. */
  TimeZone: header(Schema.NullOr(SoTimeZone))
}

/**
 * @since 0.1.0
 * @category headers
 */
export const RequestHeader = Schema.Struct(RequestHeaderFields)

/**
 * @since 0.1.0
 * @category headers
 */
export interface RequestHeader extends Schema.Schema.Type<typeof RequestHeader> {}

/**
 * @since 0.1.0
 * @category headers
 */
export const ResponseHeader = Schema.Struct(ResponseHeaderFields)

/**
 * @since 0.1.0
 * @category headers
 */
export interface ResponseHeader extends Schema.Schema.Type<typeof ResponseHeader> {}
