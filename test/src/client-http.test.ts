/**
 * The client's HTTP behaviour, against raw servers on loopback that answer exactly as each test says:
 * the bytes it sends, and a typed error for every way an answer can go wrong.
 */
import { describe, expect, it } from "@effect/vitest"
import { ErpSyncClient, TicketSource } from "@erpsync/agent"
import { XmlCodec } from "@erpsync/codec"
import { ErpSync } from "@erpsync/schema"
import * as Cause from "effect/Cause"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Result from "effect/Result"
import * as Schedule from "effect/Schedule"
import * as fs from "node:fs"
import type * as http from "node:http"
import { afterAll } from "vitest"
import { newConnection } from "./support/fixtures.js"
import { recordingTracer, rendered } from "./support/observe.js"
import { extractSchemas, validate } from "./support/reference.js"
import { closedPort, rawServer, saveAgainst, type SeenRequest, TICKET } from "./support/servers.js"

const schemas = extractSchemas("ErpSync.wsdl")
afterAll(() => fs.rmSync(schemas.dir, { recursive: true, force: true }))

const SAVE_ACTION = "http://www.superoffice.net/ws/crm/NetServer/Services86/ErpSync/SaveConnection"

const clientFor = (url: string, options: Partial<ErpSyncClient.ErpSyncClientConfig> = {}) =>
  ErpSyncClient.make({ url, timeout: "5 seconds", ...options }).pipe(
    Effect.provideService(TicketSource.TicketSource, TicketSource.fixed(Redacted.make(TICKET))),
    Effect.provide(FetchHttpClient.layer)
  )

const okResponse = Result.getOrThrow(
  XmlCodec.encodeResult(ErpSync.SaveConnectionResponse)({
    Header: { Succeeded: true },
    Body: { Response: { ...newConnection, ErpConnectionId: 5 } }
  })
)

const answer =
  (status: number, contentType: string | undefined, body: string) => (_: SeenRequest, res: http.ServerResponse) => {
    if (contentType !== undefined) res.setHeader("content-type", contentType)
    res.writeHead(status).end(body)
  }

/** Answers `okResponse` one character every 20 ms, with `headers` besides its content type. */
const trickle = (headers: http.OutgoingHttpHeaders) => (_: SeenRequest, res: http.ServerResponse) => {
  res.writeHead(200, { "content-type": "text/xml; charset=utf-8", ...headers })
  let i = 0
  const timer = setInterval(() => {
    if (res.destroyed || i >= okResponse.length) return clearInterval(timer)
    res.write(okResponse[i++])
  }, 20)
  res.on("close", () => clearInterval(timer))
}

/** Saves `newConnection` against a raw server and gives the error. */
const saveError = (
  handler: (request: SeenRequest, response: http.ServerResponse) => void,
  options: Partial<ErpSyncClient.ErpSyncClientConfig> = {}
) => saveAgainst(handler, options).pipe(Effect.map(({ error }) => error), Effect.scoped)

describe("what goes on the wire", () => {
  it.live("SOAP 1.1: POST, text/xml; charset=utf-8, the quoted SOAPAction from the WSDL, headers inside <Header>", () =>
    Effect.gen(function*() {
      const server = yield* rawServer(answer(200, "text/xml; charset=utf-8", okResponse))
      const client = yield* clientFor(server.url, { applicationToken: Redacted.make("app-token") })
      yield* client.saveConnection(newConnection)
      const seen = server.requests[0]!
      expect(seen.method).toBe("POST")
      expect(seen.url).toBe("/Remote/Services86/ErpSync.svc")
      expect(seen.headers["content-type"]).toBe("text/xml; charset=utf-8")
      expect(seen.headers["soapaction"]).toBe(`"${SAVE_ACTION}"`)
      const body = seen.body.toString("utf8")
      expect(body).toMatch(
        /^<s:Envelope xmlns:s="http:\/\/schemas.xmlsoap.org\/soap\/envelope\/"[^>]*><s:Header><ApplicationToken>app-token<\/ApplicationToken><Credentials><Ticket>7T:test-ticket-secret<\/Ticket><\/Credentials><\/s:Header><s:Body><SaveConnection><Connection><TableRight>/
      )
      expect(validate(schemas.soap11, [body])).toStrictEqual({ ok: true, output: "" })
      expect(Number(seen.headers["content-length"])).toBe(seen.body.length)
    }).pipe(Effect.scoped))

  it.live("SOAP 1.2: application/soap+xml with the action parameter, no SOAPAction header", () =>
    Effect.gen(function*() {
      const server = yield* rawServer(answer(200, "application/soap+xml; charset=utf-8", okResponse))
      const client = yield* clientFor(server.url, { soapVersion: "1.2" })
      yield* client.saveConnection(newConnection)
      const seen = server.requests[0]!
      expect(seen.headers["content-type"]).toBe(`application/soap+xml; charset=utf-8; action="${SAVE_ACTION}"`)
      expect(seen.headers["soapaction"]).toBeUndefined()
      expect(seen.body.toString("utf8")).toContain(`xmlns:s="http://www.w3.org/2003/05/soap-envelope"`)
    }).pipe(Effect.scoped))
})

