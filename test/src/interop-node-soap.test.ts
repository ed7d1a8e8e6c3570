/**
 * Interop with node-soap, an independent SOAP stack driven by the vendor's WSDL: its client against our
 * local server, and our client against its server.
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import { describe, expect, it } from "@effect/vitest"
import { ErpSyncClient, TicketSource } from "@erpsync/agent"
import { ErpSyncServer } from "@erpsync/agent/testing"
import type { ErpSync } from "@erpsync/schema"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
import * as http from "node:http"
import type { AddressInfo } from "node:net"
import * as path from "node:path"
import * as soap from "soap"
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
      expect(stored).toStrictEqual({
        TableRight: null,
        FieldProperties: null,
        ErpConnectionId: 1,
        ErpConnectorId: 3,
        DisplayName: "Visma & <Co> – blåbær 😀",
        DisplayDescription: null,
        Active: true,
        ConnectionId: null,
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
    }).pipe(Effect.scoped))
})

/** A node-soap server for the WSDL whose SaveConnection gives the connection back with id 7. */
const nodeSoapServer = Effect.acquireRelease(
  Effect.async<{ server: http.Server; url: string; requests: Array<unknown> }>((resume) => {
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
  ({ server }) => Effect.async<void>((resume) => void server.close(() => resume(Effect.void)))
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
      const result = yield* Effect.either(client.saveConnection(value))
      return { result, requests: server.requests }
    })

  it.live("SaveConnection round-trips nulls, empty strings, escaped and non-ASCII text, ints and booleans", () =>
    Effect.gen(function*() {
      const { requests, result } = yield* save(connection)
      expect(result).toStrictEqual(Either.right({ ...connection, ErpConnectionId: 7 }))
      expect(requests).toHaveLength(1)
    }).pipe(Effect.scoped))

  it.live("id arrays: node-soap reads ours, but writes its items in the wrong namespace; we follow the WSDL", () =>
    Effect.gen(function*() {
      const { requests, result } = yield* save({ ...connection, UserGroupAccessIds: [1, -2147483648, 2147483647] })
      // node-soap reads the request as the WSDL says: {Arrays}int items.
      expect(requests[0]).toMatchObject({ Connection: { UserGroupAccessIds: { int: [1, -2147483648, 2147483647] } } })
      // Its answer writes <int> in the service's namespace, where the WSDL's ArrayOfint (schema
      // .../Serialization/Arrays, elementFormDefault qualified) puts {Arrays}int. Those elements are not
      // the WSDL's items, so the decoder skips them as unknown elements, as WCF does, and the list is empty.
      expect(result).toStrictEqual(Either.right({ ...connection, ErpConnectionId: 7, UserGroupAccessIds: [] }))
    }).pipe(Effect.scoped))

  it.live("an empty ConfigFields: node-soap answers xsi:nil without declaring the xsi prefix, which we refuse", () =>
    Effect.gen(function*() {
      const { requests, result } = yield* save({ ...connection, ConfigFields: [] })
      expect(requests).toHaveLength(1)
      // <ConfigFields xsi:nil="true"> with no xmlns:xsi in scope is not namespace-well-formed XML.
      expect(Either.isLeft(result) && result.left).toMatchObject({ _tag: "XmlParseError", reason: "Malformed" })
      expect(Either.isLeft(result) && result.left.message).toContain("unbound namespace prefix")
    }).pipe(Effect.scoped))
})
