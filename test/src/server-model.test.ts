/**
 * The local server as a model of ErpSync that tests and demos can rely on: every operation of both
 * services at both versions answers arbitrary requests in band with a response valid against its version's
 * WSDL, and the stateful
 * operations do what they say, seen through the client's typed calls.
 */
import { describe, expect, it } from "@effect/vitest"
import { ErpSyncClient, TicketSource } from "@erpsync/agent"
import type { Service } from "@erpsync/codec"
import * as Arbitrary from "@erpsync/codec/Arbitrary"
import type { ErpSync, Version } from "@erpsync/schema"
import { versions } from "@erpsync/schema"
import { ErpSyncServer } from "@erpsync/testing"
import * as Effect from "effect/Effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as Redacted from "effect/Redacted"
import * as Result from "effect/Result"
import * as fc from "fast-check"
import * as fs from "node:fs"
import { afterAll } from "vitest"
import { wsdlOf } from "./support/messages.js"
import { extractSchemas, type SchemaSet, validate } from "./support/reference.js"

const TICKET = "7T:model"

const connectAt = (version: Version) =>
  Effect.gen(function*() {
    const responses: Array<{ action: string; xml: string }> = []
    const server = yield* ErpSyncServer.make({
      ticket: TICKET,
      onExchange: (exchange) =>
        Effect.sync(() => void responses.push({ action: exchange.action, xml: exchange.response }))
    })
    const client = yield* ErpSyncClient.make({ url: server.urls[version].ErpSync }).pipe(
      Effect.provideService(TicketSource.TicketSource, TicketSource.fixed(Redacted.make(TICKET))),
      Effect.provide(FetchHttpClient.layer)
    )
    return { client, responses, server }
  })
const connect = connectAt("Services86")

const versionNames = Object.keys(versions) as ReadonlyArray<Version>
const schemaSets = new Map<string, SchemaSet>(
  versionNames.flatMap((version) =>
    Object.values(versions[version]).map((s) => [wsdlOf(s.name, version), extractSchemas(wsdlOf(s.name, version))])
  )
)
afterAll(() => {
  for (const set of schemaSets.values()) fs.rmSync(set.dir, { recursive: true, force: true })
})

const operations = versionNames.flatMap((version) =>
  Object.values(versions[version]).flatMap((service) =>
    Object.values(service.operations as Record<string, Service.AnyOperation>).map((operation) => ({
      version,
      operation
    }))
  )
)

describe("every operation", () => {
  it.effect.each(operations.map((o) => [`${o.version} ${o.operation.service}.${o.operation.name}`, o] as const))(
    "%s answers arbitrary requests in band, valid against its WSDL",
    ([, { operation, version }]) =>
      Effect.gen(function*() {
        const { client, responses } = yield* connectAt(version)
        const bodies = fc.sample(Arbitrary.make(operation.request), { numRuns: 8, seed: 20261202 })
          .map((message) => (message as { readonly Body: unknown }).Body)
        for (const body of bodies) {
          const result = yield* Effect.result(client.call(operation as never, body as never))
          if (Result.isFailure(result)) {
            expect(result.failure).toMatchObject({ _tag: "ServiceError", reason: "ExceptionInfo" })
          }
        }
        expect(responses.map((r) => r.action)).toStrictEqual(bodies.map(() => operation.action))
        const validation = validate(
          schemaSets.get(wsdlOf(operation.service, version))!.soap11,
          responses.map((r) => r.xml)
        )
        expect(validation.output).toBe("")
      })
  )
})

const connection = (fields: Partial<ErpSync.ErpConnection> = {}): ErpSync.ErpConnection => ({
  TableRight: null,
  FieldProperties: null,
  ErpConnectionId: 0,
  ErpConnectorId: 1,
  DisplayName: "Oslo",
  DisplayDescription: null,
  Active: true,
  ConnectionId: null,
  MostRecentTimestamp: null,
  ConfigFields: [{ Key: "Url", Value: "https://erp.example" }],
  Deleted: false,
  AllAccess: true,
  UserGroupAccessIds: [],
  AssociateAccessIds: [],
  ...fields
})

