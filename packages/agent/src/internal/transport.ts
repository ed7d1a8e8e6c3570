/**
 * One SOAP call over `@effect/platform`'s HttpClient: the request written as the WSDL's binding says,
 * the response streamed into the decoder with its size bounded, and every way it can go wrong turned
 * into a typed error.
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { type Service, type Soap, XmlCodec, type XmlError } from "@erpsync/codec"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type * as Schedule from "effect/Schedule"
import * as Stream from "effect/Stream"
import { type ErpSyncError, HttpError, TimeoutError, TransportError } from "../ErpSyncError.js"
import { deadline } from "./deadline.js"
import { serviceErrorOf, type StatusHeader } from "./serviceError.js"

/** Everything a call needs besides the operation and the message. */
export interface CallSettings {
  readonly url: string
  readonly soapVersion: Soap.SoapVersion
  readonly maxResponseBytes: number
  readonly limits: Partial<XmlCodec.Limits> | undefined
  readonly retry: Schedule.Schedule<unknown, TransportError> | undefined
}

/** The default deadline of a whole call. */
export const DEFAULT_TIMEOUT: Duration.Duration = Duration.seconds(30)

/** The default largest response body, in bytes. */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024

/** The largest body read in one piece rather than streamed (when its length is declared). */
export const SMALL_BODY_BYTES = 64 * 1024

/** The at most 1 KiB of a body kept for error messages. */
export const PREVIEW_BYTES = 1024

const utf8 = new TextEncoder()
const previewText = (bytes: Uint8Array): string => new TextDecoder("utf-8").decode(bytes)

/** `preview` with as much of `chunk` as fits in `PREVIEW_BYTES`. */
const appendPreview = (preview: Uint8Array, chunk: Uint8Array): Uint8Array => {
  if (preview.length >= PREVIEW_BYTES) return preview
  const next = new Uint8Array(Math.min(PREVIEW_BYTES, preview.length + chunk.length))
  next.set(preview)
  next.set(chunk.subarray(0, next.length - preview.length), preview.length)
  return next
}

const mediaType = (contentType: string | null): string =>
  contentType === null ? "" : contentType.split(";")[0]!.trim().toLowerCase()

const charsetOf = (contentType: string | null): string | undefined => {
  const match = contentType === null ? null : /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)
  return match === null ? undefined : match[1]!.toLowerCase()
}

const XML_MEDIA_TYPES = new Set(["text/xml", "application/soap+xml", "application/xml"])

const describeCause = (cause: unknown): string => {
  const parts: Array<string> = []
  let current: unknown = cause
  for (let i = 0; i < 4 && current !== undefined && current !== null; i++) {
    if (current instanceof Error) {
      const code = (current as { code?: unknown }).code
      parts.push(typeof code === "string" ? `${current.message} (${code})` : current.message)
      current = (current as { cause?: unknown }).cause
    } else {
      parts.push(String(current))
      break
    }
  }
  return parts.join(": ")
}

