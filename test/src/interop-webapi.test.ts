/**
 * Interop with SuperOffice's own TypeScript client, `@superoffice/webapi`, against the local server's
 * REST WebAPI: every method of its `ErpSyncAgent` is called once, as a service built on it would call
 * it, in camelCase, with its query strings, its ISO 8601 durations and its numeric right masks. What it
 * reads back is checked against values written here from the inputs (in the vendor client's own shapes),
 * and what it wrote is read over the other wire, SOAP, through our client: one model behind both.
 */
import { describe, expect, it } from "@effect/vitest"
import { ErpSyncClient, TicketSource } from "@erpsync/agent"
import { ErpSync88 } from "@erpsync/schema"
import { ErpSyncServer } from "@erpsync/testing"
import type * as SuperOffice from "@superoffice/webapi" with { "resolution-mode": "require" }
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as FetchHttpClient from "effect/http/FetchHttpClient"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import { createRequire } from "node:module"

// The package's ES module build imports its own files without extensions, which Node's ES module loader
// refuses; its CommonJS build is what a Node service loads.
const { ErpSyncAgent, mkDuration, WebApi } = createRequire(import.meta.url)(
  "@superoffice/webapi"
) as typeof SuperOffice

const TICKET = "7T:vendor-client"

type Agent = ReturnType<InstanceType<typeof WebApi>["getErpSyncAgent"]>

/** The agent's public methods, as its class declares them. */
const agentMethods = Object.getOwnPropertyNames(ErpSyncAgent.prototype)
  .filter((name) => name.endsWith("Async") && !name.startsWith("_"))
  .sort()

/** The vendor's agent, recording which of its public methods were called. */
const vendorAgent = (webApiUrl: string) => {
  const api = new WebApi(webApiUrl)
  api.authenticateWithTicket(TICKET)
  const agent = api.getErpSyncAgent()
  const called = new Set<string>()
  const recording = new Proxy(agent, {
    get: (target, name, receiver) => {
      const value: unknown = Reflect.get(target, name, receiver)
      if (typeof name === "string" && agentMethods.includes(name)) called.add(name)
      return value
    }
  })
  const call = <A>(f: (agent: Agent) => Promise<A>) => Effect.promise(() => f(recording))
  return { call, called }
}

/** Carrier rights the vendor client reads when the server sends none. */
const noRights = { tableRight: null, fieldProperties: null }

