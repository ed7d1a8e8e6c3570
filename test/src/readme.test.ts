/**
 * The examples shown in the READMEs, run as tests. The lines between `// <file>:begin` and `// <file>:end`
 * are in that README verbatim (the last test checks it).
 */
import { expect, it } from "@effect/vitest"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { NO_SYSTEM_USER } from "./support/fixtures.js"

// --- README: using the client -------------------------------------------------------------------
import { ErpSyncClient, TicketSource } from "@erpsync/agent"
import { ErpSyncServer } from "@erpsync/testing"
import { Duration, Effect, Layer, Option, Redacted } from "effect"
import { FetchHttpClient } from "effect/http"

// README.md:begin
const program = Effect.gen(function*() {
  // Members the WSDL makes optional may be left out: they take their defaults (ErpConnectionId 0 creates
  // a connection; null, false, 0 for the others). What comes back has every member.
  const saved = yield* ErpSyncClient.saveConnection({
    ErpConnectorId: 1,
    DisplayName: "Visma Business",
    Active: true,
    ConfigFields: [{ Key: "BaseUrl", Value: "https://erp.example/api" }],
    AllAccess: true
  })
  const read = yield* ErpSyncClient.getConnection(saved.ErpConnectionId) // Option<ErpConnection>
  return { saved, read }
}).pipe(
  // Every failure is typed: match on the tag (and on `reason`).
  Effect.catchTags({
    ServiceError: (error) => Effect.die(new Error(`ErpSync refused: ${error.detail}`)),
    TimeoutError: (error) => Effect.die(new Error(`no answer within ${error.timeoutMillis} ms`))
  })
)
// README.md:end

it.live("README: save a connection and read it back with a ticket you have", () =>
  Effect.gen(function*() {
    const server = yield* ErpSyncServer.make({ ticket: "7T:my-ticket" })
    const url = server.url // https://<host>/<tenant>/Remote/Services86/ErpSync.svc in production
    // README.md:begin
    const ErpSyncLive = ErpSyncClient.layer({ url, timeout: "30 seconds" }).pipe(
      Layer.provide(TicketSource.layerTicket(Redacted.make("7T:my-ticket"))),
      Layer.provide(FetchHttpClient.layer)
    )
    // README.md:end

    const { read, saved } = yield* program.pipe(Effect.provide(ErpSyncLive))
    expect(saved.ErpConnectionId).toBe(1)
    expect(read).toStrictEqual(Option.some(saved))
  }).pipe(Effect.scoped))

it.live("README: save a connection and read it back, logging in with a user name and password", () =>
  Effect.gen(function*() {
    const server = yield* ErpSyncServer.make({ username: "erp-agent", password: "s3cret" })
    const url = server.url
    // README.md:begin
    // Logs in through SoPrincipal.svc beside ErpSync.svc; the ticket is shared, reused and renewed.
    const Tickets = TicketSource.layerUsernamePassword({
      username: "erp-agent",
      password: Redacted.make("s3cret")
    })
    const ErpSyncLive = ErpSyncClient.layer({ url }).pipe(
      Layer.provide(Tickets),
      Layer.provide(FetchHttpClient.layer)
    )
    // README.md:end

    const { read, saved } = yield* program.pipe(Effect.provide(ErpSyncLive))
    expect(read).toStrictEqual(Option.some(saved))
    expect(yield* server.counts).toStrictEqual({ logins: 1, failedLogins: 0, rejectedTickets: 0, ...NO_SYSTEM_USER })
  }).pipe(Effect.scoped))

it.live("README: save a connection and read it back as a system user of SuperOffice Online", () =>
  Effect.gen(function*() {
    const keys = yield* ErpSyncServer.applicationKeys
    const server = yield* ErpSyncServer.make({
      systemUser: { systemUserToken: "MyApp-8k8Q7DmBgo", applicationPublicKey: keys.publicKeyPem }
    })
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "erpsync-readme-"))
    yield* Effect.addFinalizer(() => Effect.sync(() => fs.rmSync(dir, { recursive: true, force: true })))
    const keyFile = path.join(dir, "app-key.xml")
    fs.writeFileSync(keyFile, keys.privateKeyXml)
    const url = server.tenantUrl // https://online.superoffice.com/Cust12345/Remote/Services86/ErpSync.svc
    const superIdUrl = server.superIdUrl // https://online.superoffice.com
    // README.md:begin
    // The system user's ticket from SuperID, for a background service: shared, reused and renewed.
    const applicationToken = Redacted.make("my-client-secret")
    const ErpSyncLive = ErpSyncClient.layer({ url, applicationToken }).pipe(
      Layer.provide(TicketSource.layerSystemUser({
        systemUserToken: Redacted.make("MyApp-8k8Q7DmBgo"),
        privateKey: { file: keyFile }, // PEM, or the <RSAKeyValue> XML of the developer portal
        applicationToken,
        superIdUrl // or environment: "sod" | "qaonline" | "online"; default: the URL's
      })),
      Layer.provide(FetchHttpClient.layer)
    )
    // README.md:end

    const { read, saved } = yield* program.pipe(Effect.provide(ErpSyncLive))
    expect(read).toStrictEqual(Option.some(saved))
    expect(yield* server.counts).toMatchObject({ systemUserLogins: 1, keySetFetches: 1, rejectedTickets: 0 })
  }).pipe(Effect.scoped))

