/**
 * One HTTP exchange over Effect's HttpClient (`effect/http`), as every call of the client makes it: redirects
 * never followed and refused without their location's secrets, the caller's fetch options kept, failures
 * turned into a `TransportError` that says whether the request reached the server, and bodies read with
 * their size bounded.
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import type * as HttpClient from "effect/http/HttpClient"
import type * as HttpClientError from "effect/http/HttpClientError"
import type * as HttpClientRequest from "effect/http/HttpClientRequest"
import type * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as Stream from "effect/Stream"
import { HttpError, TransportError } from "../ErpSyncError.js"
import { shownUrl } from "./endpoint.js"

/** The at most 1 KiB of a body kept for error messages. */
export const PREVIEW_BYTES = 1024

/** The text of a body's first bytes (a character cut at the end becomes U+FFFD). */
export const previewText = (bytes: Uint8Array): string => new TextDecoder("utf-8").decode(bytes)

/** `preview` with as much of `chunk` as fits in `PREVIEW_BYTES`. */
export const appendPreview = (preview: Uint8Array, chunk: Uint8Array): Uint8Array => {
  if (preview.length >= PREVIEW_BYTES) return preview
  const next = new Uint8Array(Math.min(PREVIEW_BYTES, preview.length + chunk.length))
  next.set(preview)
  next.set(chunk.subarray(0, next.length - preview.length), preview.length)
  return next
}

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

/**
 * The codes of a connection that was never made, so of a request that never reached the server: refused,
 * a host with no address, a network or host out of reach, or undici's connect timeout. A plain `ETIMEDOUT`
 * is not one of them: it can come after the request was sent.
 */
const CONNECT_FAILURES: ReadonlySet<unknown> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT"
])

const isConnectFailure = (cause: unknown): boolean => {
  let current: unknown = cause
  for (let i = 0; i < 4 && typeof current === "object" && current !== null; i++) {
    if (CONNECT_FAILURES.has((current as { code?: unknown }).code)) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}

/**
 * The `HttpError` of an answer to a call of `operation`, given its reason, detail and preview; it names the
 * origin and path the request went to, its status and content type.
 */
export const httpErrorOf = (
  response: HttpClientResponse.HttpClientResponse,
  operation: string,
  contentType: string | null
) =>
(reason: HttpError["reason"], detail: string, preview: string): HttpError =>
  new HttpError({
    reason,
    operation,
    url: shownUrl(response.request.url),
    status: response.status,
    contentType,
    preview,
    detail
  })

/** What an `HttpClientError` says went wrong, from its reason's cause (its own message when it has none). */
const detailOf = (error: HttpClientError.HttpClientError): string => describeCause(error.reason.cause ?? error.reason)

/** A body that could not be read to its end: cut short, reset, or not decompressible. */
export const bodyBroken = (operation: string) => (error: HttpClientError.HttpClientError): TransportError =>
  new TransportError({ reason: "Body", operation, url: shownUrl(error.request.url), detail: detailOf(error) })

/** Reads at most `PREVIEW_BYTES` of a body, then lets the rest go. */
export const readPreview = (response: HttpClientResponse.HttpClientResponse): Effect.Effect<string> =>
  Effect.suspend(() => {
    let preview: Uint8Array = new Uint8Array(0)
    return response.stream.pipe(
      Stream.runForEachWhile((chunk) =>
        Effect.sync(() => {
          preview = appendPreview(preview, chunk)
          return preview.length < PREVIEW_BYTES
        })
      ),
      Effect.map(() => previewText(preview)),
      Effect.orElseSucceed(() => "")
    )
  })

/**
 * What a message shows of a redirect's `location`: the origin and path it points to (resolved against
 * `requestUrl`), never its query, fragment or user information, any of which may hold a token or a password.
 */
const shownLocation = (location: string | undefined, requestUrl: string): string => {
  if (location === undefined) return "no location"
  let url: URL
  try {
    url = new URL(location, requestUrl)
  } catch {
    return "a location that is not a URL"
  }
  return url.protocol === "http:" || url.protocol === "https:"
    ? `${url.origin}${url.pathname}`
    : `a ${url.protocol} location`
}

/**
 * Refuses a redirect of a call of `operation`: an `HttpError` (`Redirect`) naming the location's origin
 * and path only, without a preview, since a redirect's body often repeats the location whole. What the
 * body holds is read up to `PREVIEW_BYTES` and let go.
 */
export const refuseRedirect = (
  response: HttpClientResponse.HttpClientResponse,
  operation: string
): Effect.Effect<never, HttpError> => {
  const headers = response.headers
  const error = new HttpError({
    reason: "Redirect",
    operation,
    url: shownUrl(response.request.url),
    status: response.status,
    contentType: headers["content-type"] ?? null,
    preview: "",
    detail: `redirect to ${shownLocation(headers["location"], response.request.url)} refused`
  })
  return Effect.flatMap(readPreview(response), () => Effect.fail(error))
}

const NO_REDIRECT: RequestInit = { redirect: "manual" }

/** The caller's own fetch options, if it has any, with redirects never followed. */
export const requestInitOf = (context: Context.Context<never>): RequestInit => {
  const requestInit = Context.getOrUndefined(context, FetchHttpClient.RequestInit)
  return requestInit === undefined ? NO_REDIRECT : { ...requestInit, redirect: "manual" }
}

/**
 * Sends `request`, its failures turned into a `TransportError` of `operation`. Never follows a redirect:
 * fetch would re-send a POST as a GET. The caller's own fetch options stay.
 */
export const execute = (
  client: HttpClient.HttpClient,
  request: HttpClientRequest.HttpClientRequest,
  operation: string
): Effect.Effect<HttpClientResponse.HttpClientResponse, TransportError> =>
  Effect.withFiber((fiber) => send(client, request, requestInitOf(fiber.context), operation))

/** `execute` with the fetch options given. */
export const send = (
  client: HttpClient.HttpClient,
  request: HttpClientRequest.HttpClientRequest,
  requestInit: RequestInit,
  operation: string
): Effect.Effect<HttpClientResponse.HttpClientResponse, TransportError> =>
  client.execute(request).pipe(
    Effect.provideService(FetchHttpClient.RequestInit, requestInit),
    Effect.mapError((error) =>
      new TransportError({
        reason: error.reason._tag === "TransportError" && isConnectFailure(error.reason.cause) ? "Connect" : "Request",
        operation,
        url: shownUrl(request.url),
        detail: detailOf(error)
      })
    )
  )

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
      Effect.mapError(bodyBroken(operation)),
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
