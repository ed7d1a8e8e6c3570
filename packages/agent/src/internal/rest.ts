/**
 * One call over SuperOffice's REST WebAPI (`POST {base}v1/Agents/<Service>/<Operation>`, JSON), the other
 * wire of the same typed operations: the request body's members as a JSON object (or as the operation's
 * REST binding says), the response's `Response` read back bare (`204` for an operation that answers
 * nothing), and every way it can go wrong a typed error: the WebAPI's error object a `ServiceError` with
 * its fields, a `401` a rejected ticket (so that a login source renews it), anything else an `HttpError`.
 */
import { JsonCodec, type JsonError, type Service, type XmlCodec } from "@erpsync/codec"
import * as Effect from "effect/Effect"
import type * as HttpClient from "effect/http/HttpClient"
import * as HttpClientRequest from "effect/http/HttpClientRequest"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Result from "effect/Result"
import type * as Schedule from "effect/Schedule"
import * as Schema from "effect/Schema"
import { type ErpSyncError, ServiceError, type TransportError } from "../ErpSyncError.js"
import { httpErrorOf, previewText, readAtMost, readPreview, refuseRedirect, requestInitOf, send } from "./exchange.js"

/** Everything a REST call needs besides the operation and the body. */
export interface RestSettings {
  /** The WebAPI's base, ending in `/`: `https://host/Cust12345/api/`. */
  readonly baseUrl: string
  readonly maxResponseBytes: number
  readonly limits: Partial<XmlCodec.Limits> | undefined
  readonly retry: Schedule.Schedule<unknown, TransportError> | undefined
}

/**
 * What a call is authorised with: a ticket (`SOTicket`) or an access token (`Bearer`), and the application
 * token for Online.
 */
export interface RestCredentials {
  readonly ticket: Redacted.Redacted<string> | undefined
  readonly scheme: "SOTicket" | "Bearer"
  readonly applicationToken: Redacted.Redacted<string> | undefined
}

/**
 * The WebAPI base of a client's URL: the tenant's WebAPI URL itself (`…/api/`, the `webapi_url` claim), or
 * the one beside its SOAP endpoint (`…/Cust12345/Remote/Services88/ErpSync.svc` gives `…/Cust12345/api/`).
 * `undefined` for a URL that is neither.
 */
export const webApiBaseOf = (url: string): string | undefined => {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  const path = parsed.pathname
  const remote = /\/remote\/services\d+\/[^/]*$/i.exec(path)
  const api = /\/api\/?$/i.exec(path)
  const base = remote !== null ? path.slice(0, remote.index) : api !== null ? path.slice(0, api.index) : undefined
  if (base === undefined) return undefined
  return `${parsed.origin}${base}/api/`
}

type Fields = { readonly fields: Readonly<Record<string, Schema.Codec<unknown, unknown>>> }
const fieldsOf = (schema: Schema.Codec<unknown, unknown>) => (schema as unknown as Fields).fields

/** What is the same for every REST call of an operation, made once. */
export interface RestTemplate {
  readonly url: string
  readonly encode: (body: Readonly<Record<string, unknown>>) => Result.Result<
    { readonly text: string | undefined; readonly query: string },
    JsonError.JsonEncodeError
  >
  /** The response's `Response` member's reader, or none for an operation that answers nothing. */
  readonly decode: ((input: string | Uint8Array) => Result.Result<unknown, JsonError.JsonReadError>) | undefined
  /** The response body of an empty answer: its members' defaults. */
  readonly empty: unknown
}

