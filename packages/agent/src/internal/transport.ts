/**
 * One SOAP call over Effect's HttpClient (`effect/http`): the request written as the WSDL's binding says,
 * the response streamed into the decoder with its size bounded, and every way it can go wrong turned
 * into a typed error.
 */
import { type Service, type Soap, XmlCodec, type XmlError } from "@erpsync/codec"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Fiber from "effect/Fiber"
import type * as HttpClient from "effect/http/HttpClient"
import * as HttpClientRequest from "effect/http/HttpClientRequest"
import type * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as Result from "effect/Result"
import type * as Schedule from "effect/Schedule"
import * as Stream from "effect/Stream"
import * as Tracer from "effect/Tracer"
import type { HttpError } from "../ErpSyncError.js"
import { type ErpSyncError, TimeoutError, type TransportError } from "../ErpSyncError.js"
import { deadline } from "./deadline.js"
import {
  appendPreview,
  bodyBroken,
  httpErrorOf,
  PREVIEW_BYTES,
  previewText,
  readPreview,
  refuseRedirect,
  requestInitOf,
  send
} from "./exchange.js"
import { serviceErrorOf, type StatusHeader } from "./serviceError.js"

/**
 * An operation whose response carries the headers NetServer reports failures in (the client checks that
 * before calling it).
 */
export type CallableOperation = Service.Operation<string, unknown, { readonly Header: StatusHeader }>

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

const utf8 = new TextEncoder()

const mediaType = (contentType: string | null): string =>
  contentType === null ? "" : contentType.split(";")[0]!.trim().toLowerCase()

const charsetOf = (contentType: string | null): string | undefined => {
  const match = contentType === null ? null : /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)
  return match === null ? undefined : match[1]!.toLowerCase()
}

const XML_MEDIA_TYPES = new Set(["text/xml", "application/soap+xml", "application/xml"])

/** SOAP 1.1 puts the action in the quoted `SOAPAction` header, SOAP 1.2 in the content type. */
const contentTypeOf = (version: Soap.SoapVersion, action: string): string =>
  version === "1.1" ? "text/xml; charset=utf-8" : `application/soap+xml; charset=utf-8; action="${action}"`

const actionHeaders = (version: Soap.SoapVersion, action: string): Record<string, string> =>
  version === "1.1" ? { soapaction: `"${action}"` } : {}

/**
 * Makes effects into traced calls of `operation`: each failed with a `TimeoutError` (saying what its
 * `waitingFor` says was awaited then) unless it ends within `timeout`, inside a span
 * `<Service>.<Operation>` that records how it ended, a timeout included. The exchanges it makes annotate
 * that span with their HTTP status and body sizes.
 */
export const asCall = (
  operation: Pick<Service.AnyOperation, "name" | "service" | "action">,
  settings: CallSettings,
  timeout: Duration.Duration,
  /** The REST WebAPI's URL of the operation, for a call over REST. */
  restUrl?: string
): Traced => {
  // Made once per operation and client, not per call.
  const name = `${operation.service}.${operation.name}`
  const timeoutMillis = Duration.toMillis(timeout)
  const span: Tracer.SpanOptions = {
    kind: "client",
    // The call site inside this module says nothing a trace needs, and capturing it costs a stack trace.
    captureStackTrace: false,
    attributes: restUrl === undefined
      ? {
        "rpc.system": "soap",
        "rpc.service": operation.service,
        "rpc.method": operation.name,
        "soap.action": operation.action,
        "server.address": hostOf(settings.url),
        "soap.version": settings.soapVersion
      }
      : {
        "rpc.service": operation.service,
        "rpc.method": operation.name,
        "server.address": hostOf(restUrl),
        "url.path": new URL(restUrl).pathname
      }
  }
  return (self, waitingFor = awaitingAnswer) =>
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
) => Effect.Effect<A, E | TimeoutError, Exclude<R, Tracer.ParentSpan>>

const awaitingAnswer = (): TimeoutError["waitingFor"] => "Answer"

/**
 * What is the same for every call of an operation at an endpoint, made once: the request's URL, method
 * and SOAP action, and the codec's functions for its messages.
 */
