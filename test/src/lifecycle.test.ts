/**
 * A life cycle end to end, through the client's typed calls (`client.ErpSync.*`) against the local server
 * over HTTP: a connector entity and a connection on it, its configuration, activation, the engine, and
 * deleting both.
 */
import { expect, it } from "@effect/vitest"
import { ErpSyncClient, TicketSource } from "@erpsync/agent"
import type { ErpSync } from "@erpsync/schema"
import { ErpSyncServer } from "@erpsync/testing"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as Redacted from "effect/Redacted"
import { NO_SYSTEM_USER } from "./support/fixtures.js"

it.effect("connector, connection, config fields, toggle, engine, CanDelete, delete: all through the client", () =>
  Effect.gen(function*() {
    const server = yield* ErpSyncServer.make({ username: "erp-agent", password: "s3cret" })
    const tickets = yield* TicketSource.usernamePassword({ username: "erp-agent", password: Redacted.make("s3cret") })
    const { ErpSync: erpSync } = yield* ErpSyncClient.make({ url: server.url }).pipe(
      Effect.provideService(TicketSource.TicketSource, tickets)
    )

    // A connector entity: the server's defaults, unsaved (id 0), then saved with an id.
    const { Response: draft } = yield* erpSync.CreateDefaultErpSyncConnectorEntity({})
    expect(draft).toMatchObject({ ErpConnectorId: 0, Deleted: false })
    const { Response: connector } = yield* erpSync.SaveErpSyncConnectorEntity({
      ErpSyncConnectorEntity: { ...draft!, DisplayName: "Visma Business", URL: "https://connector.example/erp" }
    })
    expect(connector).toMatchObject({ ErpConnectorId: 1, DisplayName: "Visma Business" })
    expect(yield* erpSync.GetErpSyncConnectorEntity({ ErpSyncConnectorEntityId: 1 })).toStrictEqual({
      Response: connector
    })
    expect(yield* erpSync.CanDeleteErpSyncConnectorEntity({ ErpSyncConnectorId: 1 })).toStrictEqual({
      Response: "NoError"
    })

    // A connection on it, with its configuration.
    const config: ErpSync.StringDictionary = [
      { Key: "Url", Value: "https://erp.example/api" },
      { Key: "Company", Value: "Oslo & Bergen <AS>" }
    ]
    const { Response: connection } = yield* erpSync.SaveConnection({
      Connection: {
        TableRight: null,
        FieldProperties: null,
        ErpConnectionId: 0,
        ErpConnectorId: connector!.ErpConnectorId,
        DisplayName: "Oslo",
        DisplayDescription: null,
        Active: false,
        ConnectionId: "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
        MostRecentTimestamp: null,
        ConfigFields: config,
        Deleted: false,
        AllAccess: true,
        UserGroupAccessIds: [],
        AssociateAccessIds: []
      }
    })
    const id = connection!.ErpConnectionId
    expect(yield* erpSync.GetErpConnectionConfigFields({ ErpConnectionId: id })).toStrictEqual({ Response: config })
    expect(yield* erpSync.TestConnectionById({ ErpConnectionId: id })).toStrictEqual({ Response: true })
    expect(yield* erpSync.CanDeleteErpSyncConnectorEntity({ ErpSyncConnectorId: 1 })).toStrictEqual({
      Response: "ErrorConnectorHasConnections"
    })

    // Toggled twice: active, then inactive again; an empty list means it switched.
    expect(yield* erpSync.ToggleErpConnectionActive({ ErpConnectionId: id })).toStrictEqual({ Response: [] })
    expect((yield* erpSync.GetConnection({ ErpConnectionId: id })).Response?.Active).toBe(true)
    expect(yield* erpSync.ToggleErpConnectionActive({ ErpConnectionId: id })).toStrictEqual({ Response: [] })
    expect((yield* erpSync.GetConnection({ ErpConnectionId: id })).Response?.Active).toBe(false)

    // The engine: its interval and its state, read back.
    yield* erpSync.ChangeEngineInterval({ Interval: Duration.minutes(15) })
    const { Response: running } = yield* erpSync.ChangeEngineStatus({ Run: true })
    expect(running?.IsRunning).toBe(true)
    const { Response: status } = yield* erpSync.GetEngineStatus({})
    expect(status?.IsRunning).toBe(true)
    expect(Duration.toMinutes(status!.Interval)).toBe(15)

    // Deleted: the connection, then the connector, which can be deleted once no connection uses it.
    yield* erpSync.DeleteConnection({ ErpConnectionId: id })
    expect(yield* erpSync.GetConnection({ ErpConnectionId: id })).toStrictEqual({ Response: null })
    expect(yield* erpSync.CanDeleteErpSyncConnectorEntity({ ErpSyncConnectorId: 1 })).toStrictEqual({
      Response: "NoError"
    })
    yield* erpSync.DeleteErpSyncConnectorEntity({ ErpSyncConnectorEntityId: 1 })
    expect(yield* erpSync.GetErpSyncConnectorEntity({ ErpSyncConnectorEntityId: 1 })).toStrictEqual({
      Response: null
    })
    expect(yield* erpSync.CanDeleteErpSyncConnectorEntity({ ErpSyncConnectorId: 1 })).toStrictEqual({
      Response: "ErrorNotFound"
    })
    // One login for the whole life cycle.
    expect(yield* server.counts).toStrictEqual({ logins: 1, failedLogins: 0, rejectedTickets: 0, ...NO_SYSTEM_USER })
  }).pipe(Effect.provide(FetchHttpClient.layer)))
