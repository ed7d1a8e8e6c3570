/**
 * The client over the REST WebAPI (`transport: "rest"`): the same typed calls against the local server's
 * WebAPI, a value sent over either wire read back the same over the other, the WebAPI's URL found beside
 * the SOAP endpoint or given, and the WebAPI's failures as the same typed errors (against raw servers that
 * answer as `REST.md` says the WebAPI does).
 */
import { describe, expect, it } from "@effect/vitest"
import { ErpSyncClient, TicketSource } from "@erpsync/agent"
import * as Arbitrary from "@erpsync/codec/Arbitrary"
import { ErpSync88 } from "@erpsync/schema"
import { ErpSyncServer } from "@erpsync/testing"
import * as Effect from "effect/Effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as fc from "fast-check"
import { newConnection } from "./support/fixtures.js"
import { recordingTracer } from "./support/observe.js"
import { rawServer } from "./support/servers.js"

const TICKET = "7T:rest-client"

const clientOf = (url: string, options: Partial<ErpSyncClient.ErpSyncClientConfig> = {}, ticket = TICKET) =>
  ErpSyncClient.make({ url, ...options }).pipe(
    Effect.provideService(TicketSource.TicketSource, TicketSource.fixed(Redacted.make(ticket))),
    Effect.provide(FetchHttpClient.layer)
  )

/** Connections as either wire carries them: a dictionary has no null key in JSON (nor in .NET). */
const connections = Arbitrary.make(ErpSync88.ErpConnection).map((connection) => ({
  ...connection,
  ErpConnectionId: 0,
  ConfigFields: connection.ConfigFields?.filter((pair) => pair.Key !== null) ?? null,
  FieldProperties: connection.FieldProperties?.filter((pair) => pair.Key !== null) ?? null
}))