export interface RequestTemplate<Request = unknown, Response = unknown> {
  readonly request: HttpClientRequest.HttpClientRequest
  readonly contentType: string
  readonly encode: (message: Request) => Result.Result<string, XmlError.XmlEncodeError>
  readonly decode: (bytes: Uint8Array) => Result.Result<Response, XmlError.DecodeError>
  /** A push decoder for one response, fed chunk by chunk. */
  readonly decoder: () => XmlCodec.PushDecoder<Response>
}

/** The request template of `operation` at `settings`' endpoint. */
export const requestTemplate = <Request, Response, RequestEncoded, ResponseEncoded>(
  settings: CallSettings,
  operation: Service.Operation<string, Request, Response, RequestEncoded, ResponseEncoded>
): RequestTemplate<Request, Response> => {
  const limits = { limits: settings.limits }
  return {
    request: HttpClientRequest.post(settings.url).pipe(
      HttpClientRequest.setHeaders(actionHeaders(settings.soapVersion, operation.action))
    ),
    contentType: contentTypeOf(settings.soapVersion, operation.action),
    encode: XmlCodec.encodeResult(operation.request, { soapVersion: settings.soapVersion }),
    decode: XmlCodec.decodeResult(operation.response, limits),
    decoder: () => XmlCodec.makeDecoder(operation.response, limits)
  }
}

/** Sets an attribute of the call's span, if it runs in one. */
type Annotate = (key: string, value: number) => void

const annotateOf = (fiber: Fiber.Fiber<unknown, unknown>): Annotate => {
  const span = Context.getOrUndefined(fiber.context, Tracer.ParentSpan)
  return span !== undefined && span._tag === "Span" ? (key, value) => span.attribute(key, value) : () => {}
}

/**
 * Calls `operation` with `message` and gives the response. Decodes the response by its content whatever the
 * HTTP status, so that a Fault with status 200 and a response with status 500 are both read for what they
 * are. The caller gives it a deadline and a span (`asCall`); the span gets the status and the body sizes.
 */
export const call = <Request, Response extends { readonly Header: StatusHeader }, RequestEncoded, ResponseEncoded>(
  client: HttpClient.HttpClient,
  settings: CallSettings,
  operation: Service.Operation<string, Request, Response, RequestEncoded, ResponseEncoded>,
  message: Request,
  template: RequestTemplate<Request, Response> = requestTemplate(settings, operation)
): Effect.Effect<Response, ErpSyncError> =>
  Effect.withFiber((fiber) => {
    const encoded = template.encode(message)
    if (Result.isFailure(encoded)) return Effect.fail(encoded.failure)
    const annotate = annotateOf(fiber)
    const body = utf8.encode(encoded.success)
    annotate("http.request.body.size", body.length)
    const request = HttpClientRequest.bodyUint8Array(template.request, body, template.contentType)
    const exchange = send(client, request, requestInitOf(fiber.context), operation.name)
    return Effect.flatMap(
      settings.retry === undefined ? exchange : exchange.pipe(
        Effect.retry({
          schedule: settings.retry,
          // Only where the request provably never reached the server: a save resent could create twice.
          while: (error) => error.reason === "Connect"
        })
      ),
      (response) => {
        annotate("http.response.status_code", response.status)
        return answer(response, settings, template, operation.name, annotate)
      }
    )
  })