describe("the call's span", () => {
  /**
   * The one span `ErpSync.SaveConnection` of a save against a server answering `status` with `body`, of
   * declared length (read whole) or chunked (streamed).
   */
  const savedSpan = (status: number, body: string, declared: boolean) =>
    Effect.gen(function*() {
      const server = yield* rawServer((_, res) => {
        res.writeHead(status, {
          "content-type": "text/xml; charset=utf-8",
          ...(declared ? { "content-length": Buffer.byteLength(body) } : {})
        })
        // Written in two pieces: without a declared length, Node sends them as chunks.
        res.write(body.slice(0, 100))
        res.end(body.slice(100))
      })
      const { spans, tracer } = yield* recordingTracer
      const client = yield* clientFor(server.url)
      const exit = yield* Effect.exit(client.saveConnection(newConnection)).pipe(
        Effect.withTracer(tracer),
        // The platform records no header on its span unless told which.
        Effect.provideService(HttpClient.TracerHeaderFilter, () => true)
      )
      const calls = spans.filter((s) => s.name === "ErpSync.SaveConnection")
      expect(calls).toHaveLength(1)
      const span = calls[0]!
      // The platform's own span of the exchange, a child of the call's.
      const exchange = spans.find((s) => s.parent._tag === "Some" && s.parent.value === span)
      return { server, span, exchange, exit }
    })

  it.live.each([true, false])(
    "says what was called, where, and what went each way (length declared: %s)",
    (declared) =>
      Effect.gen(function*() {
        const { exchange, exit, server, span } = yield* savedSpan(200, okResponse, declared)
        expect(Exit.isSuccess(exit)).toBe(true)
        expect(span.kind).toBe("client")
        expect(Object.fromEntries(span.attributes)).toStrictEqual({
          "rpc.system": "soap",
          "rpc.service": "ErpSync",
          "rpc.method": "SaveConnection",
          "soap.action": SAVE_ACTION,
          "soap.version": "1.1",
          "server.address": `127.0.0.1:${server.port}`,
          "http.response.status_code": 200,
          "http.request.body.size": server.requests[0]!.body.length,
          "http.response.body.size": Buffer.byteLength(okResponse)
        })
        // What the platform's span of the exchange saw of the same request and response.
        expect(exchange?.attributes.get("http.request.header.content-length")).toBe(
          String(server.requests[0]!.body.length)
        )
        expect(exchange?.attributes.get("http.response.header.content-length")).toBe(
          declared ? String(Buffer.byteLength(okResponse)) : undefined
        )
        expect(exchange?.attributes.get("http.response.header.transfer-encoding")).toBe(
          declared ? undefined : "chunked"
        )
        expect(span.status).toMatchObject({ _tag: "Ended" })
      }).pipe(Effect.scoped)
  )

  it.live("a failed call's span ends in its error, with the status it came with", () =>
    Effect.gen(function*() {
      const fault = XmlCodec.encodeFault({
        soapVersion: "1.1",
        code: { namespace: "http://schemas.xmlsoap.org/soap/envelope/", name: "Client" },
        text: "refused"
      })
      const { exit, span } = yield* savedSpan(500, fault, true)
      expect(span.attributes.get("http.response.status_code")).toBe(500)
      expect(span.attributes.get("http.response.body.size")).toBe(Buffer.byteLength(fault))
      const ended = span.status._tag === "Ended" ? span.status.exit : Exit.void
      const error = Exit.isFailure(ended) ? Option.getOrUndefined(Cause.findErrorOption(ended.cause)) : undefined
      expect(error).toMatchObject({ _tag: "SoapFault", reason: "Sender", text: "refused" })
      expect(exit).toStrictEqual(ended)
    }).pipe(Effect.scoped))
})

