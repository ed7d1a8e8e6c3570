/**
 * Hostile answers over HTTP (cases 11, 13, 15, 21, 22 and 24 of HOSTILE-INPUTS.md), from real local
 * servers that misbehave on purpose.
 */
import { describe, expect, it } from "@effect/vitest"
import { XmlCodec } from "@erpsync/codec"
import { ErpSync } from "@erpsync/schema"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import type * as http from "node:http"
import * as zlib from "node:zlib"
import { NS, SOAP11 } from "./support/envelope.js"
import { newConnection } from "./support/fixtures.js"
import { saveAgainst, type SeenRequest } from "./support/servers.js"

const saveError = saveAgainst

const xml =
  (status: number, body: string | Buffer, headers: Record<string, string> = {}) =>
  (_: SeenRequest, res: http.ServerResponse) =>
    res.writeHead(status, { "content-type": "text/xml; charset=utf-8", ...headers }).end(body)

describe("11. not SOAP: a typed error with the status, content type and a preview", () => {
  it.live.each(
    [
      ["an Envelope in an unknown namespace", `<Envelope xmlns="urn:not-soap"><Body/></Envelope>`],
      ["no envelope", `<SaveConnectionResponse xmlns="${NS}"/>`],
      ["an HTML root", `<html><head><title>502 Bad Gateway</title></head></html>`]
    ] as const
  )("%s", ([, body]) =>
    Effect.gen(function*() {
      const { error } = yield* saveError(xml(502, body))
      expect(error).toMatchObject({
        _tag: "HttpError",
        reason: "NotSoap",
        status: 502,
        contentType: "text/xml; charset=utf-8",
        preview: body
      })
    }).pipe(Effect.scoped))
})

describe("13. faults over HTTP", () => {
  it.live("a SOAP 1.2 fault with subcodes, several reasons and a detail", () =>
    Effect.gen(function*() {
      const fault = `<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body><e:Fault>` +
        `<e:Code><e:Value>e:Receiver</e:Value><e:Subcode><e:Value xmlns:w="urn:wcf">w:InternalServiceFault</e:Value></e:Subcode></e:Code>` +
        `<e:Reason><e:Text xml:lang="de">Fehler</e:Text><e:Text xml:lang="en-US">Failure</e:Text></e:Reason>` +
        `<e:Detail><ExceptionDetail xmlns="urn:wcf"><Message>m</Message></ExceptionDetail></e:Detail>` +
        `</e:Fault></e:Body></e:Envelope>`
      const { error } = yield* saveError(xml(500, fault, { "content-type": "application/soap+xml; charset=utf-8" }))
      expect(error).toMatchObject({
        _tag: "SoapFault",
        reason: "Receiver",
        soapVersion: "1.2",
        subcodes: [{ namespace: "urn:wcf", name: "InternalServiceFault" }],
        text: "Failure",
        detail: `<ExceptionDetail xmlns="urn:wcf"><Message>m</Message></ExceptionDetail>`
      })
    }).pipe(Effect.scoped))

  it.live("a huge detail is cut to a bounded length", () =>
    Effect.gen(function*() {
      const fault = `<s:Envelope xmlns:s="${SOAP11}"><s:Body><s:Fault><faultcode>s:Server</faultcode>` +
        `<faultstring>x</faultstring><detail>${"<a>text</a>".repeat(100_000)}</detail></s:Fault></s:Body></s:Envelope>`
      const { error } = yield* saveError(xml(500, fault))
      expect(error._tag).toBe("SoapFault")
      expect(error._tag === "SoapFault" && error.detail?.length).toBe(8192)
    }).pipe(Effect.scoped))

  it.live("a deep detail is stopped by the depth limit", () =>
    Effect.gen(function*() {
      const fault = `<s:Envelope xmlns:s="${SOAP11}"><s:Body><s:Fault><faultcode>s:Server</faultcode>` +
        `<faultstring>x</faultstring><detail>${"<a>".repeat(100)}${
          "</a>".repeat(100)
        }</detail></s:Fault></s:Body></s:Envelope>`
      const { error } = yield* saveError(xml(500, fault))
      expect(error).toMatchObject({ _tag: "XmlLimitError", reason: "Depth" })
    }).pipe(Effect.scoped))

  it.live("a fault without a detail", () =>
    Effect.gen(function*() {
      const fault = XmlCodec.encodeFault({
        soapVersion: "1.1",
        code: { namespace: SOAP11, name: "Client" },
        text: "bad"
      })
      const { error } = yield* saveError(xml(500, fault))
      expect(error).toMatchObject({ _tag: "SoapFault", reason: "Sender", text: "bad" })
      expect(error._tag === "SoapFault" && error.detail).toBeUndefined()
    }).pipe(Effect.scoped))
})