/** The REST template of an operation. */
export const restTemplate = (settings: RestSettings, operation: Service.AnyOperation): RestTemplate => {
  const body = fieldsOf(operation.request)["Body"]!
  const members = fieldsOf(body)
  const responseBody = fieldsOf(operation.response)["Body"]!
  const response = fieldsOf(responseBody)["Response"]
  const binding = operation.rest
  const encodeMember = (name: string) => JsonCodec.encodeResult(members[name]!)
  // A member sent alone (as the body or a query parameter) that the caller left out is sent as the value
  // it takes: its constructor default, the value an absent element decodes to.
  // The struct of that member alone, made once per member (its default is made afresh by each call).
  const alone = new Map<string, Schema.Struct<Schema.Struct.Fields>>()
  const given = (value: Readonly<Record<string, unknown>>, name: string): unknown => {
    if (value[name] !== undefined) return value[name]
    let struct = alone.get(name)
    if (struct === undefined) {
      struct = Schema.Struct({ [name]: members[name]! })
      alone.set(name, struct)
    }
    return Option.getOrUndefined(Option.map(struct.makeOption({}), (made) => made[name]))
  }
  const encodeBody = JsonCodec.encodeResult(body)
  const noMembers = Object.keys(members).length === 0
  return {
    url: `${settings.baseUrl}v1/Agents/${encodeURIComponent(operation.service)}/${encodeURIComponent(operation.name)}`,
    encode: (value) => {
      if (binding?.query !== undefined) {
        const query = new URLSearchParams()
        for (const name of binding.query) {
          const text = encodeMember(name)(given(value, name))
          if (Result.isFailure(text)) return Result.fail(text.failure)
          const json = JSON.parse(text.success) as unknown
          query.set(name, typeof json === "string" ? json : text.success)
        }
        return Result.succeed({ text: undefined, query: `?${query}` })
      }
      const text = binding?.body !== undefined
        ? encodeMember(binding.body)(given(value, binding.body))
        : encodeBody(value)
      if (Result.isFailure(text)) return Result.fail(text.failure)
      return Result.succeed({ text: noMembers ? undefined : text.success, query: "" })
    },
    decode: response === undefined ? undefined : JsonCodec.decodeResult(response, { limits: settings.limits }),
    empty: Result.getOrThrow(JsonCodec.decodeResult(responseBody)("{}"))
  }
}

// The answer's text, for an error object or a preview: what the codec decodes is the bytes (never a U+FFFD).
const utf8 = new TextDecoder("utf-8", { fatal: false })