describe("answers decoded by content, whatever the status", () => {
  it.live("a Fault with HTTP 200 is a SoapFault", () =>
    Effect.gen(function*() {
      const fault = XmlCodec.encodeFault({
        soapVersion: "1.1",
        code: { namespace: "http://schemas.xmlsoap.org/soap/envelope/", name: "Server" },
        text: "boom"
      })
      const error = yield* saveError(answer(200, "text/xml; charset=utf-8", fault))
      expect(error).toMatchObject({ _tag: "SoapFault", reason: "Receiver", text: "boom" })
    }))

  it.live("a normal response with HTTP 500 is decoded", () =>
    Effect.gen(function*() {
      const server = yield* rawServer(answer(500, "text/xml; charset=utf-8", okResponse))
      const client = yield* clientFor(server.url)
      const saved = yield* client.saveConnection(newConnection)
      expect(saved.ErpConnectionId).toBe(5)
    }).pipe(Effect.scoped))

  it.live("Succeeded = false without ExceptionInfo is a ServiceError", () =>
    Effect.gen(function*() {
      const body = Result.getOrThrow(
        XmlCodec.encodeResult(ErpSync.SaveConnectionResponse)({
          Header: { Succeeded: false },
          Body: { Response: null }
        })
      )
      const error = yield* saveError(answer(200, "text/xml; charset=utf-8", body))
      expect(error).toMatchObject({ _tag: "ServiceError", reason: "NotSucceeded" })
    }))
})

