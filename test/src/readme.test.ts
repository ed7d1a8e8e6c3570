/**
 * The examples shown in the READMEs, run as tests. The lines between `// README:begin` and `// README:end`
 * are in README.md verbatim (the last test checks it).
 */
import { expect, it } from "@effect/vitest"
import * as fs from "node:fs"

// --- README: using the client -------------------------------------------------------------------
import { FetchHttpClient } from "@effect/platform"
import { ErpSyncClient, TicketSource } from "@erpsync/agent"
import { ErpSyncServer } from "@erpsync/agent/testing"
import { Effect, Layer, Option, Redacted } from "effect"

const program = Effect.gen(function*() {
  const saved = yield* ErpSyncClient.saveConnection({
    TableRight: null,
    FieldProperties: null,
    ErpConnectionId: 0, // 0 creates a connection
    ErpConnectorId: 1,
    DisplayName: "Visma Business",
    DisplayDescription: null,
    Active: true,
    ConnectionId: null,
    MostRecentTimestamp: null,
    ConfigFields: [{ Key: "BaseUrl", Value: "https://erp.example/api" }],
    Deleted: false,
    AllAccess: true,
    UserGroupAccessIds: [],
    AssociateAccessIds: []
  })
  const read = yield* ErpSyncClient.getConnection(saved.ErpConnectionId)
  return { saved, read }
}).pipe(
  // Every failure is typed: match on the tag (and on `reason`).
  Effect.catchTags({
    ServiceError: (error) => Effect.dieMessage(`ErpSync refused: ${error.detail}`),
    TimeoutError: (error) => Effect.dieMessage(`no answer within ${error.timeoutMillis} ms`)
  })
)

it.live("README: save a connection and read it back with a ticket you have", () =>
  Effect.gen(function*() {
    const server = yield* ErpSyncServer.make({ ticket: "7T:my-ticket" })
    const url = server.url // https://<host>/<tenant>/Remote/Services86/ErpSync.svc in production
    // README:begin
    const ErpSyncLive = ErpSyncClient.layer({ url, timeout: "30 seconds" }).pipe(
      Layer.provide(TicketSource.layerTicket(Redacted.make("7T:my-ticket"))),
      Layer.provide(FetchHttpClient.layer)
    )
    // README:end

    const { read, saved } = yield* program.pipe(Effect.provide(ErpSyncLive))
    expect(saved.ErpConnectionId).toBe(1)
    expect(read).toStrictEqual(Option.some(saved))
  }).pipe(Effect.scoped))

it.live("README: save a connection and read it back, logging in with a user name and password", () =>
  Effect.gen(function*() {
    const server = yield* ErpSyncServer.make({ username: "erp-agent", password: "s3cret" })
    const url = server.url
    // README:begin
    // Logs in through SoPrincipal.svc beside ErpSync.svc; the ticket is shared, reused and renewed.
    const Tickets = TicketSource.layerUsernamePassword({
      username: "erp-agent",
      password: Redacted.make("s3cret")
    })
    const ErpSyncLive = ErpSyncClient.layer({ url }).pipe(
      Layer.provide(Tickets),
      Layer.provide(FetchHttpClient.layer)
    )
    // README:end

    const { read, saved } = yield* program.pipe(Effect.provide(ErpSyncLive))
    expect(read).toStrictEqual(Option.some(saved))
    expect(yield* server.counts).toStrictEqual({ logins: 1, failedLogins: 0, rejectedTickets: 0 })
  }).pipe(Effect.scoped))

// --- README: the codec ----------------------------------------------------------------------------
import { XmlCodec } from "@erpsync/codec"
import { ErpSync } from "@erpsync/schema"

it.effect("README: encode a request and decode it back", () =>
  Effect.gen(function*() {
    const request: ErpSync.GetConnectionRequest = {
      Header: { Credentials: { Ticket: "7T:my-ticket" } },
      Body: { ErpConnectionId: 42 }
    }
    const xml = yield* XmlCodec.encode(ErpSync.GetConnectionRequest)(request)
    // <s:Envelope …><s:Header><Credentials><Ticket>7T:my-ticket</Ticket></Credentials></s:Header>
    // <s:Body><GetConnection><ErpConnectionId>42</ErpConnectionId></GetConnection></s:Body></s:Envelope>
    const decoded = yield* XmlCodec.decode(ErpSync.GetConnectionRequest)(xml)
    expect(decoded).toStrictEqual(request)
  }))

// --- README: declaring a message --------------------------------------------------------------------
import { Soap, Xml, Xsd } from "@erpsync/codec"
import { Schema } from "effect"

const Services86 = "http://www.superoffice.net/ws/crm/NetServer/Services86"

// <xs:element name="TestConnectionById"> … <xs:element minOccurs="0" name="ErpConnectionId" type="xs:int" />
const TestConnectionByIdRequest = Soap.message({
  namespace: Services86,
  header: { ApplicationToken: Schema.optionalWith(Schema.NullOr(Xsd.string), { exact: true }) },
  body: { name: "TestConnectionById", fields: { ErpConnectionId: Xml.optionalElement(Xsd.int) } }
})

it.effect("README: a new operation is a declaration", () =>
  Effect.gen(function*() {
    const xml = `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>` +
      `<TestConnectionById xmlns="${Services86}"><ErpConnectionId> 7 </ErpConnectionId></TestConnectionById>` +
      `</s:Body></s:Envelope>`
    expect(yield* XmlCodec.decode(TestConnectionByIdRequest)(xml)).toStrictEqual({
      Header: {},
      Body: { ErpConnectionId: 7 }
    })
  }))

it("README.md shows the marked examples of this file verbatim", () => {
  const source = fs.readFileSync(new URL(import.meta.url), "utf8")
  const readme = fs.readFileSync(new URL("../../README.md", import.meta.url), "utf8")
  const regions = [...source.matchAll(/^( *)\/\/ README:begin\n([\s\S]*?)^ *\/\/ README:end$/gm)]
  expect(regions.length).toBe(2)
  for (const [, indent, body] of regions) {
    const dedented = body!.split("\n").map((line) => line.startsWith(indent!) ? line.slice(indent!.length) : line)
    expect(readme).toContain(dedented.join("\n"))
  }
})
