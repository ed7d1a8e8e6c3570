/**
 * The local server's HTTP handler: the WSDLs' SOAP binding (1.1, and 1.2 as well) of every service in the
 * registry at every version, each at `/Remote/<version>/<endpoint file>` (`/Remote/Services86/ErpSync.svc`,
 * `/Remote/Services88/SoPrincipal.svc`), and the ErpSync agent of SuperOffice's REST WebAPI at
 * `/api/v1/Agents/ErpSync/<Operation>` (`rest.ts`), all over one model, optionally below
 * one folder (a site's, `/SuperOffice/…`, or a tenant's, `/Cust12345/…`), matched as IIS does regardless of case; with
 * WCF's answers to requests it cannot process: an `ActionNotSupported` Fault for an unknown or missing
 * `SOAPAction`, a `DeserializationFailed` Fault for a body it cannot decode, both with HTTP 500, and 404
 * at any other path. Beside them, when a system user is configured, SuperID's discovery document, key set
 * and `PartnerSystemUser/Authenticate` at their paths.
 */
import { type Soap, XmlCodec } from "@erpsync/codec"
import { type ErpSync, type Services, type Version, versions } from "@erpsync/schema"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as HttpServerRequest from "effect/http/HttpServerRequest"
import * as HttpServerResponse from "effect/http/HttpServerResponse"
import * as Result from "effect/Result"
import * as Stream from "effect/Stream"
import { refuse, type Served } from "./dispatch.js"
import { erpSync } from "./erpSync.js"
import type { ErpSyncModel } from "./model.js"
import { makeRest, restPath } from "./rest.js"
import type { Sessions } from "./sessions.js"
import { soPrincipal } from "./soPrincipal.js"
import { type SuperId, type SuperIdAnswer, superIdPaths } from "./superId.js"

/** What the server saw and answered, for logging and demos. */
export interface Exchange {
  /** The path the request was posted to (`/Remote/Services86/ErpSync.svc`). */
  readonly path: string
  /** Its `SOAPAction`. */
  readonly action: string
  readonly request: string
  readonly status: number
  readonly response: string
}

export interface AppOptions {
  readonly model: ErpSyncModel
  /** The logins, and the tickets ErpSync requests must carry. */
  readonly sessions: Sessions
  /** SuperID, when a system user is configured. */
  readonly superId: SuperId | undefined
  /** The largest request body read. */
  readonly maxRequestBytes: number
  readonly onExchange: ((exchange: Exchange) => Effect.Effect<void>) | undefined
}

const ADDRESSING_NONE = "http://schemas.microsoft.com/ws/2005/05/addressing/none"
const WCF_DISPATCHER = "http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher"

/** The operations of every service at every version, by `SOAPAction`: the record demands each service. */
const served: { readonly [Name in keyof Services]: { readonly [V in Version]: ReadonlyMap<string, Served> } } = {
  ErpSync: erpSync,
  SoPrincipal: soPrincipal
}

const servicePath = /^(?:\/[^/]+)?\/remote\/(services\d+)\/([^/]+?)\/?$/

/** The operations served at a path: those of the service whose endpoint file it names, at its version. */
const servedAt = (path: string): ReadonlyMap<string, Served> | undefined => {
  const match = servicePath.exec(path.toLowerCase())
  if (match === null) return undefined
  const version = (Object.keys(versions) as Array<Version>).find((version) => version.toLowerCase() === match[1])
  if (version === undefined) return undefined
  const services = versions[version]
  const name = (Object.keys(services) as Array<keyof Services>).find((name) =>
    services[name].endpoint.toLowerCase() === match[2]
  )
  return name === undefined ? undefined : served[name][version]
}

const contentTypeOf = (version: Soap.SoapVersion) =>
  version === "1.1" ? "text/xml; charset=utf-8" : "application/soap+xml; charset=utf-8"