describe("answers that are not SOAP", () => {
  it.live("HTML with HTTP 500 is an HttpError with status, content type and a preview", () =>
    Effect.gen(function*() {
      const html = "<html><body><h1>Runtime Error</h1>" + "x".repeat(5000) + "</body></html>"
      const error = yield* saveError(answer(500, "text/html; charset=utf-8", html))
      expect(error).toMatchObject({
        _tag: "HttpError",
        reason: "Status",
        status: 500,
        contentType: "text/html; charset=utf-8"
      })
      expect(error._tag === "HttpError" && error.preview.startsWith("<html><body><h1>Runtime Error")).toBe(true)
      expect(error._tag === "HttpError" && error.preview.length).toBe(1024)
    }))

  it.live("JSON with HTTP 200 is an HttpError (ContentType), never fed to the decoder", () =>
    Effect.gen(function*() {
      const error = yield* saveError(answer(200, "application/json", `{"ok":true}`))
      expect(error).toMatchObject({ _tag: "HttpError", reason: "ContentType", status: 200, preview: `{"ok":true}` })
    }))

  it.live("HTTP 415 is an HttpError (Status)", () =>
    Effect.gen(function*() {
      const error = yield* saveError(answer(415, "text/plain", "Unsupported media type"))
      expect(error).toMatchObject({ _tag: "HttpError", reason: "Status", status: 415 })
    }))

  it.live("no content type is an HttpError (ContentType)", () =>
    Effect.gen(function*() {
      const error = yield* saveError(answer(200, undefined, okResponse))
      expect(error).toMatchObject({ _tag: "HttpError", reason: "ContentType", contentType: null })
    }))

  it.live("a charset other than UTF-8 is an HttpError (ContentType)", () =>
    Effect.gen(function*() {
      const error = yield* saveError(answer(200, "text/xml; charset=iso-8859-1", okResponse))
      expect(error).toMatchObject({ _tag: "HttpError", reason: "ContentType" })
    }))

  it.live("XML that is not a SOAP envelope is an HttpError (NotSoap) with a preview", () =>
    Effect.gen(function*() {
      const error = yield* saveError(answer(200, "text/xml", "<html><body>proxy</body></html>"))
      expect(error).toMatchObject({
        _tag: "HttpError",
        reason: "NotSoap",
        status: 200,
        preview: "<html><body>proxy</body></html>"
      })
    }))

  it.live("a redirect is refused, and never followed as a GET", () =>
    Effect.gen(function*() {
      const target = yield* rawServer(answer(200, "text/xml", okResponse))
      const error = yield* saveError((_, res) => res.writeHead(302, { location: target.url }).end())
      expect(error).toMatchObject({ _tag: "HttpError", reason: "Redirect", status: 302 })
      expect(target.requests).toHaveLength(0)
    }).pipe(Effect.scoped))

  it.live("a refused redirect shows only its location's origin and path: no query, fragment or credentials", () =>
    Effect.gen(function*() {
      const cases = [
        [
          "https://erp-admin:Pa55word@sso.example:8443/login/next?ticket=SECRET&x=1#SECRET",
          "https://sso.example:8443/login/next"
        ],
        ["/login/next?ticket=SECRET", "http://127.0.0.1:<port>/login/next"],
        ["javascript:SECRET", "a javascript: location"]
      ] as const
      let answered = 0
      const server = yield* rawServer((_, res) => {
        const location = cases[answered++]![0]
        // As IIS answers a redirect: a body that repeats the location.
        res.writeHead(302, { location, "content-type": "text/html" }).end(`Object moved to <a href="${location}">`)
      })
      const { spans, tracer } = yield* recordingTracer
      const client = yield* clientFor(server.url)
      const causes: Array<Cause.Cause<unknown>> = []
      for (const [, shown] of cases) {
        const exit = yield* Effect.exit(client.saveConnection(newConnection)).pipe(Effect.withTracer(tracer))
        const error = Exit.isFailure(exit) ? Option.getOrUndefined(Cause.findErrorOption(exit.cause)) : undefined
        const detail = `redirect to ${shown.replace("<port>", String(server.port))} refused`
        expect(error).toMatchObject({ _tag: "HttpError", reason: "Redirect", status: 302, detail })
        expect(String(error)).toContain(detail)
        if (Exit.isFailure(exit)) causes.push(exit.cause)
      }
      expect(causes).toHaveLength(cases.length)
      expect(spans.filter((s) => s.name === "ErpSync.SaveConnection")).toHaveLength(cases.length)
      const text = rendered([], causes, spans)
      for (const secret of ["SECRET", "erp-admin", "Pa55word"]) expect(text).not.toContain(secret)
    }).pipe(Effect.scoped))

  it.live("a body over maxResponseBytes is BodyTooLarge whatever the status", () =>
    Effect.gen(function*() {
      const error = yield* saveError(answer(503, "text/xml; charset=utf-8", okResponse), { maxResponseBytes: 256 })
      expect(error).toMatchObject({ _tag: "HttpError", reason: "BodyTooLarge", status: 503 })
    }))

  it.live("the caller's own fetch options are kept, and redirects are still refused", () =>
    Effect.gen(function*() {
      const server = yield* rawServer((_, res) => res.writeHead(307, { location: "http://127.0.0.1:9/" }).end())
      const error = yield* ErpSyncClient.make({ url: server.url }).pipe(
        Effect.flatMap((client) => Effect.flip(client.saveConnection(newConnection))),
        Effect.provideService(TicketSource.TicketSource, TicketSource.fixed(Redacted.make(TICKET))),
        Effect.provide(FetchHttpClient.layer),
        Effect.provideService(FetchHttpClient.RequestInit, { headers: { "x-proxy-auth": "abc" }, redirect: "follow" })
      )
      expect(error).toMatchObject({ _tag: "HttpError", reason: "Redirect", status: 307 })
      expect(server.requests[0]!.headers["x-proxy-auth"]).toBe("abc")
    }).pipe(Effect.scoped))

  it.live("a body over maxResponseBytes is an HttpError (BodyTooLarge)", () =>
    Effect.gen(function*() {
      const error = yield* saveError(answer(200, "text/xml; charset=utf-8", okResponse), { maxResponseBytes: 256 })
      expect(error).toMatchObject({ _tag: "HttpError", reason: "BodyTooLarge" })
    }))
})