const isConnectFailure = (cause: unknown): boolean => {
  let current: unknown = cause
  for (let i = 0; i < 4 && typeof current === "object" && current !== null; i++) {
    const code = (current as { code?: unknown }).code
    if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EHOSTUNREACH") return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}

/** SOAP 1.1 puts the action in the quoted `SOAPAction` header, SOAP 1.2 in the content type. */
const contentTypeOf = (version: Soap.SoapVersion, action: string): string =>
  version === "1.1" ? "text/xml; charset=utf-8" : `application/soap+xml; charset=utf-8; action="${action}"`

const actionHeaders = (version: Soap.SoapVersion, action: string): Record<string, string> =>
  version === "1.1" ? { soapaction: `"${action}"` } : {}

/** Reads at most `PREVIEW_BYTES` of a body, then lets the rest go. */
export const readPreview = (response: HttpClientResponse.HttpClientResponse): Effect.Effect<string> =>
  response.stream.pipe(
    Stream.runFoldWhile(new Uint8Array(0) as Uint8Array, (bytes) => bytes.length < PREVIEW_BYTES, appendPreview),
    Effect.map(previewText),
    Effect.orElseSucceed(() => "")
  )

const NO_REDIRECT: RequestInit = { redirect: "manual" }

/**
 * Sends `request`, its failures turned into a `TransportError` of `operation`. Never follows a redirect:
 * fetch would re-send a POST as a GET. The caller's own fetch options stay.
 */
export const execute = (
  client: HttpClient.HttpClient,
  request: HttpClientRequest.HttpClientRequest,
  operation: string
): Effect.Effect<HttpClientResponse.HttpClientResponse, TransportError> =>
  Effect.flatMap(Effect.serviceOption(FetchHttpClient.RequestInit), (requestInit) =>
    client.execute(request).pipe(
      Effect.provideService(
        FetchHttpClient.RequestInit,
        Option.isNone(requestInit) ? NO_REDIRECT : { ...requestInit.value, redirect: "manual" }
      ),
      Effect.mapError((error: HttpClientError.HttpClientError) =>
        new TransportError({
          reason: error._tag === "RequestError" && isConnectFailure(error.cause) ? "Connect" : "Request",
          operation,
          detail: describeCause(error.cause ?? error)
        })
      )
    ))

/** A body's bytes, up to `limit`: `undefined` past it (the rest is not read). */
export const readAtMost = (
  response: HttpClientResponse.HttpClientResponse,
  limit: number,
  operation: string
): Effect.Effect<Uint8Array | undefined, TransportError> =>
  Effect.suspend(() => {
    const chunks: Array<Uint8Array> = []
    let size = 0
    return response.stream.pipe(
      Stream.runForEachWhile((chunk) =>
        Effect.sync(() => {
          size += chunk.length
          if (size > limit) return false
          chunks.push(chunk)
          return true
        })
      ),
      Effect.mapError((error) =>
        new TransportError({ reason: "Body", operation, detail: describeCause(error.cause ?? error) })
      ),
      Effect.map(() => {
        if (size > limit) return undefined
        const bytes = new Uint8Array(size)
        let at = 0
        for (const chunk of chunks) {
          bytes.set(chunk, at)
          at += chunk.length
        }
        return bytes
      })
    )
  })

/**
 * Makes effects into traced calls of `operation`: each failed with a `TimeoutError` (saying what its
 * `waitingFor` says was awaited then) unless it ends within `timeout`, inside a span
 * `<Service>.<Operation>` that records how it ended, a timeout included. The exchanges it makes annotate
 * that span with their HTTP status and body sizes.
 */
export const asCall = (
  operation: Pick<Service.AnyOperation, "name" | "service" | "action">,
  settings: CallSettings,
  timeout: Duration.Duration
): Traced => {
  // Made once per operation and client, not per call.
  const name = `${operation.service}.${operation.name}`
  const timeoutMillis = Duration.toMillis(timeout)
  const span = {
    kind: "client",
    // The call site inside this module says nothing a trace needs, and capturing it costs a stack trace.
    captureStackTrace: false,
    attributes: {
      "rpc.system": "soap",
      "rpc.service": operation.service,
      "rpc.method": operation.name,
      "soap.action": operation.action,
      "server.address": hostOf(settings.url),
      "soap.version": settings.soapVersion
    }
  } as const
  return (self, waitingFor = answer) =>
    Effect.withSpan(
      deadline(self, timeoutMillis, () =>
        new TimeoutError({ reason: "Deadline", operation: operation.name, timeoutMillis, waitingFor: waitingFor() })),
      name,
      span
    )
}

/** An effect as one traced call with a deadline (see `asCall`); `waitingFor` says what a timeout awaited. */
export type Traced = <A, E, R>(
  self: Effect.Effect<A, E, R>,
  waitingFor?: () => TimeoutError["waitingFor"]
) => Effect.Effect<A, E | TimeoutError, R>

const answer = (): TimeoutError["waitingFor"] => "Answer"

/** The part of an operation's requests that is the same for every call: URL, method, SOAP action. */
export interface RequestTemplate {
  readonly request: HttpClientRequest.HttpClientRequest
  readonly contentType: string
}

/** The request template of `operation` at `settings`' endpoint. */
export const requestTemplate = (
  settings: CallSettings,
  operation: Pick<Service.AnyOperation, "action">
): RequestTemplate => ({
  request: HttpClientRequest.post(settings.url).pipe(
    HttpClientRequest.setHeaders(actionHeaders(settings.soapVersion, operation.action))
  ),
  contentType: contentTypeOf(settings.soapVersion, operation.action)
})

/** What a successful exchange returns. */
export interface Exchange<Response> {
  readonly value: Response
  readonly status: number
  readonly bytesSent: number
  readonly bytesReceived: number
}

/**
 * Calls `operation` with `message`. Decodes the response by its content whatever the HTTP status, so that
 * a Fault with status 200 and a response with status 500 are both read for what they are. The caller
 * gives it a deadline and a span (`asCall`).
 */
export const call = <Request, Response extends { readonly Header: StatusHeader }, RequestEncoded, ResponseEncoded>(
  client: HttpClient.HttpClient,
  settings: CallSettings,
  operation: Service.Operation<string, Request, Response, RequestEncoded, ResponseEncoded>,
  message: Request,
  template: RequestTemplate = requestTemplate(settings, operation)
): Effect.Effect<Exchange<Response>, ErpSyncError> => {
  const name = operation.name
  return Effect.gen(function*() {
    const xml = yield* XmlCodec.encode(operation.request, { soapVersion: settings.soapVersion })(message)
    const body = utf8.encode(xml)
    const request = HttpClientRequest.bodyUint8Array(template.request, body, template.contentType)
    const send = execute(client, request, name)
    const response = yield* settings.retry === undefined ? send : send.pipe(
      Effect.retry({
        schedule: settings.retry,
        // Only where the request provably never reached the server: a save resent could create twice.
        while: (error) => error.reason === "Connect"
      })
    )
    const status = response.status
    const contentType = response.headers["content-type"] ?? null
    yield* Effect.annotateCurrentSpan({ "http.response.status_code": status, "http.request.body.size": body.length })
    const httpError = (reason: HttpError["reason"], detail: string, preview: string) =>
      new HttpError({ reason, operation: name, status, contentType, preview, detail })

    if (status >= 300 && status < 400) {
      const location = response.headers["location"] ?? "no location"
      return yield* Effect.fail(httpError("Redirect", `redirect to ${location} refused`, yield* readPreview(response)))
    }
    const media = mediaType(contentType)
    if (!XML_MEDIA_TYPES.has(media)) {
      const preview = yield* readPreview(response)
      return yield* Effect.fail(
        status >= 400
          ? httpError("Status", `HTTP ${status} with ${media === "" ? "no content type" : media}`, preview)
          : httpError("ContentType", `${media === "" ? "no content type" : media} is not a SOAP content type`, preview)
      )
    }
    const charset = charsetOf(contentType)
    if (charset !== undefined && charset !== "utf-8" && charset !== "utf8") {
      return yield* Effect.fail(
        httpError("ContentType", `charset ${charset} is not supported; only UTF-8 is`, yield* readPreview(response))
      )
    }

    // A small body of known length, not content-encoded, is read in one piece and decoded at once: the
    // common case, and much cheaper than a stream. Any other body streams into the decoder, counted
    // (after content decoding) and cut at the limit. Both keep the first KiB for error messages.
    let received = 0
    let preview: Uint8Array = new Uint8Array(0)
    const declared = Number(response.headers["content-length"] ?? "NaN")
    const encoding = (response.headers["content-encoding"] ?? "identity").trim().toLowerCase()
    const whole = encoding === "identity" && Number.isInteger(declared) && declared >= 0 &&
      declared <= Math.min(SMALL_BODY_BYTES, settings.maxResponseBytes)
    const bodyBroken = (error: HttpClientError.ResponseError) =>
      new TransportError({ reason: "Body", operation: name, detail: describeCause(error.cause ?? error) })
    const tooLarge = () =>
      httpError("BodyTooLarge", `the body exceeds ${settings.maxResponseBytes} bytes`, previewText(preview))
    const decoded = whole
      ? response.arrayBuffer.pipe(
        Effect.mapError(bodyBroken),
        Effect.flatMap((buffer): Effect.Effect<Response, HttpError | XmlError.DecodeError> => {
          const bytes = new Uint8Array(buffer)
          received = bytes.length
          preview = bytes.subarray(0, PREVIEW_BYTES)
          // HTTP clients hold a body to its declared length; one that does not is held to the limit here.
          return received > settings.maxResponseBytes
            ? Effect.fail(tooLarge())
            : XmlCodec.decode(operation.response, { limits: settings.limits })(bytes)
        })
      )
      : XmlCodec.decodeStream(operation.response, { limits: settings.limits })(response.stream.pipe(
        Stream.mapError(bodyBroken),
        Stream.mapEffect((chunk) => {
          received += chunk.length
          preview = appendPreview(preview, chunk)
          return received > settings.maxResponseBytes ? Effect.fail(tooLarge()) : Effect.succeed(chunk)
        })
      ))
    const value = yield* decoded.pipe(
      Effect.catchTags({
        SoapEnvelopeError: (error: XmlError.SoapEnvelopeError) =>
          error.reason === "NotSoap"
            ? Effect.fail(httpError("NotSoap", error.detail, previewText(preview)))
            : Effect.fail(error),
        XmlReadError: (error: XmlError.XmlReadError) =>
          Effect.fail(new TransportError({ reason: "Body", operation: name, detail: error.detail }))
      }),
      Effect.catchIf(
        // A decoding error of an answer whose status says it is no SOAP response: report the status.
        (error) =>
          status >= 400 && status !== 500 && error._tag !== "SoapFault" && error._tag !== "TransportError" &&
          error._tag !== "HttpError" && error._tag !== "XmlLimitError",
        () => Effect.fail(httpError("Status", `HTTP ${status}`, previewText(preview)))
      )
    )
    yield* Effect.annotateCurrentSpan({ "http.response.body.size": received })
    const serviceError = serviceErrorOf(name, value.Header, status)
    if (serviceError !== undefined) return yield* Effect.fail(serviceError)
    return { value, status, bytesSent: body.length, bytesReceived: received }
  })
}

/** The host (and port) of `url`; empty when it is not a URL. */
export const hostOf = (url: string): string => {
  try {
    return new URL(url).host
  } catch {
    return ""
  }
}