describe("the model", () => {
  it.effect("a new connection is given a GUID ConnectionId, as NetServer gives one; one it was saved with is kept", () =>
    Effect.gen(function*() {
      const { client } = yield* connect
      const first = yield* client.saveConnection(connection())
      expect(first.ConnectionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      const second = yield* client.saveConnection(connection({ ConnectionId: "" }))
      expect(second.ConnectionId).toMatch(/^[0-9a-f-]{36}$/)
      expect(second.ConnectionId).not.toBe(first.ConnectionId)
      const given = yield* client.saveConnection(connection({ ConnectionId: "3f2504e0-4f89-11d3-9a0c-0305e82c3301" }))
      expect(given.ConnectionId).toBe("3f2504e0-4f89-11d3-9a0c-0305e82c3301")
      // An update keeps the connection's GUID as it is given.
      const updated = yield* client.saveConnection({ ...first, DisplayName: "Bergen" })
      expect(updated.ConnectionId).toBe(first.ConnectionId)
    }))

  it.effect("connector entities: an unknown id is refused in band, and CanDelete names it not found", () =>
    Effect.gen(function*() {
      const { client } = yield* connect
      const error = yield* Effect.flip(
        client.ErpSync.SaveErpSyncConnectorEntity({
          ErpSyncConnectorEntity: {
            TableRight: null,
            FieldProperties: null,
            ErpConnectorId: 9,
            DisplayName: "x",
            URL: null,
            Deleted: false
          }
        })
      )
      expect(error).toMatchObject({ _tag: "ServiceError", exceptionType: "SuperOffice.CRM.EntityNotFoundException" })
      expect(yield* client.ErpSync.CanDeleteErpSyncConnectorEntity({ ErpSyncConnectorId: 9 })).toStrictEqual({
        Response: "ErrorNotFound"
      })
      expect(yield* client.ErpSync.TestConnectorUrl({ Url: "https://connector.example" })).toStrictEqual({
        Response: "NoError"
      })
      expect(yield* client.ErpSync.TestConnectorUrl({ Url: "not a url" })).toStrictEqual({ Response: "ErrorNotFound" })
    }))

  it.effect("a connector's configuration fields; a connection tested by id (saved config) and by config (given)", () =>
    Effect.gen(function*() {
      const { client } = yield* connect
      yield* client.ErpSync.SaveErpSyncConnectorEntity({
        ErpSyncConnectorEntity: {
          TableRight: null,
          FieldProperties: null,
          ErpConnectorId: 0,
          DisplayName: "c",
          URL: "https://c",
          Deleted: false
        }
      })
      const { Response: fields } = yield* client.ErpSync.GetConfigurationFields({ ErpConnectorId: 1 })
      expect(fields?.map((f) => [f?.FieldKey, f?.Access])).toStrictEqual([
        ["Url", "Mandatory"],
        ["Company", "Normal"],
        ["ApiKey", "Normal"]
      ])
      const { Response: saved } = yield* client.ErpSync.SaveConnection({ Connection: connection({ ConfigFields: [] }) })
      expect(yield* client.ErpSync.TestConnectionById({ ErpConnectionId: saved!.ErpConnectionId })).toStrictEqual({
        Response: false
      })
      const given = { ErpConnectionId: saved!.ErpConnectionId, ConfigFields: [{ Key: "Url", Value: "https://erp" }] }
      expect(yield* client.ErpSync.TestConnectionByConfig(given)).toStrictEqual({ Response: true })
      // Testing with a configuration does not save it.
      expect(yield* client.ErpSync.GetErpConnectionConfigFields({ ErpConnectionId: saved!.ErpConnectionId }))
        .toStrictEqual({ Response: [] })
      expect(yield* client.ErpSync.ToggleErpConnectionActive({ ErpConnectionId: 99 })).toStrictEqual({
        Response: ["There is no ErpConnection with id 99"]
      })
    }))

  it.effect("sync priorities are saved when every id is a connection; UpdateConnectionFields knows the connection", () =>
    Effect.gen(function*() {
      const { client, server } = yield* connect
      yield* client.ErpSync.SaveConnection({ Connection: connection() })
      yield* client.ErpSync.SaveConnection({ Connection: connection() })
      expect(yield* client.ErpSync.SaveErpConnectionSyncPriorities({ ErpConnectionIds: [2, 1] })).toStrictEqual({
        Response: true
      })
      expect(yield* client.ErpSync.SaveErpConnectionSyncPriorities({ ErpConnectionIds: [2, 3] })).toStrictEqual({
        Response: false
      })
      expect((yield* server.state).priorities).toStrictEqual([2, 1])
      expect(yield* client.ErpSync.UpdateConnectionFields({ ErpConnectionId: 1 })).toStrictEqual({ Response: true })
      expect(yield* client.ErpSync.UpdateConnectionFields({ ErpConnectionId: 3 })).toStrictEqual({ Response: false })
    }))

  it.effect("actor links: created, connected with values, visible in GetConnectionsAndDisplayFields, broken", () =>
    Effect.gen(function*() {
      const { client } = yield* connect
      yield* client.ErpSync.SaveConnection({ Connection: connection() })
      const link = { ErpConnectionId: 1, CrmRecordId: 42, CrmActorType: "Contact" as const }
      expect(yield* client.ErpSync.CreateActorLink({ ...link, ErpKey: "C-1", ErpActorType: "Customer" })).toStrictEqual(
        {
          Response: true
        }
      )
      const shown = yield* client.ErpSync.GetConnectionsAndDisplayFields({ CrmActorType: "Contact", EntityId: 42 })
      expect(shown.Response?.map((c) => [c?.ErpConnectionId, c?.Connected, c?.ErpActorType])).toStrictEqual([
        [1, true, "Customer"]
      ])
      const value = (key: string, v: string) => ({
        TableRight: null,
        FieldProperties: null,
        DisplayName: key,
        CrmFieldKey: key,
        Value: v,
        DisplayValue: v,
        SyncToCrm: true,
        SyncToErp: false
      })
      yield* client.ErpSync.ConnectActor({
        ...link,
        ErpKey: "C-1",
        ErpActorType: "Customer",
        FieldValues: [value("Name", "Acme"), value("Email", "post@acme.example")]
      })
      expect(yield* client.ErpSync.GetErpFieldValues({ ...link, EntityId: 42, FieldKeys: ["Email", "Nope", "Name"] }))
        .toStrictEqual({ Response: ["post@acme.example", null, "Acme"] })
      expect(
        (yield* client.ErpSync.GetFieldValuesFromErp({ ErpConnectionId: 1, ActorTypeErp: "Customer", ErpKey: "C-1" }))
          .Response?.map((v) => v?.Value)
      ).toStrictEqual(["Acme", "post@acme.example"])
      expect(yield* client.ErpSync.BreakActorLink(link)).toStrictEqual({ Response: true })
      expect(yield* client.ErpSync.BreakActorLink(link)).toStrictEqual({ Response: false })
      const after = yield* client.ErpSync.GetConnectionsAndDisplayFields({ CrmActorType: "Contact", EntityId: 42 })
      expect(after.Response?.map((c) => c?.Connected)).toStrictEqual([false])
    }))

  it.effect("an ERP actor created from a CRM record gets a key, its values and a link", () =>
    Effect.gen(function*() {
      const { client, server } = yield* connect
      yield* client.ErpSync.SaveConnection({ Connection: connection() })
      expect(
        yield* client.ErpSync.CreateErpActorFromCrm({
          ConnectionId: 1,
          CrmEntityId: 7,
          ErpActorType: "Customer",
          CrmActorType: "Contact",
          ErpFieldKeyValues: [{ Key: "Name", Value: "Acme" }]
        })
      ).toStrictEqual({ Response: true })
      const { erpActors, links } = yield* server.state
      expect(links).toStrictEqual([
        { ErpConnectionId: 1, CrmRecordId: 7, CrmActorType: "Contact", ErpKey: "CUSTOMER-1", ErpActorType: "Customer" }
      ])
      expect(erpActors[0]?.FieldValues.map((v) => [v?.CrmFieldKey, v?.Value])).toStrictEqual([["Name", "Acme"]])
    }))

  it.effect("actor-type mappings, list mappings and default values give back what was saved", () =>
    Effect.gen(function*() {
      const { client } = yield* connect
      yield* client.ErpSync.SaveConnection({ Connection: connection() })
      const { Response: mapping } = yield* client.ErpSync.GetActorTypeMapping({
        ErpConnectionId: 1,
        ActorType: "Customer"
      })
      expect(mapping?.ActorTypeCrm).toBe("Contact")
      expect(mapping?.FieldMappings?.map((f) => f?.ErpFieldKey)).toStrictEqual([
        "CustomerNo",
        "Name",
        "Email",
        "CreditLimit"
      ])
      const mapped = {
        ...mapping!,
        IsActive: true,
        FieldMappings: mapping!.FieldMappings!.map((f) =>
          f === null ? f : { ...f, CrmFieldKey: `crm.${f.ErpFieldKey}` }
        )
      }
      expect(yield* client.ErpSync.SaveActorTypeMapping({ Mapping: mapped })).toStrictEqual({ Response: mapped })
      expect(yield* client.ErpSync.GetActorTypeMapping({ ErpConnectionId: 1, ActorType: "Customer" })).toStrictEqual({
        Response: mapped
      })
      expect(yield* client.ErpSync.GetCrmActorType({ ErpConnectionId: 1, ErpActorType: "Customer" })).toStrictEqual({
        Response: "Contact"
      })
      // Moving a field down the order.
      yield* client.ErpSync.MoveErpFieldItem({
        ErpFieldId: mapped.FieldMappings[0]!.ErpFieldId,
        Direction: 1,
        ErpConnectionId: 1,
        ErpActorType: "Customer"
      })
      const { Response: moved } = yield* client.ErpSync.GetActorTypeMapping({
        ErpConnectionId: 1,
        ActorType: "Customer"
      })
      expect(moved?.FieldMappings?.map((f) => f?.ErpFieldKey)).toStrictEqual([
        "Name",
        "CustomerNo",
        "Email",
        "CreditLimit"
      ])

      const { Response: lists } = yield* client.ErpSync.GetConnectionListMappings({ ErpConnectionId: 1 })
      expect(lists).toMatchObject({ ErpConnectionId: 1, ErpConnectionName: "Oslo", ErpListItemMappings: [] })
      const listMapping = { ...lists!, ErpListItemMappings: [null] }
      expect(yield* client.ErpSync.SaveConnectionListMappings({ ListMapping: listMapping })).toStrictEqual({
        Response: listMapping
      })
      expect(yield* client.ErpSync.GetConnectionListMappings({ ErpConnectionId: 1 })).toStrictEqual({
        Response: listMapping
      })

      const defaultValue: ErpSync.ErpSyncDefaultValue = {
        TableRight: null,
        FieldProperties: null,
        ErpFieldId: 1001,
        DefaultValue: "NOK",
        HasFirstSyncDefaultValue: false,
        FirstSyncDefaultValue: null,
        PromptUser: true,
        Mandatory: false,
        ErpFieldKey: "Currency",
        FieldType: "Text",
        ListName: null,
        Access: "Normal"
      }
      expect(yield* client.ErpSync.GetDefaultValueInfo({ ErpFieldId: 1001 })).toStrictEqual({ Response: null })
      expect(yield* client.ErpSync.SaveDefaultValueInfo({ ErpSyncDefaultValue: defaultValue })).toStrictEqual({
        Response: defaultValue
      })
      expect(yield* client.ErpSync.GetDefaultValueInfo({ ErpFieldId: 1001 })).toStrictEqual({ Response: defaultValue })
      const { Response: summary } = yield* client.ErpSync.GetErpSyncConnectionSummary({ ErpSyncConnectionId: 1 })
      expect(summary?.Actors?.map((a) => [a?.ActorType, a?.HasMappings, a?.Defaults])).toStrictEqual([
        ["Customer", true, "Currency = NOK"]
      ])
    }))

  it.effect("sync requests answer a PluginResponse and are recorded; SyncAll needs the engine running", () =>
    Effect.gen(function*() {
      const { client, server } = yield* connect
      yield* client.ErpSync.SaveConnection({ Connection: connection() })
      const stopped = yield* client.ErpSync.SyncAll({})
      expect(stopped.Response).toMatchObject({ IsOk: false, ErrorCode: "EngineStopped" })
      expect((yield* client.ErpSync.ForceSyncAll({})).Response).toMatchObject({ IsOk: true })
      yield* client.ErpSync.ChangeEngineStatus({ Run: true })
      expect((yield* client.ErpSync.SyncAll({})).Response).toMatchObject({
        IsOk: true,
        UserExplanation: "Synchronised 1 active connections"
      })
      expect((yield* client.ErpSync.ForceResync({ ErpConnectionId: 1, InternalKeyIds: [4, 5] })).Response?.IsOk).toBe(
        true
      )
      expect((yield* client.ErpSync.ForceResync({ ErpConnectionId: 2, InternalKeyIds: [] })).Response).toMatchObject({
        IsOk: false,
        ErrorCode: "NotFound"
      })
      yield* client.ErpSync.ForceResyncBatchTask({ ErpConnectionId: 0, InternalKeyIds: [] })
      yield* client.ErpSync.ForceResyncExternal({ ErpConnectionId: 1, ErpActorType: "Customer", ExternalKeys: ["C-1"] })
      expect((yield* server.state).syncs.map((s) => [s.operation, s.ErpConnectionId, s.keys])).toStrictEqual([
        ["ForceSyncAll", null, null],
        ["SyncAll", null, null],
        ["ForceResync", 1, ["4", "5"]],
        ["ForceResyncBatchTask", null, []],
        ["ForceResyncExternal", 1, ["C-1"]]
      ])
    }))

  it.effect("SoPrincipal's system information needs no ticket; AuthenticateImplicit has no identity to use", () =>
    Effect.gen(function*() {
      const { client, server } = yield* connect
      const { SystemInfo } = yield* client.SoPrincipal.GetSystemInfo({})
      expect(SystemInfo).toMatchObject({ BuildLabel: "erpsync local server", BuildType: "Release" })
      expect((yield* client.SoPrincipal.AuthenticateImplicit({})).AuthenticationSucceeded).toBe(false)
      expect(yield* server.counts).toMatchObject({ rejectedTickets: 0 })
    }))
})

describe("the local server's paths", () => {
  it.effect("a path that ends in no service's endpoint file is answered 404", () =>
    Effect.gen(function*() {
      const { server } = yield* connect
      const answer = yield* Effect.promise(() =>
        fetch(server.url.replace("ErpSync.svc", "Elsewhere.svc"), { method: "POST", body: "<x/>" })
      )
      expect(answer.status).toBe(404)
    }))

  it.effect("serves each service at /Remote/<version>/<endpoint file>, below one folder too, in any case, with a trailing slash or not, and nowhere else", () =>
    Effect.gen(function*() {
      const { server } = yield* connect
      const origin = new URL(server.url).origin
      // An envelope that is not one: where a service is served, WCF's answer is a SOAP Fault (500).
      const statusAt = (path: string) =>
        Effect.promise(() =>
          fetch(`${origin}${path}`, {
            method: "POST",
            headers: { "content-type": "text/xml; charset=utf-8", soapaction: "\"\"" },
            body: "<x/>"
          }).then((answer) => answer.status)
        )
      for (
        const path of [
          "/Remote/Services86/ErpSync.svc",
          "/Remote/Services86/SoPrincipal.svc",
          "/Cust12345/Remote/Services86/ErpSync.svc",
          "/SuperOffice/remote/services86/erpsync.svc",
          "/Remote/Services86/ErpSync.svc?wsdl",
          "/Remote/Services86/ErpSync.svc/",
          "/Remote/Services88/ErpSync.svc",
          "/Cust12345/Remote/Services88/SoPrincipal.svc"
        ]
      ) {
        expect([path, yield* statusAt(path)]).toStrictEqual([path, 500])
      }
      for (
        const path of [
          "/ErpSync.svc",
          "/a/b/Remote/Services86/ErpSync.svc",
          "/Remote/Services87/ErpSync.svc",
          "/Remote/Services86/ErpSync.svc/extra",
          "/Remote/Services86/",
          "/"
        ]
      ) {
        expect([path, yield* statusAt(path)]).toStrictEqual([path, 404])
      }
    }))
})