describe("transport failures and deadlines", () => {
  it.live("connection refused is a TransportError (Connect)", () =>
    Effect.gen(function*() {
      const port = yield* closedPort
      const client = yield* clientFor(`http://127.0.0.1:${port}/ErpSync.svc`)
      const error = yield* Effect.flip(client.saveConnection(newConnection))
      expect(error).toMatchObject({ _tag: "TransportError", reason: "Connect" })
    }))

  it.live("a connection reset mid-body is a TransportError (Body)", () =>
    Effect.gen(function*() {
      const error = yield* saveError((_, res) => {
        res.writeHead(200, { "content-type": "text/xml; charset=utf-8" })
        res.write(okResponse.slice(0, 200), () => res.socket?.destroy())
      })
      expect(error).toMatchObject({ _tag: "TransportError", reason: "Body" })
    }))

  it.live("a body shorter than its Content-Length is a TransportError (Body)", () =>
    Effect.gen(function*() {
      const error = yield* saveError((_, res) => {
        res.writeHead(200, {
          "content-type": "text/xml; charset=utf-8",
          "content-length": String(okResponse.length + 100)
        })
        res.write(okResponse, () => res.socket?.end())
      })
      expect(error).toMatchObject({ _tag: "TransportError", reason: "Body" })
    }))

  it.live("a server that never answers ends in a TimeoutError at the deadline", () =>
    Effect.gen(function*() {
      const error = yield* saveError(() => {}, { timeout: "300 millis" })
      expect(error).toMatchObject({
        _tag: "TimeoutError",
        reason: "Deadline",
        timeoutMillis: 300,
        waitingFor: "Answer"
      })
      expect(error.message).toBe("SaveConnection: Deadline: no complete answer within 300 ms")
    }))

  it.live("a trickling body ends in a TimeoutError at the deadline", () =>
    Effect.gen(function*() {
      const error = yield* saveError(trickle({}), { timeout: "400 millis" })
      expect(error).toMatchObject({ _tag: "TimeoutError" })
    }))

  it.live("interrupting a call mid-response releases the connection: the server sees the socket closed", () =>
    Effect.gen(function*() {
      let headersSent!: () => void
      const sent = new Promise<void>((resolve) => (headersSent = resolve))
      const server = yield* rawServer((_, res) => {
        res.writeHead(200, { "content-type": "text/xml; charset=utf-8" })
        res.write(okResponse.slice(0, 100), () => headersSent())
      })
      const client = yield* clientFor(server.url, { timeout: "30 seconds" })
      const fiber = yield* Effect.forkChild(client.saveConnection(newConnection))
      yield* Effect.promise(() => sent)
      yield* Effect.sleep(Duration.millis(50))
      expect(server.openSockets()).toBeGreaterThan(0)
      yield* Fiber.interrupt(fiber)
      yield* Effect.sleep(Duration.millis(200))
      expect(server.openSockets()).toBe(0)
    }).pipe(Effect.scoped))
})