describe("SuperOffice's own client, @superoffice/webapi, against the local server", () => {
  it("has the 49 operations of Services88's ErpSync, and no other", () => {
    const operations = agentMethods.map((name) => name[0]!.toUpperCase() + name.slice(1, -"Async".length))
    expect(operations.sort()).toStrictEqual(Object.keys(ErpSync88.service.operations).sort())
    expect(agentMethods).toHaveLength(49)
  })

  it.live("calls every method of its ErpSync agent, and our client reads what it wrote over SOAP", () =>
    Effect.gen(function*() {
      const server = yield* ErpSyncServer.make({ ticket: TICKET })
      const soap = yield* ErpSyncClient.make({ url: server.urls.Services88.ErpSync }).pipe(
        Effect.provideService(TicketSource.TicketSource, TicketSource.fixed(Redacted.make(TICKET))),
        Effect.provide(FetchHttpClient.layer)
      )
      const { call, called } = vendorAgent(server.webApiUrl)

      // Connector entities: the bare entity posted, ids in the query string.
      expect(yield* call((a) => a.createDefaultErpSyncConnectorEntityAsync())).toStrictEqual({
        ...noRights,
        erpConnectorId: 0,
        displayName: "",
        uRL: "",
        deleted: false
      })
      const entity = yield* call((a) =>
        a.saveErpSyncConnectorEntityAsync({
          erpConnectorId: 0,
          displayName: "Visma – Ålesund <&>",
          uRL: "https://erp.example/connector?a=1&b=2",
          deleted: false
        })
      )
      const connectorId = entity.erpConnectorId!
      expect(connectorId).toBeGreaterThan(0)
      expect((yield* soap.ErpSync.GetErpSyncConnectorEntity({ ErpSyncConnectorEntityId: connectorId })).Response)
        .toStrictEqual({
          TableRight: null,
          FieldProperties: null,
          ErpConnectorId: connectorId,
          DisplayName: "Visma – Ålesund <&>",
          URL: "https://erp.example/connector?a=1&b=2",
          Deleted: false
        })
      expect(yield* call((a) => a.getErpSyncConnectorEntityAsync(connectorId))).toStrictEqual(entity)
      expect(yield* call((a) => a.getAllConnectorsAsync())).toStrictEqual([
        { id: connectorId, name: "Visma – Ålesund <&>", toolTip: "https://erp.example/connector?a=1&b=2" }
      ])
      expect(yield* call((a) => a.testConnectorUrlAsync("https://erp.example"))).toBe("NoError")
      expect(yield* call((a) => a.testConnectorUrlAsync("not a url"))).toBe("ErrorNotFound")
      expect(yield* call((a) => a.canDeleteErpSyncConnectorEntityAsync(connectorId))).toBe("NoError")
      const configurationFields = yield* call((a) => a.getConfigurationFieldsAsync(connectorId))
      expect(configurationFields.map((f) => [f.fieldKey, f.fieldType, f.access, f.maxLength])).toStrictEqual([
        ["Url", "Text", "Mandatory", 255],
        ["Company", "Text", "Normal", 255],
        ["ApiKey", "Password", "Normal", 0]
      ])

      // Connections: configuration fields as an object, rights as the client's numbers.
      const connection = yield* call((a) =>
        a.saveConnectionAsync({
          erpConnectionId: 0,
          erpConnectorId: connectorId,
          displayName: "Main ERP",
          displayDescription: "Ærlig talt: \"quotes\" & <tags>",
          active: true,
          connectionId: "0f8fad5b-d9cb-469f-a165-70867728950e",
          mostRecentTimestamp: "2026-12-06T10:00:00",
          configFields: { Url: "https://erp.example/api", Company: "ACME AS", "": "empty key" },
          deleted: false,
          allAccess: false,
          userGroupAccessIds: [1, 2],
          associateAccessIds: [],
          // 15 is FULL: Select, Update, Insert and Delete.
          tableRight: { mask: 15, reason: "" }
        })
      )
      const connectionId = connection.erpConnectionId!
      expect(connectionId).toBeGreaterThan(0)
      const overSoap = (yield* soap.getConnection(connectionId)).pipe(Option.getOrThrow)
      expect(overSoap).toStrictEqual({
        TableRight: { Mask: ["Select", "Update", "Insert", "Delete"], Reason: "" },
        FieldProperties: null,
        ErpConnectionId: connectionId,
        ErpConnectorId: connectorId,
        DisplayName: "Main ERP",
        DisplayDescription: "Ærlig talt: \"quotes\" & <tags>",
        Active: true,
        ConnectionId: "0f8fad5b-d9cb-469f-a165-70867728950e",
        MostRecentTimestamp: "2026-12-06T10:00:00",
        ConfigFields: [
          { Key: "Url", Value: "https://erp.example/api" },
          { Key: "Company", Value: "ACME AS" },
          { Key: "", Value: "empty key" }
        ],
        Deleted: false,
        AllAccess: false,
        UserGroupAccessIds: [1, 2],
        AssociateAccessIds: []
      })
      const expectedConnection = {
        tableRight: { mask: 15, reason: "" },
        fieldProperties: null,
        erpConnectionId: connectionId,
        erpConnectorId: connectorId,
        displayName: "Main ERP",
        displayDescription: "Ærlig talt: \"quotes\" & <tags>",
        active: true,
        connectionId: "0f8fad5b-d9cb-469f-a165-70867728950e",
        mostRecentTimestamp: "2026-12-06T10:00:00",
        configFields: { Url: "https://erp.example/api", Company: "ACME AS", "": "empty key" },
        deleted: false,
        allAccess: false,
        userGroupAccessIds: [1, 2],
        associateAccessIds: []
      }
      expect(connection).toStrictEqual(expectedConnection)
      expect(yield* call((a) => a.getConnectionAsync(connectionId))).toStrictEqual(expectedConnection)
      expect(yield* call((a) => a.getAllConnectionsAsync(false))).toStrictEqual([expectedConnection])
      expect(yield* call((a) => a.getErpConnectionConfigFieldsAsync(connectionId))).toStrictEqual(
        expectedConnection.configFields
      )
      expect(yield* call((a) => a.canDeleteErpSyncConnectorEntityAsync(connectorId))).toBe(
        "ErrorConnectorHasConnections"
      )
      expect(yield* call((a) => a.testConnectionByIdAsync(connectionId))).toBe(true)
      expect(yield* call((a) => a.testConnectionByConfigAsync(connectionId, { Company: "ACME AS" }))).toBe(false)
      expect(yield* call((a) => a.testConnectionByConfigAsync(connectionId, { Url: "https://erp.example" }))).toBe(
        true
      )
      expect(yield* call((a) => a.updateConnectionFieldsAsync(connectionId))).toBe(true)
      expect(yield* call((a) => a.saveErpConnectionSyncPrioritiesAsync([connectionId]))).toBe(true)
      expect(yield* call((a) => a.saveErpConnectionSyncPrioritiesAsync([connectionId, 999]))).toBe(false)
      expect(yield* call((a) => a.toggleErpConnectionActiveAsync(connectionId))).toStrictEqual([])
      expect((yield* soap.getConnection(connectionId)).pipe(Option.getOrThrow).Active).toBe(false)
      expect(yield* call((a) => a.toggleErpConnectionActiveAsync(999))).toStrictEqual([
        "There is no ErpConnection with id 999"
      ])
      yield* call((a) => a.validateArchiveColumnConfigAsync("person", connectionId))

      // Actor-type mappings and fields.
      const defaultMapping = yield* call((a) => a.getActorTypeMappingAsync(connectionId, "Customer" as never))
      expect(defaultMapping.actorTypeCrm).toBe("Contact")
      expect(defaultMapping.fieldMappings!.map((f) => [f.erpFieldId, f.erpFieldKey, f.access])).toStrictEqual([
        [connectionId * 1000 + 1, "CustomerNo", "ReadOnly"],
        [connectionId * 1000 + 2, "Name", "Mandatory"],
        [connectionId * 1000 + 3, "Email", "Normal"],
        [connectionId * 1000 + 4, "CreditLimit", "Normal"]
      ])
      const fieldMappings = defaultMapping.fieldMappings!.map((f) =>
        f.erpFieldKey === "Name" ? { ...f, crmFieldKey: "contact.name", showInGui: true, syncToCrm: true } : f
      )
      const mapping = yield* call((a) =>
        a.saveActorTypeMappingAsync({ ...defaultMapping, isActive: true, fieldMappings })
      )
      expect(mapping).toStrictEqual({ ...defaultMapping, isActive: true, fieldMappings })
      expect(
        (yield* soap.ErpSync.GetActorTypeMapping({ ErpConnectionId: connectionId, ActorType: "Customer" })).Response
          ?.FieldMappings?.map((f) => [f?.ErpFieldKey, f?.CrmFieldKey, f?.ShowInGui])
      ).toStrictEqual([
        ["CustomerNo", null, false],
        ["Name", "contact.name", true],
        ["Email", null, false],
        ["CreditLimit", null, false]
      ])
      yield* call((a) => a.moveErpFieldItemAsync(connectionId * 1000 + 1, 1, connectionId, "Customer" as never))
      expect(
        (yield* call((a) => a.getActorTypeMappingAsync(connectionId, "Customer" as never))).fieldMappings!.map((f) =>
          f.erpFieldKey
        )
      ).toStrictEqual(["Name", "CustomerNo", "Email", "CreditLimit"])
      expect(yield* call((a) => a.getCrmActorTypeAsync(connectionId, "Customer" as never))).toBe("Contact")
      expect(yield* call((a) => a.supportsAdvancedSearchAsync(connectionId, "Customer" as never))).toBe(true)
      expect(yield* call((a) => a.supportsAdvancedSearchAsync(connectionId, "Sale" as never))).toBe(false)
      expect(
        (yield* call((a) => a.getFieldsForNewErpActorAsync(connectionId, "Person" as never))).map((f) => f.fieldKey)
      ).toStrictEqual(["FirstName", "LastName"])

      // List mappings and default values.
      const emptyLists = yield* call((a) => a.getConnectionListMappingsAsync(connectionId))
      expect(emptyLists).toStrictEqual({
        ...noRights,
        erpListItemMappings: [],
        erpConnectionId: connectionId,
        erpConnectionName: "Main ERP"
      })
      const lists = {
        ...emptyLists,
        erpListItemMappings: [{
          ...noRights,
          crmList: { ...noRights, id: 5, name: "Business", toolTip: "", deleted: false, rank: 1 },
          erpListName: "Branch",
          erpCrmListItemMappings: [],
          erpActorTypeName: "Customer",
          erpFieldId: connectionId * 1000 + 2
        }]
      }
      const savedLists = yield* call((a) => a.saveConnectionListMappingsAsync(lists as never))
      expect(savedLists.erpListItemMappings!.map((m) => [m.erpListName, m.crmList?.name, m.erpFieldId]))
        .toStrictEqual([["Branch", "Business", connectionId * 1000 + 2]])
      expect(
        (yield* soap.ErpSync.GetConnectionListMappings({ ErpConnectionId: connectionId })).Response
          ?.ErpListItemMappings?.map((m) => [m?.ErpListName, m?.CrmList?.Name, m?.ErpActorTypeName])
      ).toStrictEqual([["Branch", "Business", "Customer"]])
      const defaultValue = {
        ...noRights,
        erpFieldId: connectionId * 1000 + 3,
        defaultValue: "post@acme.example",
        hasFirstSyncDefaultValue: true,
        firstSyncDefaultValue: "first@acme.example",
        promptUser: false,
        mandatory: false,
        erpFieldKey: "Email",
        fieldType: "Text",
        listName: null,
        access: "Normal"
      }
      expect(yield* call((a) => a.saveDefaultValueInfoAsync(defaultValue as never))).toStrictEqual(defaultValue)
      expect(yield* call((a) => a.getDefaultValueInfoAsync(connectionId * 1000 + 3))).toStrictEqual(defaultValue)

      // CRM records and ERP actors.
      const value = (key: string, v: string) => ({
        displayName: key,
        crmFieldKey: key,
        value: v,
        displayValue: v,
        syncToCrm: false,
        syncToErp: false
      })
      expect(
        yield* call((a) => a.createActorLinkAsync(connectionId, 10, "Contact" as never, "C-10", "Customer" as never))
      ).toBe(true)
      expect(yield* call((a) => a.breakActorLinkAsync(connectionId, 10, "Contact" as never))).toBe(true)
      expect(yield* call((a) => a.breakActorLinkAsync(connectionId, 10, "Contact" as never))).toBe(false)
      yield* call((a) =>
        a.connectActorAsync(connectionId, 11, "Contact" as never, "C-11", "Customer" as never, [
          value("contact.name", "ACME AS")
        ])
      )
      expect(
        yield* call((a) => a.tryConnectActorAsync(connectionId, 12, "Contact" as never, "", "Customer" as never, []))
      ).toBe(false)
      expect(
        yield* call((a) =>
          a.tryConnectActorAsync(connectionId, 12, "Contact" as never, "C-12", "Customer" as never, [
            value("contact.name", "Beta AS")
          ])
        )
      ).toBe(true)
      expect(
        yield* call((a) =>
          a.createErpActorFromCrmAsync(connectionId, 13, "Customer" as never, "Contact" as never, {
            "contact.name": "Gamma AS"
          })
        )
      ).toBe(true)
      expect(yield* call((a) => a.getFieldValuesFromCrmAsync(11, "Contact" as never))).toStrictEqual([
        { ...noRights, ...value("contact.name", "ACME AS") }
      ])
      expect(yield* call((a) => a.getFieldValuesFromErpAsync(connectionId, "Customer" as never, "C-12")))
        .toStrictEqual([{ ...noRights, ...value("contact.name", "Beta AS") }])
      expect(
        (yield* soap.ErpSync.GetFieldValuesFromCrm({ RecordId: 13, ActorTypeCrm: "Contact" })).Response
          ?.map((v) => [v?.CrmFieldKey, v?.Value])
      ).toStrictEqual([["contact.name", "Gamma AS"]])
      expect(
        yield* call((a) =>
          a.getErpFieldValuesAsync(connectionId, "Contact" as never, 11, ["contact.name", "contact.none"])
        )
      ).toStrictEqual(["ACME AS", null])
      const shown = yield* call((a) => a.getConnectionsAndDisplayFieldsAsync("Contact" as never, 11))
      expect(shown.map((d) => [d.erpConnectionId, d.connectionName, d.connected, d.erpActorType, d.erpActorTypes]))
        .toStrictEqual([[connectionId, "Main ERP", true, "Customer", ["Customer"]]])
      expect(shown[0]!.erpFields!.map((f) => [f.fieldKey, f.displayName])).toStrictEqual([["Name", "Name"]])

      // The engine and syncing: an interval the vendor client sends as ISO 8601, read as .NET's text.
      expect(yield* call((a) => a.getEngineStatusAsync())).toMatchObject({
        ...noRights,
        isRunning: false,
        statusMessage: "Stopped"
      })
      yield* call((a) => a.changeEngineIntervalAsync(mkDuration("PT1H30M")))
      const engine = (yield* soap.ErpSync.GetEngineStatus({})).Response!
      expect(Duration.toMillis(engine.Interval)).toBe(90 * 60_000)
      const status = yield* call((a) => a.changeEngineStatusAsync(true))
      expect([status.isRunning, status.statusMessage, status.interval?.asMinutes()]).toStrictEqual([
        true,
        "Running",
        90
      ])
      const resynchronised = {
        ...noRights,
        isOk: true,
        userExplanation: "Resynchronised",
        techExplanation: "Resynchronised",
        errorCode: null,
        changes: { ...noRights, addedRecords: [], updatedRecords: [], deletedRecords: [] },
        status: "Ok"
      }
      expect(yield* call((a) => a.syncAllAsync())).toMatchObject({ isOk: true, status: "Ok" })
      expect(yield* call((a) => a.forceSyncAllAsync())).toMatchObject({ isOk: true, status: "Ok" })
      expect(yield* call((a) => a.forceResyncAsync(connectionId, [1, 2]))).toStrictEqual(resynchronised)
      expect(yield* call((a) => a.forceResyncNoBlankValuesAsync(connectionId, [3]))).toStrictEqual(resynchronised)
      yield* call((a) => a.forceResyncBatchTaskAsync(connectionId, [4]))
      expect(yield* call((a) => a.forceResyncExternalAsync(connectionId, "Customer" as never, ["C-11"])))
        .toStrictEqual(resynchronised)
      const missing = yield* call((a) => a.forceResyncExternalNoBlankValuesAsync(999, "Customer" as never, ["C-11"]))
      expect([missing.isOk, missing.errorCode, missing.status]).toStrictEqual([false, "NotFound", "Error"])
      const summary = yield* call((a) => a.getErpSyncConnectionSummaryAsync(connectionId))
      expect([summary.displayName, summary.active, summary.deleted]).toStrictEqual(["Main ERP", false, false])
      expect(summary.lastSync).toBeInstanceOf(Date)
      expect(summary.lastSync!.getTime()).toBeGreaterThan(Date.now() - 60_000)
      expect(summary.actors!.map((s) => [s.actorType, s.hasMappings, s.defaults, s.mappings])).toStrictEqual([
        ["Customer", true, "Email = post@acme.example", "Name ↔ contact.name"]
      ])

      // And gone again.
      yield* call((a) => a.deleteConnectionAsync(connectionId))
      expect(yield* soap.getConnection(connectionId)).toStrictEqual(Option.none())
      expect(yield* call((a) => a.getConnectionAsync(connectionId))).toBeNull()
      yield* call((a) => a.deleteErpSyncConnectorEntityAsync(connectorId))
      expect((yield* soap.ErpSync.GetErpSyncConnectorEntity({ ErpSyncConnectorEntityId: connectorId })).Response)
        .toBeNull()

      expect([...called].sort()).toStrictEqual(agentMethods)
    }).pipe(Effect.scoped))
})
