/**
 * The local server's REST side, the ErpSync agent of SuperOffice's WebAPI as the vendor documents it
 * (`REST.md` in the vendor reference), driven with plain `fetch` as any HTTP client would: request members
 * matched case-insensitively (the vendor's own client sends camelCase), 401 without a valid ticket, 204 for
 * an operation that answers nothing, the error object for a failure; and one model with the SOAP side:
 * what one wire writes, the other reads.
 */
import { describe, expect, it } from "@effect/vitest"
import { ErpSyncClient, TicketSource } from "@erpsync/agent"
import { ErpSyncServer } from "@erpsync/testing"
import * as Effect from "effect/Effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"

const TICKET = "7T:rest-ticket"

interface Answer {
  readonly status: number
  readonly contentType: string | null
  readonly text: string
}

const post = (
  server: ErpSyncServer.ErpSyncServer,
  operation: string,
  body: string | undefined,
  options: { readonly ticket?: string | null; readonly contentType?: string; readonly query?: string } = {}
) =>
  Effect.promise(async (): Promise<Answer> => {
    const headers: Record<string, string> = { accept: "application/json" }
    if (options.ticket !== null) headers["authorization"] = `SOTicket ${options.ticket ?? TICKET}`
    if (body !== undefined) headers["content-type"] = options.contentType ?? "application/json"
    const answer = await fetch(`${server.webApiUrl}v1/Agents/ErpSync/${operation}${options.query ?? ""}`, {
      method: "POST",
      headers,
      ...(body === undefined ? {} : { body })
    })
    return { status: answer.status, contentType: answer.headers.get("content-type"), text: await answer.text() }
  })

const connection = {
  erpConnectionId: 0,
  erpConnectorId: 3,
  displayName: "Visma – Ålesund <&> 😀",
  displayDescription: null,
  active: true,
  // A key that is data: `__proto__` in a literal would set the prototype instead.
  configFields: JSON.parse(`{"BaseUrl": "https://erp.example/?a=1&b=2", "__proto__": null}`) as unknown,
  userGroupAccessIds: [1, 2]
}

