/**
 * Interop with node-soap, an independent SOAP stack driven by the vendor's WSDL: its client against our
 * local server, and our client against its server.
 */
import { describe, expect, it } from "@effect/vitest"
import { ErpSyncClient, TicketSource } from "@erpsync/agent"
import { type Service, XmlCodec } from "@erpsync/codec"
import * as Arbitrary from "@erpsync/codec/Arbitrary"
import { ErpSync } from "@erpsync/schema"
import { ErpSyncServer } from "@erpsync/testing"
import * as Effect from "effect/Effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as Redacted from "effect/Redacted"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import * as http from "node:http"
import type { AddressInfo } from "node:net"
import * as path from "node:path"
import * as soap from "soap"
import { bodyToNodeSoap, forNodeSoapServer, withoutNullItems } from "./support/nodeSoap.js"
import { readReference, referenceDir } from "./support/reference.js"

const WSDL = path.join(referenceDir, "ErpSync.wsdl")

interface NodeSoapClient {
  SaveConnectionAsync(args: unknown): Promise<[Record<string, unknown>]>
  GetConnectionAsync(args: unknown): Promise<[Record<string, unknown> | null]>
  DeleteConnectionAsync(args: unknown): Promise<[unknown]>
}

describe("a node-soap client, created from the WSDL, against the local server", () => {
  it.live("SaveConnection creates, GetConnection returns the same values, DeleteConnection removes", () =>
    Effect.gen(function*() {
      const server = yield* ErpSyncServer.make()
      const client = (yield* Effect.promise(() =>
        soap.createClientAsync(WSDL, { endpoint: server.url })
      )) as unknown as NodeSoapClient
      const [saved] = yield* Effect.promise(() =>
        client.SaveConnectionAsync({
          Connection: {
            ErpConnectionId: 0,
            ErpConnectorId: 3,
            DisplayName: "Visma & <Co> – blåbær 😀",
            Active: true,
            ConfigFields: { StringKeyValuePair: [{ Key: "url", Value: "https://erp.example/?a=1&b=2" }] },
            UserGroupAccessIds: { int: [1, -2147483648] }
          }
        })
      )
      const response = saved["Response"] as Record<string, unknown>
      expect(response["ErpConnectionId"]).toBe(1)
      // What the server stored, as our schema reads it: members node-soap did not send are their defaults.
      const [stored] = yield* server.connections
      // A new connection is given a GUID, as NetServer gives one.
      expect(stored?.ConnectionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      expect(response["ConnectionId"]).toBe(stored?.ConnectionId)
      expect(stored).toStrictEqual({
        TableRight: null,
        FieldProperties: null,
        ErpConnectionId: 1,
        ErpConnectorId: 3,
        DisplayName: "Visma & <Co> – blåbær 😀",
        DisplayDescription: null,
        Active: true,
        ConnectionId: stored?.ConnectionId,
        MostRecentTimestamp: null,
        ConfigFields: [{ Key: "url", Value: "https://erp.example/?a=1&b=2" }],
        Deleted: false,
        AllAccess: false,
        UserGroupAccessIds: [1, -2147483648],
        AssociateAccessIds: null
      })
      const [got] = yield* Effect.promise(() =>
        client.GetConnectionAsync({ ErpConnectionId: 1 })
      )
      expect(got?.["Response"]).toStrictEqual(response)
      expect(response).toMatchObject({
        DisplayName: "Visma & <Co> – blåbær 😀",
        ConfigFields: { StringKeyValuePair: [{ Key: "url", Value: "https://erp.example/?a=1&b=2" }] },
        UserGroupAccessIds: { int: [1, -2147483648] }
      })
      yield* Effect.promise(() => client.DeleteConnectionAsync({ ErpConnectionId: 1 }))
      expect(yield* server.connections).toStrictEqual([])
      const [gone] = yield* Effect.promise(() => client.GetConnectionAsync({ ErpConnectionId: 1 }))
      expect(gone?.["Response"] ?? null).toBeNull()
    }))
})

/** A node-soap server for the WSDL whose SaveConnection gives the connection back with id 7. */
const nodeSoapServer = Effect.acquireRelease(
  Effect.callback<{ server: http.Server; url: string; requests: Array<unknown> }>((resume) => {
    const requests: Array<unknown> = []
    const server = http.createServer((_, res) => res.writeHead(404).end())
    const service = {
      WcfErpSyncService: {
        BasicHttpBinding_ErpSync: {
          SaveConnection: (args: { Connection: Record<string, unknown> }) => {
            requests.push(args)
            return { Response: { ...args.Connection, ErpConnectionId: 7 } }
          }
        }
      }
    }
    server.listen(0, "127.0.0.1", () => {
      soap.listen(server, "/Remote/Services86/ErpSync.svc", service, readReference("ErpSync.wsdl"))
      const port = (server.address() as AddressInfo).port
      resume(Effect.succeed({ server, url: `http://127.0.0.1:${port}/Remote/Services86/ErpSync.svc`, requests }))
    })
  }),
  ({ server }) => Effect.callback<void>((resume) => void server.close(() => resume(Effect.void)))
)

describe("our client against a node-soap server created from the WSDL", () => {
  const connection: ErpSync.ErpConnection = {
    TableRight: null,
    FieldProperties: null,
    ErpConnectionId: 0,
    ErpConnectorId: 12,
    DisplayName: "Visma & <Co> – blåbær 😀",
    DisplayDescription: null,
    Active: true,
    ConnectionId: "",
    MostRecentTimestamp: "2026-11-28T01:02:03Z",
    ConfigFields: [
      { Key: "url", Value: "https://erp.example/?a=1&b=2" },
      { Key: "greeting", Value: "Grüß Gott, ærlig talt <ok>" }
    ],
    Deleted: false,
    AllAccess: false,
    UserGroupAccessIds: null,
    AssociateAccessIds: null
  }

  const save = (value: ErpSync.ErpConnection) =>
    Effect.gen(function*() {
      const server = yield* nodeSoapServer
      const client = yield* ErpSyncClient.make({ url: server.url }).pipe(
        Effect.provideService(TicketSource.TicketSource, TicketSource.fixed(Redacted.make("7T:interop"))),
        Effect.provide(FetchHttpClient.layer)
      )
      const result = yield* Effect.result(client.saveConnection(value))
      return { result, requests: server.requests }
    })

  it.live("SaveConnection round-trips nulls, empty strings, escaped and non-ASCII text, ints and booleans", () =>
    Effect.gen(function*() {
      const { requests, result } = yield* save(connection)
      expect(result).toStrictEqual(Result.succeed({ ...connection, ErpConnectionId: 7 }))
      expect(requests).toHaveLength(1)
    }))

  it.live("id arrays: node-soap reads ours, but writes its items in the wrong namespace; we follow the WSDL", () =>
    Effect.gen(function*() {
      const { requests, result } = yield* save({ ...connection, UserGroupAccessIds: [1, -2147483648, 2147483647] })
      // node-soap reads the request as the WSDL says: {Arrays}int items.
      expect(requests[0]).toMatchObject({ Connection: { UserGroupAccessIds: { int: [1, -2147483648, 2147483647] } } })
      // Its answer writes <int> in the service's namespace, where the WSDL's ArrayOfint (schema
      // .../Serialization/Arrays, elementFormDefault qualified) puts {Arrays}int. Those elements are not
      // the WSDL's items, so the decoder skips them as unknown elements, as WCF does, and the list is empty.
      expect(result).toStrictEqual(Result.succeed({ ...connection, ErpConnectionId: 7, UserGroupAccessIds: [] }))
    }))

  it.live("an empty ConfigFields: node-soap answers xsi:nil without declaring the xsi prefix, which we refuse", () =>
    Effect.gen(function*() {
      const { requests, result } = yield* save({ ...connection, ConfigFields: [] })
      expect(requests).toHaveLength(1)
      // <ConfigFields xsi:nil="true"> with no xmlns:xsi in scope is not namespace-well-formed XML.
      expect(Result.isFailure(result) && result.failure).toMatchObject({ _tag: "XmlParseError", reason: "Malformed" })
      expect(Result.isFailure(result) && result.failure.message).toContain("unbound namespace prefix")
    }))
})

const erpSyncOperations = Object.values(ErpSync.service.operations as Record<string, Service.AnyOperation>)

const jsonOf = (value: unknown) => JSON.stringify(value, (_, v) => typeof v === "bigint" ? `${v}` : v)

/** Of 20 values sampled (seeded), the one whose JSON form is longest: a value, not a null or defaults. */
const richest = (message: Schema.Codec<unknown, unknown>, seed: number): unknown =>
  fc.sample(Arbitrary.make(message), { numRuns: 20, seed }).map((value) => ({
    value,
    length: jsonOf(Schema.encodeSync(message)(value)).length
  })).reduce((a, b) => b.length > a.length ? b : a).value

/**
 * A sampled body of a message, in its JSON form, without null array items (which node-soap writes as
 * empty elements, not as `xsi:nil`: the one departure from the WSDL in what it sends), and the value it
 * stands for.
 */
const sampleOf = (message: Schema.Codec<unknown, unknown>, seed: number) => {
  const value = richest(message, seed)
  const description = XmlCodec.describe(message)
  const json = withoutNullItems(
    description,
    description.elements[0]!.type,
    (Schema.encodeSync(message)(value) as { readonly Body: unknown }).Body
  )
  const expected = (Schema.decodeUnknownSync(message)({ Header: {}, Body: json }) as { readonly Body: unknown }).Body
  return { json, description, expected }
}

describe("node-soap's client, created from the WSDL, calls every ErpSync operation against the local server", () => {
  it.live.each(erpSyncOperations.map((o, i) => [o.name, o, i] as const))(
    "%s",
    ([, operation, i]) =>
      Effect.gen(function*() {
        const requests: Array<string> = []
        const server = yield* ErpSyncServer.make({
          onExchange: (e) => Effect.sync(() => void requests.push(e.request))
        })
        const client = (yield* Effect.promise(() =>
          soap.createClientAsync(WSDL, { endpoint: server.url })
        )) as unknown as Record<string, (args: unknown) => Promise<Array<unknown>>>
        const request = operation.request as Schema.Codec<unknown, unknown>
        const { description, expected, json } = sampleOf(request, 20261202 + i)
        // node-soap answers (it reads our response as the WSDL says) ...
        const [answer] = yield* Effect.promise(() =>
          client[`${operation.name}Async`]!(bodyToNodeSoap(description, json))
        )
        expect(answer === null || typeof answer === "object").toBe(true)
        // ... and what it sent is what it was given, as our decoder reads it.
        const sent = Result.getOrThrow(XmlCodec.decodeResult(request)(requests[0]!)) as { readonly Body: unknown }
        expect(sent.Body).toStrictEqual(expected)
      })
  )
})

describe("our client calls every ErpSync operation against a node-soap server created from the WSDL", () => {
  /** What the server answers each operation with: a sampled response, as node-soap is given it, and as we read it. */
  const answers = new Map(erpSyncOperations.map((operation, i) => {
    const response = operation.response as Schema.Codec<unknown, unknown>
    const value = richest(response, 20261203 + i)
    const description = XmlCodec.describe(response)
    const body = description.elements[0]!
    const json = (Schema.encodeSync(response)(value) as { readonly Body: unknown }).Body
    const { given, read } = forNodeSoapServer(description, body.type, json, body.namespace)
    return [operation.name, {
      given,
      read: (Schema.decodeUnknownSync(response)({ Header: {}, Body: read }) as { readonly Body: unknown }).Body
    }]
  }))

  const server = Effect.acquireRelease(
    Effect.callback<{ server: http.Server; url: string }>((resume) => {
      const server = http.createServer((_, res) => res.writeHead(404).end())
      const implementation = Object.fromEntries([...answers].map(([name, { given }]) => [name, () => given]))
      server.listen(0, "127.0.0.1", () => {
        soap.listen(server, "/Remote/Services86/ErpSync.svc", {
          WcfErpSyncService: { BasicHttpBinding_ErpSync: implementation }
        }, readReference("ErpSync.wsdl"))
        const port = (server.address() as AddressInfo).port
        resume(Effect.succeed({ server, url: `http://127.0.0.1:${port}/Remote/Services86/ErpSync.svc` }))
      })
    }),
    ({ server }) => Effect.callback<void>((resume) => void server.close(() => resume(Effect.void)))
  )

  it("answers with values, not only defaults: more than 20 of the 44 answers carry structs, arrays and text", () => {
    const rich = [...answers.values()].filter((answer) => jsonOf(answer.read).length > 150)
    expect(rich.length).toBeGreaterThan(20)
  })

  it.live.each(erpSyncOperations.map((o, i) => [o.name, o, i] as const))(
    "%s",
    ([, operation, i]) =>
      Effect.gen(function*() {
        const { url } = yield* server
        const client = yield* ErpSyncClient.make({ url }).pipe(
          Effect.provideService(TicketSource.TicketSource, TicketSource.fixed(Redacted.make("7T:interop"))),
          Effect.provide(FetchHttpClient.layer)
        )
        const [request] = fc.sample(Arbitrary.make(operation.request), { numRuns: 1, seed: 20261204 + i })
        const response = yield* client.call(operation as never, (request as { readonly Body: never }).Body)
        expect((response as { readonly Body: unknown }).Body).toStrictEqual(answers.get(operation.name)!.read)
      })
  )
})
