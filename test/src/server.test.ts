/**
 * The local ErpSync server's answers to requests the client would never send, over plain fetch.
 */
import { describe, expect, it } from "@effect/vitest"
import { XmlCodec } from "@erpsync/codec"
import { ErpSync } from "@erpsync/schema"
import { ErpSyncServer } from "@erpsync/testing"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as http from "node:http"

const ACTION = "http://www.superoffice.net/ws/crm/NetServer/Services86/ErpSync/GetConnection"
const request = Result.getOrThrow(
  XmlCodec.encodeResult(ErpSync.GetConnectionRequest)({ Header: {}, Body: { ErpConnectionId: 1 } })
)

const post = (url: string, init: RequestInit) =>
  Effect.promise(async () => {
    const response = await fetch(url, { method: "POST", ...init })
    return { status: response.status, contentType: response.headers.get("content-type"), body: await response.text() }
  })

const faultOf = (body: string) =>
  Result.flip(XmlCodec.decodeResult(ErpSync.GetConnectionResponse)(body)).pipe(Result.getOrThrow)

describe("the local server's protocol errors", () => {
  it.live("a missing SOAPAction: ActionNotSupported Fault with HTTP 500", () =>
    Effect.gen(function*() {
      const server = yield* ErpSyncServer.make()
      const answer = yield* post(server.url, { headers: { "content-type": "text/xml; charset=utf-8" }, body: request })
      expect(answer.status).toBe(500)
      expect(answer.contentType).toBe("text/xml; charset=utf-8")
      expect(faultOf(answer.body)).toMatchObject({
        _tag: "SoapFault",
        code: { namespace: "http://schemas.microsoft.com/ws/2005/05/addressing/none", name: "ActionNotSupported" }
      })
    }))

  it.live("a body it cannot decode: DeserializationFailed Fault with HTTP 500", () =>
    Effect.gen(function*() {
      const server = yield* ErpSyncServer.make()
      const answer = yield* post(server.url, {
        headers: { "content-type": "text/xml; charset=utf-8", soapaction: `"${ACTION}"` },
        body: request.replace("<ErpConnectionId>1</ErpConnectionId>", "<ErpConnectionId>one</ErpConnectionId>")
      })
      expect(answer.status).toBe(500)
      const fault = faultOf(answer.body)
      expect(fault).toMatchObject({ _tag: "SoapFault", code: { name: "DeserializationFailed" } })
      expect(fault._tag === "SoapFault" && fault.text).toContain("\"one\" is not a valid xs:int")
    }))

  it.live("a SOAP 1.2 request is answered in SOAP 1.2", () =>
    Effect.gen(function*() {
      const server = yield* ErpSyncServer.make()
      const body = Result.getOrThrow(
        XmlCodec.encodeResult(ErpSync.GetConnectionRequest, { soapVersion: "1.2" })({
          Header: {},
          Body: { ErpConnectionId: 3 }
        })
      )
      const answer = yield* post(server.url, {
        headers: { "content-type": `application/soap+xml; charset=utf-8; action="${ACTION}"` },
        body
      })
      expect(answer.status).toBe(200)
      expect(answer.contentType).toBe("application/soap+xml; charset=utf-8")
      expect(XmlCodec.decodeResult(ErpSync.GetConnectionResponse)(answer.body)).toStrictEqual(
        Result.succeed({ Header: { Succeeded: true }, Body: { Response: null } })
      )
    }))

  it.live("another content type: HTTP 415; another method: HTTP 405", () =>
    Effect.gen(function*() {
      const server = yield* ErpSyncServer.make()
      expect((yield* post(server.url, { headers: { "content-type": "application/json" }, body: "{}" })).status).toBe(
        415
      )
      const get = yield* Effect.promise(() => fetch(server.url))
      expect(get.status).toBe(405)
    }))
})

describe("the local server's request size limit", () => {
  const headers = { "content-type": "text/xml; charset=utf-8", soapaction: `"${ACTION}"` }
  // The request padded with whitespace between the elements to `size` bytes.
  const padded = (size: number) => request.replace("<s:Body>", `<s:Body>${" ".repeat(size - request.length)}`)

  it.live("a body at the limit is served; one byte over, with a Content-Length, is refused with 413", () =>
    Effect.gen(function*() {
      const server = yield* ErpSyncServer.make({ maxRequestBytes: 4096 })
      const at = yield* post(server.url, { headers, body: padded(4096) })
      expect(at.status).toBe(200)
      const over = yield* post(server.url, { headers, body: padded(4097) })
      expect(over.status).toBe(413)
      expect(over.body).toContain("(4096) has been exceeded")
    }))

  it.live("a chunked body (no Content-Length) is cut off once it passes the limit, not read to its end", () =>
    Effect.gen(function*() {
      const server = yield* ErpSyncServer.make({ maxRequestBytes: 4096 })
      const url = new URL(server.url)
      // Up to 256 MiB of body, written as fast as the socket takes it, until the server answers or resets.
      const outcome = yield* Effect.callback<{ readonly status: number | string; readonly sent: number }>((resume) => {
        const limit = 256 * 1024 * 1024
        let sent = 0
        const request = http.request({
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: "POST",
          headers
        })
        const write = () => {
          while (sent < limit && request.write(" ".repeat(65536))) sent += 65536
          if (sent < limit) request.once("drain", write)
          else request.end()
        }
        request.on("response", (response) => {
          response.resume()
          resume(Effect.succeed({ status: response.statusCode ?? 0, sent }))
        })
        request.on(
          "error",
          (error: NodeJS.ErrnoException) => resume(Effect.succeed({ status: error.code ?? "", sent }))
        )
        write()
      })
      // The server answers 413 and closes; the client sees the 413 or, still writing, the reset.
      expect([413, "ECONNRESET", "EPIPE"]).toContain(outcome.status)
      expect(outcome.sent).toBeLessThan(256 * 1024 * 1024)
      // And it goes on serving.
      expect((yield* post(server.url, { headers, body: request })).status).toBe(200)
    }))
})