/** Reads the response of a call of `name`, checked and decoded: a typed error for every way it is wrong. */
const answer = <Response extends { readonly Header: StatusHeader }>(
  response: HttpClientResponse.HttpClientResponse,
  settings: CallSettings,
  template: RequestTemplate<never, Response>,
  name: string,
  annotate: Annotate
): Effect.Effect<Response, ErpSyncError> => {
  const status = response.status
  // Read once: the response makes its headers anew on every read.
  const headers = response.headers
  const contentType = headers["content-type"] ?? null
  const httpError = httpErrorOf(response, name, contentType)
  const refuse = (reason: HttpError["reason"], detail: string) =>
    Effect.flatMap(readPreview(response), (preview) => Effect.fail(httpError(reason, detail, preview)))

  if (status >= 300 && status < 400) {
    return refuseRedirect(response, name)
  }
  const media = mediaType(contentType)
  if (!XML_MEDIA_TYPES.has(media)) {
    const what = media === "" ? "no content type" : media
    return status >= 400
      ? refuse("Status", `HTTP ${status} with ${what}`)
      : refuse("ContentType", `${what} is not a SOAP content type`)
  }
  const charset = charsetOf(contentType)
  if (charset !== undefined && charset !== "utf-8" && charset !== "utf8") {
    return refuse("ContentType", `charset ${charset} is not supported; only UTF-8 is`)
  }

  // A small body of known length, not content-encoded, is read in one piece and decoded at once: the
  // common case, and much cheaper than a stream. Any other body streams into a push decoder, counted
  // (after content decoding) and cut at the limit. Both keep the first KiB for error messages.
  let received = 0
  let preview: Uint8Array = new Uint8Array(0)
  const declared = Number(headers["content-length"] ?? "NaN")
  const encoding = headers["content-encoding"]
  const whole = (encoding === undefined || encoding.trim().toLowerCase() === "identity") &&
    Number.isInteger(declared) && declared >= 0 && declared <= Math.min(SMALL_BODY_BYTES, settings.maxResponseBytes)
  const tooLarge = () =>
    httpError("BodyTooLarge", `the body exceeds ${settings.maxResponseBytes} bytes`, previewText(preview))
  // What a decoding error means for the call.
  const failed = (error: XmlError.DecodeError | HttpError | TransportError): Effect.Effect<never, ErpSyncError> => {
    annotate("http.response.body.size", received)
    const mapped = error._tag === "SoapEnvelopeError" && error.reason === "NotSoap"
      ? httpError("NotSoap", error.detail, previewText(preview))
      : error
    // A decoding error of an answer whose status says it is no SOAP response: report the status.
    return Effect.fail(
      status >= 400 && status !== 500 && mapped._tag !== "SoapFault" && mapped._tag !== "TransportError" &&
        mapped._tag !== "HttpError" && mapped._tag !== "XmlLimitError"
        ? httpError("Status", `HTTP ${status}`, previewText(preview))
        : mapped
    )
  }
  const decoded = (result: Result.Result<Response, XmlError.DecodeError>): Effect.Effect<Response, ErpSyncError> => {
    if (Result.isFailure(result)) return failed(result.failure)
    annotate("http.response.body.size", received)
    const serviceError = serviceErrorOf(name, result.success.Header, status)
    return serviceError === undefined ? Effect.succeed(result.success) : Effect.fail(serviceError)
  }
  if (whole) {
    return Effect.matchEffect(response.arrayBuffer, {
      onFailure: (error) => failed(bodyBroken(name)(error)),
      onSuccess: (buffer) => {
        const bytes = new Uint8Array(buffer)
        received = bytes.length
        preview = bytes.subarray(0, PREVIEW_BYTES)
        // HTTP clients hold a body to its declared length; one that does not is held to the limit here.
        return received > settings.maxResponseBytes ? failed(tooLarge()) : decoded(template.decode(bytes))
      }
    })
  }
  // Each batch of chunks the body gives is fed synchronously; the first error ends the stream, which
  // cancels the rest of the body.
  const decoder = template.decoder()
  return response.stream.pipe(
    Stream.runForEachArray((chunks): Effect.Effect<void, XmlError.DecodeError | HttpError> => {
      for (const chunk of chunks) {
        received += chunk.length
        preview = appendPreview(preview, chunk)
        if (received > settings.maxResponseBytes) return Effect.fail(tooLarge())
        const written = decoder.write(chunk)
        if (Result.isFailure(written)) return Effect.fail(written.failure)
      }
      return Effect.void
    }),
    Effect.matchEffect({
      onFailure: (error) => failed(error._tag === "HttpClientError" ? bodyBroken(name)(error) : error),
      onSuccess: () => decoded(Result.map(decoder.end(), (document) => document.value))
    })
  )
}

/** The host (and port) of `url`; empty when it is not a URL. */
export const hostOf = (url: string): string => {
  try {
    return new URL(url).host
  } catch {
    return ""
  }
}
