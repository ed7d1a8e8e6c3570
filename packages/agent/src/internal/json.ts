/**
 * One JSON exchange over Effect's HttpClient (`effect/http`), for SuperID's REST endpoints: the body bounded in
 * size and parsed, redirects refused, every failure of the exchange itself a typed error. What the JSON
 * means is the caller's.
 */
import * as Effect from "effect/Effect"
import type * as HttpClient from "effect/http/HttpClient"
import type * as HttpClientRequest from "effect/http/HttpClientRequest"
import { HttpError, type TransportError } from "../ErpSyncError.js"
import { shownUrl } from "./endpoint.js"
import { execute, httpErrorOf, PREVIEW_BYTES, readAtMost, refuseRedirect } from "./exchange.js"

/** The largest JSON answer read: SuperID's are a few KiB. */
export const MAX_JSON_BYTES = 1024 * 1024

/** An answer whose body parsed as JSON (`json` undefined when it did not). */
export interface JsonAnswer {
  readonly status: number
  /** The origin and path the request went to. */
  readonly url: string
  readonly contentType: string | null
  readonly json: unknown
  /** At most the first 1 KiB of the body, for error messages. */
  readonly preview: string
}

const utf8 = new TextDecoder("utf-8")

/** Sends `request` and reads its answer as JSON. Fails with a redirect, or a body over `MAX_JSON_BYTES`. */
export const exchangeJson = (
  client: HttpClient.HttpClient,
  request: HttpClientRequest.HttpClientRequest,
  operation: string
): Effect.Effect<JsonAnswer, HttpError | TransportError> =>
  Effect.gen(function*() {
    const response = yield* execute(client, request, operation)
    const status = response.status
    const url = shownUrl(response.request.url)
    const contentType = response.headers["content-type"] ?? null
    const httpError = httpErrorOf(response, operation, contentType)
    if (status >= 300 && status < 400) return yield* refuseRedirect(response, operation)
    const bytes = yield* readAtMost(response, MAX_JSON_BYTES, operation)
    if (bytes === undefined) {
      return yield* Effect.fail(httpError("BodyTooLarge", `the body exceeds ${MAX_JSON_BYTES} bytes`, ""))
    }
    const text = utf8.decode(bytes)
    let json: unknown = undefined
    try {
      json = JSON.parse(text)
    } catch {
      // Not JSON: the caller says what that means for the status it came with.
    }
    return { status, url, contentType, json, preview: utf8.decode(bytes.subarray(0, PREVIEW_BYTES)) }
  })

/**
 * The `HttpError` for an answer that is not the JSON expected: `Status` for an error status, else `NotJson`.
 * Without the preview when the answer may hold a secret (a token).
 */
export const unexpectedAnswer = (
  operation: string,
  answer: JsonAnswer,
  expected: string,
  mayHoldSecrets: boolean
): HttpError =>
  new HttpError({
    reason: answer.status >= 400 ? "Status" : "NotJson",
    operation,
    url: answer.url,
    status: answer.status,
    contentType: answer.contentType,
    preview: mayHoldSecrets ? "" : answer.preview,
    detail: answer.status >= 400 ? `HTTP ${answer.status}` : `the answer is not ${expected}`
  })