describe("the ErpSync agent of the local server's WebAPI", () => {
  it.live("saves a connection posted in camelCase and answers the bare value, in PascalCase", () =>
    Effect.gen(function*() {
      const server = yield* ErpSyncServer.make({ ticket: TICKET })
      const saved = yield* post(server, "SaveConnection", JSON.stringify({ connection }))
      expect(saved.status).toBe(200)
      expect(saved.contentType).toBe("application/json; charset=utf-8")
      const json = JSON.parse(saved.text) as Record<string, unknown>
      expect(json).toMatchObject({
        ErpConnectionId: 1,
        ErpConnectorId: 3,
        DisplayName: "Visma – Ålesund <&> 😀",
        DisplayDescription: null,
        Active: true,
        UserGroupAccessIds: [1, 2],
        TableRight: null
      })
      expect(Object.entries(json["ConfigFields"] as object)).toStrictEqual([
        ["BaseUrl", "https://erp.example/?a=1&b=2"],
        ["__proto__", null]
      ])
      const read = yield* post(server, "getconnection", JSON.stringify({ ErpConnectionId: 1 }))
      expect(JSON.parse(read.text)).toStrictEqual(json)
      // Nothing there: 200 with null.
      const none = yield* post(server, "GetConnection", JSON.stringify({ ErpConnectionId: 99 }))
      expect([none.status, none.text]).toStrictEqual([200, "null"])
    }).pipe(Effect.scoped))

  it.live("answers 204 with no body for an operation that answers nothing, and takes an empty body", () =>
    Effect.gen(function*() {
      const server = yield* ErpSyncServer.make({ ticket: TICKET })
      yield* post(server, "SaveConnection", JSON.stringify({ connection }))
      const deleted = yield* post(server, "DeleteConnection", JSON.stringify({ ErpConnectionId: 1 }))
      expect([deleted.status, deleted.text]).toStrictEqual([204, ""])
      expect(yield* server.connections).toStrictEqual([])
      const status = yield* post(server, "GetEngineStatus", undefined)
      expect(status.status).toBe(200)
      expect(JSON.parse(status.text)).toMatchObject({ IsRunning: expect.any(Boolean), Interval: expect.any(String) })
    }).pipe(Effect.scoped))

  it.live("posts the connector entity itself, and takes a connector's id as a query parameter", () =>
    Effect.gen(function*() {
      const server = yield* ErpSyncServer.make({ ticket: TICKET })
      const saved = yield* post(
        server,
        "SaveErpSyncConnectorEntity",
        JSON.stringify({ ErpConnectorId: 0, DisplayName: "Visma", URL: "https://erp.example", Deleted: false })
      )
      expect(JSON.parse(saved.text)).toMatchObject({ ErpConnectorId: 1, DisplayName: "Visma" })
      const read = yield* post(server, "GetErpSyncConnectorEntity", undefined, { query: "?erpSyncConnectorEntityId=1" })
      expect(JSON.parse(read.text)).toMatchObject({ ErpConnectorId: 1, URL: "https://erp.example" })
      const deleted = yield* post(server, "DeleteErpSyncConnectorEntity", undefined, {
        query: "?ErpSyncConnectorEntityId=1"
      })
      expect(deleted.status).toBe(204)
      const gone = yield* post(server, "GetErpSyncConnectorEntity", undefined, { query: "?erpSyncConnectorEntityId=1" })
      expect(gone.text).toBe("null")
    }).pipe(Effect.scoped))

  it.live("is the same model as the SOAP endpoints of both versions: what one wire writes, the other reads", () =>
    Effect.gen(function*() {
      const server = yield* ErpSyncServer.make({ ticket: TICKET })
      const client = yield* ErpSyncClient.make({ url: server.urls.Services86.ErpSync }).pipe(
        Effect.provideService(TicketSource.TicketSource, TicketSource.fixed(Redacted.make(TICKET))),
        Effect.provide(FetchHttpClient.layer)
      )
      const saved = JSON.parse((yield* post(server, "SaveConnection", JSON.stringify({ connection }))).text) as {
        readonly ErpConnectionId: number
      }
      const overSoap = yield* client.getConnection(saved.ErpConnectionId)
      expect(Option.getOrThrow(overSoap)).toMatchObject({
        DisplayName: "Visma – Ålesund <&> 😀",
        ConfigFields: [{ Key: "BaseUrl", Value: "https://erp.example/?a=1&b=2" }, { Key: "__proto__", Value: null }]
      })
      yield* client.saveConnection({ ...Option.getOrThrow(overSoap), DisplayName: "renamed over SOAP" })
      const overRest = yield* post(server, "GetConnection", JSON.stringify({ erpConnectionId: saved.ErpConnectionId }))
      expect(JSON.parse(overRest.text)).toMatchObject({ DisplayName: "renamed over SOAP" })
    }).pipe(Effect.scoped))

  it.live("refuses as the WebAPI does: 401, the error object, 400, 404, 405, 415", () =>
    Effect.gen(function*() {
      const server = yield* ErpSyncServer.make({ ticket: TICKET })
      const noTicket = yield* post(server, "GetConnection", "{}", { ticket: null })
      expect(noTicket.status).toBe(401)
      expect(JSON.parse(noTicket.text)).toMatchObject({ Error: true, ErrorType: "SoAuthenticationException" })
      expect((yield* post(server, "GetConnection", "{}", { ticket: "7T:wrong" })).status).toBe(401)
      // A refusal of the model: the error object, with the exception's type and message.
      const refused = yield* post(server, "SaveConnection", JSON.stringify({ connection: { ErpConnectionId: 4242 } }))
      expect(refused.status).toBe(404)
      expect(JSON.parse(refused.text)).toStrictEqual({
        Error: true,
        ErrorType: "EntityNotFoundException",
        ErrorMessage: "There is no ErpConnection with id 4242",
        ErrorSource: "SuperOffice.Services88"
      })
      const malformed = yield* post(server, "GetConnection", `{"ErpConnectionId": 1, "ErpConnectionId": 2}`)
      expect(malformed.status).toBe(400)
      expect(JSON.parse(malformed.text)).toMatchObject({ ErrorType: "ArgumentException" })
      expect(JSON.parse(malformed.text).ErrorMessage).toContain("DuplicateKey")
      expect((yield* post(server, "GetConnection", `{"ErpConnectionId": "one"}`)).status).toBe(400)
      expect((yield* post(server, "NoSuchOperation", "{}")).status).toBe(404)
      expect((yield* post(server, "GetConnection", "<x/>", { contentType: "text/xml" })).status).toBe(415)
      const get = yield* Effect.promise(() => fetch(`${server.webApiUrl}v1/Agents/ErpSync/GetConnection`))
      expect([get.status, get.headers.get("allow")]).toStrictEqual([405, "POST"])
    }).pipe(Effect.scoped))
})