describe("15. in-band failures", () => {
  it.live("ExceptionInfo with inner exceptions and parameters is a ServiceError carrying all of them", () =>
    Effect.gen(function*() {
      const body = Result.getOrThrow(
        XmlCodec.encodeResult(ErpSync.SaveConnectionResponse)({
          Header: {
            ExceptionInfo: {
              Message: "outer",
              StackTrace: "at X",
              FriendlyText: "Something went wrong",
              ExceptionType: "SoException",
              Source: "NetServer",
              InnerException: {
                Message: "inner",
                StackTrace: null,
                FriendlyText: null,
                ExceptionType: "SqlException",
                Source: null,
                InnerException: null,
                Parameters: [{ Key: "table", Value: "erpconnection" }]
              },
              Parameters: null
            },
            Succeeded: false
          },
          Body: { Response: null }
        })
      )
      const { error } = yield* saveError(xml(200, body))
      expect(error).toMatchObject({
        _tag: "ServiceError",
        reason: "ExceptionInfo",
        detail: "outer",
        exceptionType: "SoException",
        friendlyText: "Something went wrong",
        source: "NetServer",
        exceptions: [
          { Message: "outer", ExceptionType: "SoException", Parameters: [] },
          { Message: "inner", ExceptionType: "SqlException", Parameters: [{ Key: "table", Value: "erpconnection" }] }
        ]
      })
    }).pipe(Effect.scoped))
})

describe("21. content type and charset", () => {
  it.live("UTF-8 declared, Latin-1 sent: an Encoding error, never U+FFFD", () =>
    Effect.gen(function*() {
      const text = Result.getOrThrow(
        XmlCodec.encodeResult(ErpSync.SaveConnectionResponse)({
          Header: {},
          Body: { Response: { ...newConnection, DisplayName: "blåbær" } }
        })
      )
      const { error } = yield* saveError(xml(200, Buffer.from(text, "latin1")))
      expect(error).toMatchObject({ _tag: "XmlParseError", reason: "Encoding" })
    }).pipe(Effect.scoped))
})

describe("22. endless bodies", () => {
  it.live("an endless body ends in a typed error (deadline or size), and the socket is released", () =>
    Effect.gen(function*() {
      const head = `<s:Envelope xmlns:s="${SOAP11}"><s:Body><SaveConnectionResponse xmlns="${NS}"><Response>`
      const { error, server } = yield* saveError((_, res) => {
        res.writeHead(200, { "content-type": "text/xml; charset=utf-8" })
        res.write(head)
        const chunk = "<x/>".repeat(4096)
        const pump = () => {
          while (!res.destroyed && res.write(chunk)) { /* fill the socket */ }
          if (!res.destroyed) res.once("drain", pump)
        }
        pump()
      }, { timeout: "2 seconds" })
      expect(["TimeoutError", "HttpError"]).toContain(error._tag)
      yield* Effect.sleep("200 millis")
      expect(server.openSockets()).toBe(0)
    }).pipe(Effect.scoped))
})

describe("24. size", () => {
  const many = (count: number) =>
    `<s:Envelope xmlns:s="${SOAP11}"><s:Body><SaveConnectionResponse xmlns="${NS}"><Response>` +
    "<x/>".repeat(count) + `</Response></SaveConnectionResponse></s:Body></s:Envelope>`
  // The gzip cases depend on the size limit alone: a small limit, and a deadline no loaded machine reaches.
  const sizeOnly = { maxResponseBytes: 1024 * 1024, timeout: "50 seconds" } as const

  it.live("a gzip bomb is stopped at maxResponseBytes counted after decompression", () =>
    Effect.gen(function*() {
      // About 64 MiB of XML, sent as about 100 KiB of gzip.
      const bomb = zlib.gzipSync(Buffer.from(many(16 * 1024 * 1024)), { level: 9 })
      expect(bomb.length).toBeLessThan(1024 * 1024)
      const { error } = yield* saveError(xml(200, bomb, { "content-encoding": "gzip" }), sizeOnly)
      expect(error).toMatchObject({ _tag: "HttpError", reason: "BodyTooLarge" })
    }).pipe(Effect.scoped))

  it.live("an endless gzip stream is cancelled at maxResponseBytes: the server sees the socket closed", () =>
    Effect.gen(function*() {
      const { error, server } = yield* saveError((_, res) => {
        res.writeHead(200, { "content-type": "text/xml; charset=utf-8", "content-encoding": "gzip" })
        const gzip = zlib.createGzip()
        gzip.pipe(res)
        gzip.write(`<s:Envelope xmlns:s="${SOAP11}"><s:Body><SaveConnectionResponse xmlns="${NS}"><Response>`)
        const chunk = "<x/>".repeat(16384)
        const pump = () => {
          while (!res.destroyed && gzip.write(chunk)) { /* fill */ }
          if (!res.destroyed) gzip.once("drain", pump)
        }
        res.on("close", () => gzip.destroy())
        pump()
      }, sizeOnly)
      expect(error).toMatchObject({ _tag: "HttpError", reason: "BodyTooLarge" })
      yield* Effect.sleep("300 millis")
      expect(server.openSockets()).toBe(0)
    }).pipe(Effect.scoped))

  it.live("a huge plain body is stopped at maxResponseBytes", () =>
    Effect.gen(function*() {
      const { error } = yield* saveError(xml(200, many(100_000)), { maxResponseBytes: 100_000 })
      expect(error).toMatchObject({ _tag: "HttpError", reason: "BodyTooLarge" })
    }).pipe(Effect.scoped))

  it.live("a Content-Length shorter than the body: the body is cut there and the error is typed", () =>
    Effect.gen(function*() {
      const body = many(10)
      const { error } = yield* saveError((_, res) => {
        res.socket?.write(
          `HTTP/1.1 200 OK\r\ncontent-type: text/xml; charset=utf-8\r\ncontent-length: 40\r\nconnection: close\r\n\r\n${body}`,
          () => res.socket?.end()
        )
      })
      expect(["XmlParseError", "TransportError"]).toContain(error._tag)
    }).pipe(Effect.scoped))
})
