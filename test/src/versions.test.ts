/**
 * The client and the local server at both versions of NetServer's API: the version is the one the
 * endpoint's path names, its messages are in that version's namespace with its `SOAPAction`s, Services88's
 * five operations more are typed calls, a call the endpoint's version lacks is refused before anything is
 * sent, and both versions serve one model: what one writes, the other reads.
 */
import { describe, expect, it } from "@effect/vitest"
import { ErpSyncClient, TicketSource } from "@erpsync/agent"
import { XmlCodec } from "@erpsync/codec"
import { ErpSync88, Namespaces, SoPrincipal88 } from "@erpsync/schema"
import { ErpSyncServer } from "@erpsync/testing"
import * as Effect from "effect/Effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { newConnection } from "./support/fixtures.js"

const USER = "erp-agent"
const PASSWORD = "s3cret-password"

/** A client of `url` that logs in, its ticket source living as long as the scope. */
const clientOf = (url: string, options: Partial<ErpSyncClient.ErpSyncClientConfig> = {}) =>
  Effect.gen(function*() {
    const tickets = yield* TicketSource.usernamePassword({ username: USER, password: Redacted.make(PASSWORD) })
    return yield* ErpSyncClient.make({ url, ...options }).pipe(
      Effect.provideService(TicketSource.TicketSource, tickets)
    )
  }).pipe(Effect.provide(FetchHttpClient.layer))

/** A local server that records what it is sent, and a client of `url(server)` that logs in. */
const setup = (
  url: (server: ErpSyncServer.ErpSyncServer) => string,
  options: Partial<ErpSyncClient.ErpSyncClientConfig> = {}
) =>
  Effect.gen(function*() {
    const exchanges: Array<ErpSyncServer.Exchange> = []
    const server = yield* ErpSyncServer.make({
      username: USER,
      password: PASSWORD,
      onExchange: (exchange) => Effect.sync(() => void exchanges.push(exchange))
    })
    const client = yield* clientOf(url(server), options)
    return { server, client, exchanges }
  })

describe("a Services88 endpoint", () => {
  it.live("is called with Services88's messages and actions, the login at its SoPrincipal too", () =>
    Effect.gen(function*() {
      const { client, exchanges, server } = yield* setup((s) => s.urls.Services88.ErpSync)
      expect(client.version).toBe("Services88")
      const saved = yield* client.saveConnection(newConnection)
      expect(exchanges.map((e) => [e.path, e.action])).toStrictEqual([
        ["/Remote/Services88/SoPrincipal.svc", `${Namespaces.Services88}/SoPrincipal/AuthenticateUsernamePassword`],
        ["/Remote/Services88/ErpSync.svc", `${Namespaces.Services88}/ErpSync/SaveConnection`]
      ])
      // Every element of the request is Services88's, those of types it shares with Services86 included.
      const request = exchanges[1]!.request
      expect(request).not.toContain(Namespaces.Services86)
      expect(XmlCodec.decodeResult(ErpSync88.SaveConnectionRequest)(request)._tag).toBe("Success")
      expect(yield* server.connections).toStrictEqual([saved])
    }).pipe(Effect.scoped))

  it.live("has Services88's five operations as typed calls", () =>
    Effect.gen(function*() {
      const { client } = yield* setup((s) => s.urls.Services88.ErpSync)
      const connector = yield* client.ErpSync.SaveErpSyncConnectorEntity({
        ErpSyncConnectorEntity: {
          TableRight: null,
          FieldProperties: null,
          ErpConnectorId: 0,
          DisplayName: "Visma",
          URL: "https://erp.example/connector",
          Deleted: false
        }
      })
      const connectorId = connector.Response!.ErpConnectorId
      expect((yield* client.ErpSync.GetAllConnectors({})).Response).toStrictEqual([
        { Id: connectorId, Name: "Visma", ToolTip: "https://erp.example/connector" }
      ])
      const kept = yield* client.saveConnection({ ...newConnection, ErpConnectorId: connectorId })
      const deleted = yield* client.saveConnection({ ...newConnection, ErpConnectorId: connectorId, Deleted: true })
      const ids = (all: ReadonlyArray<{ readonly ErpConnectionId: number } | null> | null) =>
        (all ?? []).map((c) => c?.ErpConnectionId)
      expect(ids((yield* client.ErpSync.GetAllConnections({ IncludeDeleted: false })).Response)).toStrictEqual([
        kept.ErpConnectionId
      ])
      expect(ids((yield* client.ErpSync.GetAllConnections({ IncludeDeleted: true })).Response)).toStrictEqual([
        kept.ErpConnectionId,
        deleted.ErpConnectionId
      ])
      const link = {
        ErpConnectionId: kept.ErpConnectionId,
        CrmRecordId: 12,
        CrmActorType: "Contact" as const,
        ErpActorType: "Customer" as const,
        FieldValues: []
      }
      expect((yield* client.ErpSync.TryConnectActor({ ...link, ErpKey: "C-1" })).Response).toBe(true)
      expect((yield* client.ErpSync.TryConnectActor({ ...link, ErpKey: "" })).Response).toBe(false)
      const resync = yield* client.ErpSync.ForceResyncNoBlankValues({
        ErpConnectionId: kept.ErpConnectionId,
        InternalKeyIds: [1]
      })
      expect(resync.Response).toMatchObject({ IsOk: true, Status: "Ok" })
      const external = yield* client.ErpSync.ForceResyncExternalNoBlankValues({
        ErpConnectionId: 4242,
        ErpActorType: "Customer",
        ExternalKeys: ["C-1"]
      })
      expect(external.Response).toMatchObject({ IsOk: false, Status: "Error" })
    }).pipe(Effect.scoped))

  it.live("and a Services86 one serve one model: what one writes, the other reads", () =>
    Effect.gen(function*() {
      const { client: client88, server } = yield* setup((s) => s.urls.Services88.ErpSync)
      const client86 = yield* clientOf(server.urls.Services86.ErpSync)
      expect(client86.version).toBe("Services86")
      const saved = yield* client88.saveConnection(newConnection)
      expect(yield* client86.getConnection(saved.ErpConnectionId)).toStrictEqual(Option.some(saved))
      const renamed = yield* client86.saveConnection({ ...saved, DisplayName: "renamed at Services86" })
      expect(yield* client88.getConnection(saved.ErpConnectionId)).toStrictEqual(Option.some(renamed))
    }).pipe(Effect.scoped))

  it.live("reads what only Services88 has, which Services86's codec refuses to write", () =>
    Effect.gen(function*() {
      const { client: client88, server } = yield* setup((s) => s.urls.Services88.ErpSync)
      const withNewRight = {
        ...newConnection,
        TableRight: { Mask: ["Select", "Uninitialized"] as const, Reason: "" }
      }
      const saved = yield* client88.saveConnection(withNewRight)
      expect(saved.TableRight).toStrictEqual(withNewRight.TableRight)
      const client86 = yield* clientOf(server.urls.Services86.ErpSync)
      const error = yield* Effect.flip(client86.saveConnection(withNewRight))
      expect(error).toMatchObject({ _tag: "XmlEncodeError" })
      expect(yield* server.connections).toHaveLength(1)
    }).pipe(Effect.scoped))
})