/** The SOAP version and action of a request, from its content type and `SOAPAction` header. */
const envelopeOf = (
  headers: Readonly<Record<string, string | undefined>>
): { readonly version: Soap.SoapVersion; readonly action: string } | undefined => {
  const contentType = headers["content-type"] ?? ""
  const media = contentType.split(";")[0]!.trim().toLowerCase()
  if (media === "text/xml") {
    return { version: "1.1", action: (headers["soapaction"] ?? "").trim().replace(/^"(.*)"$/, "$1") }
  }
  if (media === "application/soap+xml") {
    return { version: "1.2", action: /;\s*action\s*=\s*"?([^";]*)"?/i.exec(contentType)?.[1] ?? "" }
  }
  return undefined
}

const utf8 = new TextDecoder("utf-8")

/**
 * The request body; `undefined` once it exceeds `limit` bytes (the rest is not read); a failure when it
 * could not be read (the client went away).
 */
const readAtMost = (request: HttpServerRequest.HttpServerRequest, limit: number) =>
  Effect.suspend(() => {
    const chunks: Array<Uint8Array> = []
    let size = 0
    return request.stream.pipe(
      Stream.runForEachWhile((chunk) =>
        Effect.sync(() => {
          size += chunk.length
          if (size > limit) return false
          chunks.push(chunk)
          return true
        })
      ),
      Effect.map(() => size > limit ? undefined : Buffer.concat(chunks))
    )
  })

const json = (answer: SuperIdAnswer) =>
  HttpServerResponse.jsonUnsafe(answer.json, { status: answer.status, headers: { "cache-control": "no-store" } })

/** SuperID's answer at `path`, or undefined when it serves nothing there. */
const superIdAnswer = (
  superId: SuperId,
  request: HttpServerRequest.HttpServerRequest,
  path: string,
  maxRequestBytes: number
) =>
  Effect.gen(function*() {
    const origin = `http://${request.headers["host"] ?? "localhost"}`
    const method = (allowed: string) =>
      HttpServerResponse.text("Method not allowed", { status: 405, headers: { allow: allowed } })
    switch (path.toLowerCase()) {
      case superIdPaths.discovery:
        return request.method === "GET" ? json(superId.discovery(origin)) : method("GET")
      case superIdPaths.keySet:
        return request.method === "GET" ? json(superId.keySet()) : method("GET")
      case superIdPaths.authenticate: {
        if (request.method !== "POST") return method("POST")
        const body = yield* Effect.result(readAtMost(request, maxRequestBytes))
        if (Result.isFailure(body) || body.success === undefined) {
          return HttpServerResponse.text("The request body could not be read.", { status: 400 })
        }
        const now = yield* Clock.currentTimeMillis
        const text = utf8.decode(body.success)
        return json(yield* superId.authenticate(text, now, origin))
      }
      default:
        return undefined
    }
  })

const rest = makeRest(erpSync.Services88)

/** The answer of the ErpSync agent of the WebAPI at `match` (`restPath`'s). */
const restAnswer = (
  options: AppOptions,
  request: HttpServerRequest.HttpServerRequest,
  path: string,
  match: RegExpExecArray
) =>
  Effect.gen(function*() {
    const read = yield* Effect.result(readAtMost(request, options.maxRequestBytes))
    if (Result.isFailure(read)) return HttpServerResponse.text("The request body could not be read.", { status: 400 })
    if (read.success === undefined) {
      return HttpServerResponse.text("The request is too large.", { status: 413, headers: { connection: "close" } })
    }
    const body = utf8.decode(read.success)
    const now = yield* Clock.currentTimeMillis
    const answer = rest({
      service: match[1]!,
      operation: match[2]!,
      method: request.method,
      headers: request.headers,
      query: new URLSearchParams(request.url.split("?")[1] ?? ""),
      body,
      state: { model: options.model, sessions: options.sessions, now }
    })
    if (options.onExchange !== undefined) {
      yield* options.onExchange({
        path,
        action: match[2]!,
        request: body,
        status: answer.status,
        response: answer.json ?? ""
      })
    }
    return answer.json === undefined
      ? HttpServerResponse.empty({ status: answer.status, headers: answer.headers ?? {} })
      : HttpServerResponse.text(answer.json, {
        status: answer.status,
        contentType: "application/json; charset=utf-8",
        headers: answer.headers ?? {}
      })
  })