describe("a small body of declared length is read whole, any other streamed: the same results", () => {
  const faultResponse = XmlCodec.encodeFault({
    soapVersion: "1.1",
    code: { namespace: "http://schemas.xmlsoap.org/soap/envelope/", name: "Client" },
    text: "bad request"
  })
  const serviceFailure = Result.getOrThrow(
    XmlCodec.encodeResult(ErpSync.SaveConnectionResponse)({
      Header: {
        Succeeded: false,
        ExceptionInfo: {
          Message: "no such connection",
          StackTrace: null,
          FriendlyText: null,
          ExceptionType: "SuperOffice.CRM.EntityNotFoundException",
          Source: null,
          InnerException: null,
          Parameters: null
        }
      },
      Body: { Response: null }
    })
  )
  const answers: ReadonlyArray<[string, number, string]> = [
    ["a response", 200, okResponse],
    ["a Fault", 500, faultResponse],
    ["an in-band service failure", 200, serviceFailure],
    ["XML that is no envelope", 200, "<html><body>maintenance</body></html>"],
    ["malformed XML", 200, okResponse.slice(0, 300) + "<<"],
    ["an error status with a SOAP body that does not decode", 503, "<s:Envelope/>"]
  ]
  /** `body` with a Content-Length (read whole), or chunked in two writes (streamed). */
  const serve = (status: number, body: string, declared: boolean) => (_: SeenRequest, res: http.ServerResponse) => {
    const bytes = Buffer.from(body, "utf8")
    res.writeHead(status, {
      "content-type": "text/xml; charset=utf-8",
      ...(declared ? { "content-length": String(bytes.length) } : {})
    })
    if (declared) {
      res.end(bytes)
    } else {
      res.write(bytes.subarray(0, bytes.length >> 1))
      res.end(bytes.subarray(bytes.length >> 1))
    }
  }
  const outcome = (status: number, body: string, declared: boolean) =>
    Effect.gen(function*() {
      const server = yield* rawServer(serve(status, body, declared))
      const client = yield* clientFor(server.url)
      const result = yield* Effect.result(client.saveConnection(newConnection))
      // The same but for the server's port, which the errors name in their URL.
      return { result: JSON.parse(JSON.stringify(result).replaceAll(`:${server.port}/`, ":PORT/")) as unknown }
    }).pipe(Effect.scoped)

  for (const [name, status, body] of answers) {
    it.live(name, () =>
      Effect.gen(function*() {
        const whole = yield* outcome(status, body, true)
        const streamed = yield* outcome(status, body, false)
        expect(whole.result).toStrictEqual(streamed.result)
      }))
  }

  it.live("a body longer than it declared is still held to maxResponseBytes (an HttpClient that does not)", () =>
    Effect.gen(function*() {
      // Real HTTP stacks cut a body at its Content-Length; this in-process client does not.
      const lying = HttpClient.make((request) =>
        Effect.succeed(
          HttpClientResponse.fromWeb(
            request,
            new Response(okResponse + " ".repeat(8192), {
              headers: { "content-type": "text/xml; charset=utf-8", "content-length": "100" }
            })
          )
        )
      )
      const error = yield* ErpSyncClient.make({ url: "http://in-process.invalid/ErpSync.svc", maxResponseBytes: 4096 })
        .pipe(
          Effect.flatMap((client) => Effect.flip(client.saveConnection(newConnection))),
          Effect.provideService(TicketSource.TicketSource, TicketSource.fixed(Redacted.make(TICKET))),
          Effect.provideService(HttpClient.HttpClient, lying)
        )
      expect(error).toMatchObject({ _tag: "HttpError", reason: "BodyTooLarge" })
    }))

  it.live("a timeout is recorded on the call's span as the TimeoutError", () =>
    Effect.gen(function*() {
      const server = yield* rawServer(() => {})
      const { spans, tracer } = yield* recordingTracer
      const client = yield* clientFor(server.url, { timeout: "200 millis" })
      yield* Effect.flip(client.saveConnection(newConnection)).pipe(Effect.withTracer(tracer))
      const span = spans.find((s) => s.name === "ErpSync.SaveConnection")!
      expect(span.status._tag).toBe("Ended")
      const exit = span.status._tag === "Ended" ? span.status.exit : Exit.void
      expect(Exit.isFailure(exit) && Option.getOrUndefined(Cause.findErrorOption(exit.cause))).toMatchObject({
        _tag: "TimeoutError",
        operation: "SaveConnection",
        timeoutMillis: 200
      })
    }).pipe(Effect.scoped))

  it.live("a trickling body of declared length ends at the deadline, and its socket is released", () =>
    Effect.gen(function*() {
      const server = yield* rawServer(trickle({ "content-length": String(okResponse.length) }))
      const client = yield* clientFor(server.url, { timeout: "400 millis" })
      expect(yield* Effect.flip(client.saveConnection(newConnection))).toMatchObject({ _tag: "TimeoutError" })
      yield* Effect.sleep(Duration.millis(200))
      expect(server.openSockets()).toBe(0)
    }).pipe(Effect.scoped))
})