describe("the version of a client", () => {
  it.live("is refused for an operation its endpoint's version lacks, with nothing sent", () =>
    Effect.gen(function*() {
      const { client, exchanges } = yield* setup((s) => s.urls.Services86.ErpSync)
      expect(client.version).toBe("Services86")
      const error = yield* Effect.flip(client.ErpSync.GetAllConnections({ IncludeDeleted: true }))
      expect(error).toMatchObject({
        _tag: "ConfigurationError",
        reason: "UnsupportedOperation",
        operation: "GetAllConnections"
      })
      expect(error.message).toMatch(
        /^GetAllConnections: UnsupportedOperation: http:\/\/127\.0\.0\.1:\d+\/Remote\/Services86\/ErpSync\.svc: /
      )
      expect(exchanges).toStrictEqual([])
    }).pipe(Effect.scoped))

  it.live("is Services88 for a URL that names no version, and the option's when given", () =>
    Effect.gen(function*() {
      const bare = yield* setup((s) => `${new URL(s.url).origin}/ErpSync.svc`)
      expect(bare.client.version).toBe("Services88")
      const declared = yield* setup((s) => s.urls.Services86.ErpSync, { version: "Services86" })
      expect(declared.client.version).toBe("Services86")
    }).pipe(Effect.scoped))

  it.live("refuses, when the layer is built, a URL naming a version it has no declarations of or another than the option", () =>
    Effect.gen(function*() {
      const unknown = yield* Effect.flip(
        setup(() => "https://user:pw@crm.example/Cust1/Remote/Services90/ErpSync.svc?t=1")
      )
      expect(unknown).toMatchObject({ _tag: "ConfigurationError", reason: "Version", operation: null })
      expect(unknown.message).toBe(
        "Version: https://crm.example/Cust1/Remote/Services90/ErpSync.svc: its path names Services90, a version of " +
          "NetServer's API this client has no declarations of (it has Services86 and Services88)"
      )
      const disagreeing = yield* Effect.flip(setup((s) => s.urls.Services86.ErpSync, { version: "Services88" }))
      expect(disagreeing).toMatchObject({ _tag: "ConfigurationError", reason: "Version" })
      expect(disagreeing.message).toContain("its path names Services86, but the client was configured for Services88")
    }).pipe(Effect.scoped))

  it.live("logs in at the SoPrincipal of the version its endpoint names", () =>
    Effect.gen(function*() {
      const { client, exchanges } = yield* setup((s) => s.urls.Services88.ErpSync)
      yield* client.SoPrincipal.GetSystemInfo({})
      expect(exchanges.map((e) => e.action)).toStrictEqual([`${Namespaces.Services88}/SoPrincipal/GetSystemInfo`])
      expect(XmlCodec.decodeResult(SoPrincipal88.GetSystemInfoResponse)(exchanges[0]!.response)._tag).toBe("Success")
    }).pipe(Effect.scoped))
})