/** The HTTP handler of the local ErpSync server. */
export const makeApp = (options: AppOptions) =>
  Effect.gen(function*() {
    const request = yield* HttpServerRequest.HttpServerRequest
    const path = request.url.split("?")[0]!
    if (options.superId !== undefined) {
      const answer = yield* superIdAnswer(options.superId, request, path, options.maxRequestBytes)
      if (answer !== undefined) return answer
    }
    const agent = restPath.exec(path)
    if (agent !== null) return yield* restAnswer(options, request, path, agent)
    const operations = servedAt(path)
    if (operations === undefined) {
      return HttpServerResponse.text("No service is served at this path.", { status: 404 })
    }
    if (request.method !== "POST") {
      return HttpServerResponse.text("Method not allowed", { status: 405, headers: { allow: "POST" } })
    }
    const envelope = envelopeOf(request.headers)
    if (envelope === undefined) {
      return HttpServerResponse.text(
        `Cannot process the message because the content type '${
          request.headers["content-type"] ?? ""
        }' was not the expected type 'text/xml; charset=utf-8'.`,
        { status: 415 }
      )
    }
    const { action, version } = envelope
    // The whole request is read before answering, so that the client always sees the answer; up to the
    // limit, as WCF's MaxReceivedMessageSize: a larger one is refused with 413, as WCF refuses it.
    const declared = Number(request.headers["content-length"] ?? "0")
    const read = declared > options.maxRequestBytes
      ? Result.succeed(undefined)
      : yield* Effect.result(readAtMost(request, options.maxRequestBytes))
    if (Result.isFailure(read)) {
      // A body cut short: nobody is left to read an answer, and half a request is not handled.
      return HttpServerResponse.text("The request body could not be read.", { status: 400 })
    }
    const body = read.success
    if (body === undefined) {
      return HttpServerResponse.text(
        `The maximum message size quota for incoming messages (${options.maxRequestBytes}) has been exceeded.`,
        { status: 413, headers: { connection: "close" } }
      )
    }
    const answer = (status: number, xml: string) =>
      Effect.as(
        options.onExchange === undefined
          ? Effect.void
          : options.onExchange({ path, action, request: utf8.decode(body), status, response: xml }),
        HttpServerResponse.text(xml, { status, contentType: contentTypeOf(version) })
      )
    const fault = (code: { namespace: string; name: string }, text: string) =>
      answer(500, XmlCodec.encodeFault({ soapVersion: version, code, text, lang: "en-US" }))

    const operation = operations.get(action)
    if (operation === undefined) {
      return yield* fault(
        { namespace: ADDRESSING_NONE, name: "ActionNotSupported" },
        `The message with Action '${action}' cannot be processed at the receiver, due to a ContractFilter mismatch at the EndpointDispatcher.`
      )
    }
    const decoded = XmlCodec.decodeResult(operation.operation.request)(body)
    if (Result.isFailure(decoded)) {
      return yield* fault(
        { namespace: WCF_DISPATCHER, name: "DeserializationFailed" },
        `The formatter threw an exception while trying to deserialize the message: ${decoded.failure.message}`
      )
    }
    const message = decoded.success as {
      readonly Header: { readonly Credentials?: ErpSync.SoCredentials | null }
      readonly Body: unknown
    }
    const now = yield* Clock.currentTimeMillis
    const response = operation.authenticated && !options.sessions.check(message.Header.Credentials?.Ticket, now)
      ? operation.refusal(
        refuse("Failed to authenticate: the ticket is missing, invalid or expired", "SoAuthenticationException")
      )
      : operation.answer(message, { model: options.model, sessions: options.sessions, now })
    const xml = yield* XmlCodec.encode(operation.operation.response, { soapVersion: version })(response).pipe(
      Effect.orDie
    )
    return yield* answer(200, xml)
  })