describe("the client over REST, against the local server", () => {
  it.live("makes the same typed calls: connections, connector entities (bare body, query), the five of Services88", () =>
    Effect.gen(function*() {
      const server = yield* ErpSyncServer.make({ ticket: TICKET })
      const client = yield* clientOf(server.urls.Services88.ErpSync, { transport: "rest" })
      const saved = yield* client.saveConnection(newConnection)
      expect(saved).toStrictEqual({ ...newConnection, ErpConnectionId: saved.ErpConnectionId })
      expect(yield* client.getConnection(saved.ErpConnectionId)).toStrictEqual(Option.some(saved))
      const entity = yield* client.ErpSync.SaveErpSyncConnectorEntity({
        ErpSyncConnectorEntity: {
          TableRight: null,
          FieldProperties: null,
          ErpConnectorId: 0,
          DisplayName: "Visma",
          URL: "https://erp.example",
          Deleted: false
        }
      })
      const id = entity.Response!.ErpConnectorId
      expect((yield* client.ErpSync.GetErpSyncConnectorEntity({ ErpSyncConnectorEntityId: id })).Response)
        .toMatchObject({ DisplayName: "Visma" })
      expect((yield* client.ErpSync.GetAllConnectors({})).Response).toStrictEqual([
        { Id: id, Name: "Visma", ToolTip: "https://erp.example" }
      ])
      expect(yield* client.ErpSync.DeleteErpSyncConnectorEntity({ ErpSyncConnectorEntityId: id })).toStrictEqual({})
      // A bare boolean: the same answer as over SOAP.
      const soap = yield* clientOf(server.urls.Services88.ErpSync)
      const test = { ErpConnectionId: saved.ErpConnectionId }
      expect(yield* client.ErpSync.TestConnectionById(test)).toStrictEqual(yield* soap.ErpSync.TestConnectionById(test))
      yield* client.deleteConnection(saved.ErpConnectionId)
      expect(yield* client.getConnection(saved.ErpConnectionId)).toStrictEqual(Option.none())
    }).pipe(Effect.scoped))

  it.live("requests as small as the WSDL allows, over either wire: members left out take their defaults", () =>
    Effect.gen(function*() {
      const server = yield* ErpSyncServer.make({ ticket: TICKET })
      const url = server.urls.Services88.ErpSync
      for (const transport of ["soap", "rest"] as const) {
        const client = yield* clientOf(url, { transport })
        // Every member of ErpConnection is minOccurs="0": two are enough to create one.
        const saved = yield* client.saveConnection({ ErpConnectorId: 7, DisplayName: `Minimal ${transport}` })
        expect(saved).toStrictEqual({
          ...ErpSync88.ErpConnection.make({}),
          ErpConnectionId: saved.ErpConnectionId,
          ErpConnectorId: 7,
          DisplayName: `Minimal ${transport}`,
          ConnectionId: saved.ConnectionId
        })
        expect(saved.ErpConnectionId).toBeGreaterThan(0)
        expect(saved.ConnectionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
        // A request of no members: GetConnection's id is 0, which names no connection.
        expect(yield* client.ErpSync.GetConnection({})).toStrictEqual({ Response: null })
        // A member sent alone (the body or a query parameter) left out is sent as its default.
        // (SaveConnection's connection, left out, is null: refused as NetServer refuses it.)
        expect(yield* Effect.flip(client.ErpSync.SaveConnection({}))).toMatchObject({
          _tag: "ServiceError",
          exceptionType: expect.stringMatching(/ArgumentNullException$/)
        })
        expect(yield* client.ErpSync.GetErpSyncConnectorEntity({})).toStrictEqual({ Response: null })
      }
    }).pipe(Effect.scoped))

  it.live("a value sent over either wire reads back the same over the other", () =>
    Effect.gen(function*() {
      const server = yield* ErpSyncServer.make({ ticket: TICKET })
      const rest = yield* clientOf(server.urls.Services88.ErpSync, { transport: "rest" })
      const soap = yield* clientOf(server.urls.Services88.ErpSync)
      const samples = fc.sample(connections, { numRuns: 30, seed: 20261206 })
      for (const [i, connection] of samples.entries()) {
        const [writer, reader] = i % 2 === 0 ? [rest, soap] : [soap, rest]
        const saved = yield* writer.saveConnection(connection)
        // A connection saved without a ConnectionId is given a GUID, as NetServer gives one.
        const guid = connection.ConnectionId === null || connection.ConnectionId === ""
        expect(saved).toStrictEqual({
          ...connection,
          ErpConnectionId: saved.ErpConnectionId,
          ConnectionId: guid ? saved.ConnectionId : connection.ConnectionId
        })
        if (guid) expect(saved.ConnectionId).toMatch(/^[0-9a-f-]{36}$/)
        expect(yield* reader.getConnection(saved.ErpConnectionId)).toStrictEqual(Option.some(saved))
      }
    }).pipe(Effect.scoped))

  it.live("finds the WebAPI beside a tenant's SOAP endpoint, or takes it given", () =>
    Effect.gen(function*() {
      const server = yield* ErpSyncServer.make({ ticket: TICKET })
      const origin = new URL(server.url).origin
      const tenant = yield* clientOf(`${origin}/Cust12345/Remote/Services88/ErpSync.svc`, { transport: "rest" })
      const saved = yield* tenant.saveConnection(newConnection)
      const given = yield* clientOf(`${origin}/Cust12345/api/`, { transport: "rest" })
      expect(yield* given.getConnection(saved.ErpConnectionId)).toStrictEqual(Option.some(saved))
      const error = yield* Effect.flip(clientOf(`${origin}/somewhere/ErpSync.svc`, { transport: "rest" }))
      expect(error).toMatchObject({ _tag: "ConfigurationError", reason: "Url" })
    }).pipe(Effect.scoped))

  it.live("one span per call, named and described as a REST call, with no ticket in it", () =>
    Effect.gen(function*() {
      const server = yield* ErpSyncServer.make({ ticket: TICKET })
      const client = yield* clientOf(server.urls.Services88.ErpSync, { transport: "rest" })
      const { spans, tracer } = yield* recordingTracer
      yield* client.saveConnection(newConnection).pipe(Effect.withTracer(tracer))
      const call = spans.find((span) => span.name === "ErpSync.SaveConnection")!
      expect(Object.fromEntries(call.attributes)).toMatchObject({
        "rpc.service": "ErpSync",
        "rpc.method": "SaveConnection",
        "server.address": new URL(server.url).host,
        "url.path": "/api/v1/Agents/ErpSync/SaveConnection"
      })
      expect(call.attributes.has("soap.action")).toBe(false)
      expect(JSON.stringify(spans.map((span) => [span.name, [...span.attributes]]))).not.toContain(TICKET)
    }).pipe(Effect.scoped))

  it.live("a ticket the WebAPI refuses (401) is a rejected ticket: an AuthenticationError, never holding the ticket", () =>
    Effect.gen(function*() {
      const server = yield* ErpSyncServer.make({ ticket: TICKET })
      const client = yield* clientOf(server.urls.Services88.ErpSync, { transport: "rest" }, "7T:wrong-secret")
      const error = yield* Effect.flip(client.getConnection(1))
      expect(error).toMatchObject({
        _tag: "AuthenticationError",
        reason: "TicketRejected",
        operation: "GetConnection",
        exceptionType: "SoAuthenticationException"
      })
      expect(JSON.stringify(error)).not.toContain("wrong-secret")
    }).pipe(Effect.scoped))
})

describe("an access token over REST", () => {
  const ACCESS_TOKEN = "8A:Cust12345.access-token-secret"
  const overRest = (server: ErpSyncServer.ErpSyncServer, options: Partial<TicketSource.AccessTokenOptions> = {}) =>
    Effect.gen(function*() {
      const source = yield* TicketSource.accessToken({ accessToken: Redacted.make(ACCESS_TOKEN), ...options })
      return yield* ErpSyncClient.make({ url: server.urls.Services88.ErpSync, transport: "rest" }).pipe(
        Effect.provideService(TicketSource.TicketSource, source)
      )
    }).pipe(Effect.provide(FetchHttpClient.layer))

  it.live("authorises the calls itself (Bearer), with no login: no SOAP at all", () =>
    Effect.gen(function*() {
      const actions: Array<string> = []
      const server = yield* ErpSyncServer.make({
        accessToken: ACCESS_TOKEN,
        onExchange: (exchange) => Effect.sync(() => actions.push(exchange.action))
      })
      const client = yield* overRest(server)
      const saved = yield* client.saveConnection(newConnection)
      expect(yield* client.getConnection(saved.ErpConnectionId)).toStrictEqual(Option.some(saved))
      // The server's exchanges: the two REST calls, no SoPrincipal login.
      expect(actions).toStrictEqual(["SaveConnection", "GetConnection"])
    }).pipe(Effect.scoped))

  it.live("or logs in for a ticket with it (restAuthorization: SOTicket), for a WebAPI that takes no bearer token", () =>
    Effect.gen(function*() {
      const actions: Array<string> = []
      const server = yield* ErpSyncServer.make({
        accessToken: ACCESS_TOKEN,
        onExchange: (exchange) => Effect.sync(() => actions.push(exchange.action))
      })
      const client = yield* overRest(server, { restAuthorization: "SOTicket" })
      yield* client.saveConnection(newConnection)
      yield* client.getConnection(1)
      expect(actions).toStrictEqual([
        "http://www.superoffice.net/ws/crm/NetServer/Services88/SoPrincipal/AuthenticateWithAccessToken",
        "SaveConnection",
        "GetConnection"
      ])
    }).pipe(Effect.scoped))

  it.live("sends `Authorization: Bearer <token>`; a refused token is not retried, and is nowhere in the error", () =>
    Effect.gen(function*() {
      const refusing = yield* rawServer((_, response) => {
        response.writeHead(401, { "content-type": "application/json" })
        response.end(JSON.stringify({ Error: true, ErrorType: "SoAuthenticationException", ErrorMessage: "no" }))
      })
      const source = yield* TicketSource.accessToken({ accessToken: Redacted.make(ACCESS_TOKEN) })
      const client = yield* ErpSyncClient.make({ url: new URL("/api/", refusing.url).href, transport: "rest" }).pipe(
        Effect.provideService(TicketSource.TicketSource, source)
      )
      const error = yield* Effect.flip(client.getConnection(1))
      expect(error).toMatchObject({
        _tag: "AuthenticationError",
        reason: "TicketRejected",
        exceptionType: "SoAuthenticationException"
      })
      expect(refusing.requests.map((r) => [r.url, r.headers["authorization"]])).toStrictEqual([
        ["/api/v1/Agents/ErpSync/GetConnection", `Bearer ${ACCESS_TOKEN}`]
      ])
      expect(JSON.stringify(error)).not.toContain("access-token-secret")
    }).pipe(Effect.scoped, Effect.provide(FetchHttpClient.layer)))
})

describe("the WebAPI's failures, from a server that answers as REST.md says", () => {
  const answering = (status: number, contentType: string | undefined, body: string) =>
    rawServer((_, response) => {
      response.writeHead(status, contentType === undefined ? {} : { "content-type": contentType })
      response.end(body)
    })

  it.live("its error object, with ErrorMessage or Message, is a ServiceError with its fields", () =>
    Effect.gen(function*() {
      const notFound = yield* answering(
        404,
        "application/json; charset=utf-8",
        JSON.stringify({
          Error: true,
          ErrorType: "SoNotFoundException",
          ErrorMessage: "no such connection",
          ErrorSource: "SuperOffice.Services.Implementation"
        })
      )
      const client = yield* clientOf(new URL("/Cust1/api/", notFound.url).href, { transport: "rest" })
      expect(yield* Effect.flip(client.getConnection(1))).toMatchObject({
        _tag: "ServiceError",
        reason: "ExceptionInfo",
        operation: "GetConnection",
        detail: "no such connection",
        exceptionType: "SoNotFoundException",
        source: "SuperOffice.Services.Implementation",
        httpStatus: 404
      })
      expect(notFound.requests[0]).toMatchObject({ method: "POST", url: "/Cust1/api/v1/Agents/ErpSync/GetConnection" })
      expect(notFound.requests[0]!.headers).toMatchObject({
        authorization: `SOTicket ${TICKET}`,
        "content-type": "application/json",
        accept: "application/json"
      })
      expect(JSON.parse(notFound.requests[0]!.body.toString("utf8"))).toStrictEqual({ ErpConnectionId: 1 })

      const badRequest = yield* answering(
        400,
        "application/json",
        JSON.stringify({ Error: true, ErrorType: "ArgumentException", Message: "bad id" })
      )
      const other = yield* clientOf(new URL("/api/", badRequest.url).href, { transport: "rest" })
      expect(yield* Effect.flip(other.getConnection(1))).toMatchObject({
        _tag: "ServiceError",
        detail: "bad id",
        exceptionType: "ArgumentException",
        httpStatus: 400
      })
    }).pipe(Effect.scoped))

  it.live("an error object with status 200 is a failure too; an HTML 500 an HttpError; a body that is not JSON a typed error", () =>
    Effect.gen(function*() {
      const inBand = yield* answering(
        200,
        "application/json",
        JSON.stringify({ Error: true, ErrorType: "X", ErrorMessage: "m" })
      )
      expect(
        yield* Effect.flip((yield* clientOf(new URL("/api/", inBand.url).href, { transport: "rest" })).getConnection(1))
      )
        .toMatchObject({ _tag: "ServiceError", exceptionType: "X", httpStatus: 200 })
      const html = yield* answering(500, "text/html", "<html>boom</html>")
      expect(
        yield* Effect.flip((yield* clientOf(new URL("/api/", html.url).href, { transport: "rest" })).getConnection(1))
      )
        .toMatchObject({ _tag: "HttpError", reason: "Status", status: 500, preview: "<html>boom</html>" })
      const broken = yield* answering(200, "application/json", `{"ErpConnectionId": 1, "ErpConnectionId": 2}`)
      expect(
        yield* Effect.flip((yield* clientOf(new URL("/api/", broken.url).href, { transport: "rest" })).getConnection(1))
      )
        .toMatchObject({ _tag: "JsonParseError", reason: "DuplicateKey" })
      const wrongType = yield* answering(200, "text/plain", "null")
      expect(
        yield* Effect.flip(
          (yield* clientOf(new URL("/api/", wrongType.url).href, { transport: "rest" })).getConnection(1)
        )
      )
        .toMatchObject({ _tag: "HttpError", reason: "ContentType" })
    }).pipe(Effect.scoped))

  it.live("hostile answers: Latin-1 sent as UTF-8 is an Encoding error (never U+FFFD), a huge body is stopped at maxResponseBytes", () =>
    Effect.gen(function*() {
      const connection = JSON.stringify({ ErpConnectionId: 1, DisplayName: "blåbær" })
      const latin1 = yield* rawServer((_, response) => {
        response.writeHead(200, { "content-type": "application/json; charset=utf-8" })
        response.end(Buffer.from(connection, "latin1"))
      })
      const client = yield* clientOf(new URL("/api/", latin1.url).href, { transport: "rest" })
      expect(yield* Effect.flip(client.getConnection(1))).toMatchObject({ _tag: "JsonParseError", reason: "Encoding" })
      const huge = yield* answering(
        200,
        "application/json",
        JSON.stringify({ ErpConnectionId: 1, DisplayName: "x".repeat(200_000) })
      )
      const limited = yield* clientOf(new URL("/api/", huge.url).href, { transport: "rest", maxResponseBytes: 100_000 })
      expect(yield* Effect.flip(limited.getConnection(1))).toMatchObject({ _tag: "HttpError", reason: "BodyTooLarge" })
      const deep = yield* answering(200, "application/json", `{"ConfigFields":${"[".repeat(5000)}`)
      const nested = yield* clientOf(new URL("/api/", deep.url).href, { transport: "rest" })
      expect(yield* Effect.flip(nested.getConnection(1))).toMatchObject({ _tag: "JsonLimitError", reason: "Depth" })
    }).pipe(Effect.scoped))
})