describe("retries", () => {
  it.live("none by default; an HTTP error is never retried even with a schedule", () =>
    Effect.gen(function*() {
      const server = yield* rawServer(answer(503, "text/html", "busy"))
      const client = yield* clientFor(server.url, { retry: Schedule.recurs(3) })
      yield* Effect.flip(client.saveConnection(newConnection))
      expect(server.requests).toHaveLength(1)
    }).pipe(Effect.scoped))

  it.live("a refused connection is retried with the schedule, until the server listens", () =>
    Effect.gen(function*() {
      const port = yield* closedPort
      const url = `http://127.0.0.1:${port}/Remote/Services86/ErpSync.svc`
      const client = yield* clientFor(url, {
        retry: Schedule.spaced("50 millis").pipe(Schedule.upTo({ times: 100 }))
      })
      const fiber = yield* Effect.forkChild(client.saveConnection(newConnection))
      yield* Effect.sleep("300 millis")
      const http = yield* Effect.promise(() => import("node:http"))
      const server = http.createServer((_, res) => {
        res.writeHead(200, { "content-type": "text/xml; charset=utf-8" }).end(okResponse)
      })
      yield* Effect.acquireRelease(
        Effect.callback<void>((resume) => void server.listen(port, "127.0.0.1", () => resume(Effect.void))),
        () => Effect.sync(() => server.close())
      )
      const saved = yield* Fiber.join(fiber)
      expect(saved.ErpConnectionId).toBe(5)
    }).pipe(Effect.scoped))

  /** Node's error for a connect that failed with `code` (as `net` makes it; undici passes it on). */
  const connectError = (code: string, errno: number) =>
    Object.assign(new Error(`connect ${code} 10.20.30.40:443 - Local (0.0.0.0:0)`), {
      errno,
      code,
      syscall: "connect",
      address: "10.20.30.40",
      port: 443
    })
  /** undici's `ConnectTimeoutError`: the socket did not connect within undici's `connectTimeout`. */
  const connectTimeout = Object.assign(
    new Error("Connect Timeout Error (attempted address: sso.example:443, timeout: 10000ms)"),
    { name: "ConnectTimeoutError", code: "UND_ERR_CONNECT_TIMEOUT" }
  )
  /** A read that timed out: the request may have reached the server. */
  const readTimeout = Object.assign(new Error("read ETIMEDOUT"), { errno: -110, code: "ETIMEDOUT", syscall: "read" })

  for (
    const [what, cause, retried] of [
      ["an unreachable network", connectError("ENETUNREACH", -101), true],
      // Node tries each address of a host in turn, and reports the failures together, with the first's code.
      [
        "an unreachable network at every address",
        Object.assign(new AggregateError([connectError("ENETUNREACH", -101)]), { code: "ENETUNREACH" }),
        true
      ],
      ["a connect timeout", connectTimeout, true],
      ["a read timeout", readTimeout, false]
    ] as const
  ) {
    it.live(`${what} is ${retried ? "" : "not "}retried with the schedule, as fetch reports it`, () =>
      Effect.gen(function*() {
        const server = yield* rawServer(answer(200, "text/xml; charset=utf-8", okResponse))
        const client = yield* clientFor(server.url, { retry: Schedule.recurs(3) })
        let attempts = 0
        // What fetch rejects with when undici fails: a TypeError whose cause is undici's error.
        const failingOnce: typeof globalThis.fetch = (input, init) =>
          attempts++ === 0 ? Promise.reject(new TypeError("fetch failed", { cause })) : globalThis.fetch(input, init)
        const exit = yield* Effect.exit(client.saveConnection(newConnection)).pipe(
          Effect.provideService(FetchHttpClient.Fetch, failingOnce)
        )
        if (retried) {
          expect(exit).toMatchObject({ _tag: "Success", value: { ErpConnectionId: 5 } })
          expect(attempts).toBe(2)
        } else {
          const error = Exit.isFailure(exit) ? Option.getOrUndefined(Cause.findErrorOption(exit.cause)) : undefined
          expect(error).toMatchObject({ _tag: "TransportError", reason: "Request" })
          expect(attempts).toBe(1)
        }
      }).pipe(Effect.scoped))
  }
})

describe("decoding errors over HTTP", () => {
  it.live("a response out of xs:sequence order is an XmlDecodeError naming the path", () =>
    Effect.gen(function*() {
      const swapped = okResponse.replace(
        /<ErpConnectionId>5<\/ErpConnectionId><ErpConnectorId>7<\/ErpConnectorId>/,
        "<ErpConnectorId>7</ErpConnectorId><ErpConnectionId>5</ErpConnectionId>"
      )
      expect(swapped).not.toBe(okResponse)
      const error = yield* saveError(answer(200, "text/xml; charset=utf-8", swapped))
      expect(error).toMatchObject({
        _tag: "XmlDecodeError",
        reason: "OutOfOrder",
        path: "/Envelope/Body/SaveConnectionResponse/Response/ErpConnectionId"
      })
    }))

  it.live("the decoder's limits apply to responses", () =>
    Effect.gen(function*() {
      const error = yield* saveError(answer(200, "text/xml; charset=utf-8", okResponse), { limits: { maxDepth: 4 } })
      expect(error).toMatchObject({ _tag: "XmlLimitError", reason: "Depth", limit: 4 })
    }))
})