// README.md:begin
// Every operation of the registry is a typed call on the client: the request body in, the response body out.
const engine = Effect.gen(function*() {
  const client = yield* ErpSyncClient.ErpSyncClient
  yield* client.ErpSync.ChangeEngineInterval({ Interval: Duration.minutes(15) })
  const { Response: status } = yield* client.ErpSync.GetEngineStatus({})
  const { Response: reachable } = yield* client.ErpSync.TestConnectionById({ ErpConnectionId: 1 })
  const { SystemInfo } = yield* client.SoPrincipal.GetSystemInfo({}) // SoPrincipal.svc, no ticket sent
  return { interval: status?.Interval, reachable, build: SystemInfo?.BuildLabel }
})
// README.md:end

it.live("README: any operation, by name", () =>
  Effect.gen(function*() {
    const server = yield* ErpSyncServer.make({ ticket: "7T:my-ticket" })
    const live = ErpSyncClient.layer({ url: server.url }).pipe(
      Layer.provide(TicketSource.layerTicket(Redacted.make("7T:my-ticket"))),
      Layer.provide(FetchHttpClient.layer)
    )
    const { build, interval, reachable } = yield* engine.pipe(Effect.provide(live))
    expect(Duration.toMinutes(interval!)).toBe(15)
    expect(reachable).toBe(false)
    expect(build).toBe("erpsync local server")
  }).pipe(Effect.scoped))

// --- README: declaring an operation of a service --------------------------------------------------
import { Xml, XmlCodec, Xsd } from "@erpsync/codec"
import { ErpSync } from "@erpsync/schema"

// packages/schema/README.md:begin
// An operation the registry does not have yet (a newer NetServer's), declared with the service's own
// constructors: its messages get ErpSync's headers, so the client sends the ticket and reads refusals.
const GetConnectionCount = ErpSync.service.operation(
  "GetConnectionCount",
  ErpSync.service.request("GetConnectionCount", { OnlyActive: Xml.optionalElement(Xsd.boolean) }),
  ErpSync.service.response("GetConnectionCountResponse", { Response: Xml.optionalElement(Xsd.int) })
)
// packages/schema/README.md:end

it.live("README: an operation declared with the service's constructors", () =>
  Effect.gen(function*() {
    const server = yield* ErpSyncServer.make({ ticket: "7T:my-ticket" })
    const client = yield* ErpSyncClient.make({ url: server.url }).pipe(
      Effect.provideService(TicketSource.TicketSource, TicketSource.fixed(Redacted.make("7T:my-ticket"))),
      Effect.provide(FetchHttpClient.layer)
    )
    // packages/schema/README.md:begin
    const count = client.call(GetConnectionCount, { OnlyActive: true }) // Effect<{ Header, Body }, ErpSyncError>
    // packages/schema/README.md:end
    // The local server does not know it: a Fault, as WCF answers an unknown SOAPAction.
    expect(yield* Effect.flip(count)).toMatchObject({ _tag: "SoapFault", code: { name: "ActionNotSupported" } })
    expect(GetConnectionCount.action).toBe(
      "http://www.superoffice.net/ws/crm/NetServer/Services86/ErpSync/GetConnectionCount"
    )
  }).pipe(Effect.scoped))

// --- README: the codec ----------------------------------------------------------------------------
it.effect("README: encode a request and decode it back", () =>
  Effect.gen(function*() {
    // packages/schema/README.md:begin
    const request: ErpSync.GetConnectionRequest = {
      Header: { Credentials: { Ticket: "7T:my-ticket" } },
      Body: { ErpConnectionId: 42 }
    }
    const xml = yield* XmlCodec.encode(ErpSync.GetConnectionRequest)(request)
    // <s:Envelope …><s:Header><Credentials><Ticket>7T:my-ticket</Ticket></Credentials></s:Header>
    // <s:Body><GetConnection><ErpConnectionId>42</ErpConnectionId></GetConnection></s:Body></s:Envelope>
    // packages/schema/README.md:end
    expect(xml).toContain(
      "<s:Header><Credentials><Ticket>7T:my-ticket</Ticket></Credentials></s:Header><s:Body><GetConnection><ErpConnectionId>42</ErpConnectionId></GetConnection></s:Body>"
    )
    const decoded = yield* XmlCodec.decode(ErpSync.GetConnectionRequest)(xml)
    expect(decoded).toStrictEqual(request)
  }))