/** The WebAPI's error object, if `text` is one: `Error`, `ErrorType`, `ErrorMessage` or `Message`, `ErrorSource`. */
const errorObjectOf = (text: string): Record<string, unknown> | undefined => {
  if (!/^\s*\{/.test(text)) return undefined
  try {
    const json = JSON.parse(text) as unknown
    if (typeof json !== "object" || json === null || Array.isArray(json)) return undefined
    const object = json as Record<string, unknown>
    return "ErrorType" in object || "ErrorMessage" in object || object["Error"] === true ||
        ("Message" in object && Object.keys(object).every((key) => key === "Message" || key === "MessageDetail"))
      ? object
      : undefined
  } catch {
    return undefined
  }
}

const text = (value: unknown): string | null => typeof value === "string" ? value : null

/** A `ServiceError` of the WebAPI's error object, or of a 401 (a rejected ticket, as `isTicketRejected` reads it). */
const serviceErrorOf = (
  operation: string,
  status: number,
  error: Record<string, unknown> | undefined
): ServiceError => {
  const type = text(error?.["ErrorType"]) ?? (status === 401 ? "SoAuthenticationException" : null)
  const message = text(error?.["ErrorMessage"]) ?? text(error?.["Message"]) ??
    (status === 401 ? "the ticket or access token was not accepted (HTTP 401)" : `HTTP ${status}`)
  const detail = text(error?.["MessageDetail"])
  const source = text(error?.["ErrorSource"])
  return new ServiceError({
    reason: "ExceptionInfo",
    operation,
    detail: detail === null ? message : `${message} ${detail}`,
    exceptionType: type,
    friendlyText: null,
    source,
    exceptions: [{
      Message: message,
      ExceptionType: type,
      FriendlyText: null,
      Source: source,
      StackTrace: null,
      Parameters: []
    }],
    httpStatus: status
  })
}

/** Calls `operation` over the WebAPI with the request `body`, and gives the response message `{ Header, Body }`. */
export const restCall = (
  client: HttpClient.HttpClient,
  settings: RestSettings,
  operation: Service.AnyOperation,
  template: RestTemplate,
  body: Readonly<Record<string, unknown>>,
  credentials: RestCredentials
): Effect.Effect<{ readonly Header: {}; readonly Body: unknown }, ErpSyncError> =>
  Effect.withFiber((fiber) => {
    const encoded = template.encode(body)
    if (Result.isFailure(encoded)) return Effect.fail(encoded.failure)
    const headers: Record<string, string> = { accept: "application/json" }
    if (credentials.ticket !== undefined) {
      headers["authorization"] = `${credentials.scheme} ${Redacted.value(credentials.ticket)}`
    }
    if (credentials.applicationToken !== undefined) {
      headers["so-apptoken"] = Redacted.value(credentials.applicationToken)
    }
    let request = HttpClientRequest.post(template.url + encoded.success.query).pipe(
      HttpClientRequest.setHeaders(headers)
    )
    if (encoded.success.text !== undefined) {
      request = HttpClientRequest.bodyText(request, encoded.success.text, "application/json")
    }
    const name = operation.name
    const exchange = send(client, request, requestInitOf(fiber.context), name)
    return Effect.flatMap(
      settings.retry === undefined
        ? exchange
        : exchange.pipe(Effect.retry({ schedule: settings.retry, while: (error) => error.reason === "Connect" })),
      (response) => {
        const status = response.status
        const contentType = response.headers["content-type"] ?? null
        if (status >= 300 && status < 400) return refuseRedirect(response, name)
        const httpError = httpErrorOf(response, name, contentType)
        // A 204 has no body to read (the HTTP client refuses to stream one).
        const body = status === 204 || status === 205
          ? Effect.succeed(new Uint8Array(0))
          : readAtMost(response, settings.maxResponseBytes, name)
        return Effect.flatMap(body, (bytes): Effect.Effect<
          { readonly Header: {}; readonly Body: unknown },
          ErpSyncError
        > => {
          if (bytes === undefined) {
            return Effect.flatMap(
              readPreview(response),
              (preview) =>
                Effect.fail(httpError("BodyTooLarge", `the body exceeds ${settings.maxResponseBytes} bytes`, preview))
            )
          }
          const answer = utf8.decode(bytes)
          const media = (contentType ?? "").split(";")[0]!.trim().toLowerCase()
          const json = media === "application/json" || media === "text/json"
          const error = json ? errorObjectOf(answer) : undefined
          if (status === 401 || (status >= 400 && error !== undefined)) {
            return Effect.fail(serviceErrorOf(name, status, error))
          }
          if (status < 200 || status >= 300) {
            return Effect.fail(
              httpError(
                "Status",
                `HTTP ${status}${media === "" ? "" : ` with ${media}`}`,
                previewText(bytes.subarray(0, 1024))
              )
            )
          }
          // A void operation: 204, or an empty body (or null) with 200.
          if (template.decode === undefined) {
            return answer.trim() === "" || answer.trim() === "null"
              ? Effect.succeed({ Header: {}, Body: {} })
              : Effect.fail(
                httpError(
                  "NotJson",
                  "an answer to an operation that answers nothing",
                  previewText(bytes.subarray(0, 1024))
                )
              )
          }
          if (status === 204 || answer.trim() === "") return Effect.succeed({ Header: {}, Body: template.empty })
          if (!json) {
            return Effect.fail(
              httpError(
                "ContentType",
                `${media === "" ? "no content type" : media} is not JSON`,
                previewText(bytes.subarray(0, 1024))
              )
            )
          }
          // A 2xx answer may be the error object too (the WebAPI's agents page says so).
          if (error !== undefined && error["Error"] === true) return Effect.fail(serviceErrorOf(name, status, error))
          const decoded = template.decode(bytes)
          return Result.isSuccess(decoded)
            ? Effect.succeed({ Header: {}, Body: { Response: decoded.success } })
            : Effect.fail(decoded.failure)
        })
      }
    )
  })