describe("configuration from the environment", () => {
  const ConfiguredClient = ErpSyncClient.layerConfig().pipe(
    Layer.provide(TicketSource.layerConfig()),
    Layer.provide(FetchHttpClient.layer)
  )

  it.live("the layers' configurations read ERPSYNC_URL, ERPSYNC_TICKET and ERPSYNC_APPLICATION_TOKEN", () =>
    Effect.gen(function*() {
      const server = yield* rawServer(answer(200, "text/xml; charset=utf-8", okResponse))
      const provider = ConfigProvider.fromEnv({
        env: {
          ERPSYNC_URL: server.url,
          ERPSYNC_TICKET: "env-ticket",
          ERPSYNC_APPLICATION_TOKEN: "env-app",
          ERPSYNC_TIMEOUT: "5 seconds"
        }
      })
      const saved = yield* ErpSyncClient.saveConnection(newConnection).pipe(
        Effect.provide(ConfiguredClient),
        Effect.provideService(ConfigProvider.ConfigProvider, provider)
      )
      expect(saved.ErpConnectionId).toBe(5)
      const body = server.requests[0]!.body.toString("utf8")
      expect(body).toContain("<ApplicationToken>env-app</ApplicationToken><Credentials><Ticket>env-ticket</Ticket>")
    }).pipe(Effect.scoped))

  it.live("a missing ERPSYNC_URL is a ConfigError", () =>
    Effect.gen(function*() {
      const error = yield* ErpSyncClient.saveConnection(newConnection).pipe(
        Effect.provide(ConfiguredClient),
        Effect.provideService(ConfigProvider.ConfigProvider, ConfigProvider.fromEnv({ env: { ERPSYNC_TICKET: "t" } })),
        Effect.flip
      )
      expect(String(error)).toContain("ERPSYNC_URL")
    }))
})

describe("errors that say where", () => {
  it.effect.each(
    [
      [
        "a mistyped scheme",
        "htp:/erp.example/Remote/Services88/ErpSync.svc",
        {},
        "url: its scheme is htp:, not http: or https:"
      ],
      [
        "no scheme",
        "erp.example/Remote/Services88/ErpSync.svc",
        {},
        "url: it is not a URL: it has no scheme (https://…)"
      ],
      [
        "another scheme",
        "ftp://erp.example/Remote/Services88/ErpSync.svc",
        {},
        "url: its scheme is ftp:, not http: or https:"
      ],
      [
        "a WebAPI URL that is no URL",
        "https://erp.example/Remote/Services88/ErpSync.svc",
        { transport: "rest", webApiUrl: "erp.example/api/" },
        "webApiUrl: it is not a URL: it has no scheme (https://…)"
      ],
      [
        "an endpoint that is no URL",
        "https://erp.example/Remote/Services88/ErpSync.svc",
        { endpoints: { SoPrincipal: "//erp.example/SoPrincipal.svc" } },
        "endpoints.SoPrincipal: it is not a URL: it has no scheme (https://…)"
      ]
    ] as const
  )(
    "a URL that cannot be called is a ConfigurationError when the client is made: %s",
    ([, url, options, detail]) =>
      Effect.gen(function*() {
        const error = yield* Effect.flip(clientFor(url, options))
        expect(error).toMatchObject({ _tag: "ConfigurationError", reason: "Url", detail })
        expect(error.message).toContain(detail)
      })
  )

  it.effect("names the URL without its user information or query, which may hold secrets", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(clientFor("htp://user:hunter2@erp.example/ErpSync.svc?ticket=7T:secret"))
      expect(error).toMatchObject({ _tag: "ConfigurationError", url: "htp://erp.example/ErpSync.svc" })
      expect(`${error.message} ${JSON.stringify(error)}`).not.toMatch(/hunter2|7T:secret/)
    }))

  it.live("an HTTP error and a transport error name the URL they came from (origin and path only)", () =>
    Effect.gen(function*() {
      const notFound = yield* rawServer((_, response) => {
        response.writeHead(404, { "content-type": "text/plain" })
        response.end("Not Found")
      })
      const url = `http://127.0.0.1:${notFound.port}/Remote/Services88/ErpSynk.svc`
      const error = yield* Effect.flip((yield* clientFor(`${url}?ticket=7T:secret`)).saveConnection(newConnection))
      expect(error).toMatchObject({ _tag: "HttpError", reason: "Status", status: 404, url })
      expect(error.message).toContain(`from ${url}`)
      expect(`${error.message} ${JSON.stringify(error)}`).not.toContain("7T:secret")
      const port = yield* closedPort
      const closed = `http://127.0.0.1:${port}/Remote/Services88/ErpSync.svc`
      const refused = yield* Effect.flip((yield* clientFor(closed)).saveConnection(newConnection))
      expect(refused).toMatchObject({ _tag: "TransportError", reason: "Connect", url: closed })
      expect(refused.message).toContain(closed)
    }).pipe(Effect.scoped))
})