// --- README: declaring a service with the codec alone ---------------------------------------------
import { Service, Soap } from "@erpsync/codec"
import { Schema } from "effect"

// packages/codec/README.md:begin
const Orders = "urn:example:orders"

// A service: its endpoint, its SOAPAction prefix, and the header blocks of every request and response.
const definition = Service.define({
  name: "Orders",
  endpoint: "Orders.svc",
  namespace: Orders,
  actionPrefix: "urn:example:orders/",
  requestHeader: { Token: Soap.header(Schema.NullOr(Xsd.string)) },
  responseHeader: { Succeeded: Soap.header(Xsd.boolean) }
})

// <xs:element name="GetOrder"> … <xs:element minOccurs="0" name="OrderId" type="xs:long" />
const GetOrder = definition.operation(
  "GetOrder",
  definition.request("GetOrder", { OrderId: Xml.optionalElement(Xsd.long) }),
  definition.response("GetOrderResponse", {
    Total: Xml.optionalElement(Xsd.decimal),
    Lines: Xml.optionalElement(Schema.Array(Xsd.string).annotate(Xml.items("Line", Orders)))
  })
)

export const OrdersService = Service.make(definition, { GetOrder }) // .operations, .messages
// packages/codec/README.md:end

it.effect("README: a service declared with the codec, its messages encoded and decoded", () =>
  Effect.gen(function*() {
    // packages/codec/README.md:begin
    const xml = yield* XmlCodec.encode(GetOrder.request)({
      Header: { Token: "t" },
      Body: { OrderId: 9007199254740993n }
    })
    const decoded = yield* XmlCodec.decode(GetOrder.request)(xml) // the same value
    // packages/codec/README.md:end
    expect(xml).toContain("<OrderId>9007199254740993</OrderId>")
    expect(decoded).toStrictEqual({ Header: { Token: "t" }, Body: { OrderId: 9007199254740993n } })
    expect(Object.keys(OrdersService.messages)).toStrictEqual(["GetOrderRequest", "GetOrderResponse"])
    const response = `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>` +
      `<GetOrderResponse xmlns="${Orders}"><Total> 12.50 </Total><Lines><Line>a</Line></Lines></GetOrderResponse>` +
      `</s:Body></s:Envelope>`
    expect(yield* XmlCodec.decode(GetOrder.response)(response)).toStrictEqual({
      Header: {},
      Body: { Total: "12.50", Lines: ["a"] }
    })
  }))

it("the READMEs show the marked examples of this file verbatim", () => {
  const source = fs.readFileSync(new URL(import.meta.url), "utf8")
  const regions = [...source.matchAll(/^( *)\/\/ (\S+\.md):begin\n([\s\S]*?)^ *\/\/ \2:end$/gm)]
  expect(regions.map(([, , file]) => file)).toStrictEqual([
    "README.md",
    "README.md",
    "README.md",
    "README.md",
    "README.md",
    "packages/schema/README.md",
    "packages/schema/README.md",
    "packages/schema/README.md",
    "packages/codec/README.md",
    "packages/codec/README.md"
  ])
  for (const [, indent, file, body] of regions) {
    const readme = fs.readFileSync(new URL(`../../${file}`, import.meta.url), "utf8")
    const dedented = body!.split("\n").map((line) => line.startsWith(indent!) ? line.slice(indent!.length) : line)
    expect(readme, file).toContain(dedented.join("\n"))
  }
})

it("packages/agent/README.md's exports table lists each module of the package and every export of each", () => {
  const source = (file: string) => fs.readFileSync(new URL(`../../packages/agent/src/${file}`, import.meta.url), "utf8")
  const readme = fs.readFileSync(new URL("../../packages/agent/README.md", import.meta.url), "utf8")
  const rows = new Map(
    [...readme.matchAll(/^\| `(\w+)` \| (.+) \|$/gm)].map(([, module, cell]) => [
      module!,
      new Set([...cell!.matchAll(/`(\w+)`/g)].map(([, name]) => name!))
    ])
  )
  const modules = [...source("index.ts").matchAll(/^export \* as (\w+) from "\.\/(\w+)\.js"$/gm)]
  expect(modules.map(([, name]) => name)).toStrictEqual(["ErpSyncClient", "ErpSyncError", "TicketSource"])
  expect([...rows.keys()].sort()).toStrictEqual(modules.map(([, name]) => name).sort())
  for (const [, name, file] of modules) {
    const exported = [
      ...source(`${file}.ts`).matchAll(/^export (?:declare )?(?:const|let|function|class|interface|type) (\w+)/gm)
    ].map(([, name]) => name!)
    expect(exported.length, name).toBeGreaterThan(5)
    expect(exported.filter((exportName) => !rows.get(name!)!.has(exportName)), name).toStrictEqual([])
  }
})
