/**
 * What the local server does for each ErpSync operation, over its in-memory model. The record's type
 * demands a handler for every operation of Services88's `ErpSync.service`, whose values are a superset of
 * Services86's; Services86 is served by the same handlers, its own codec checking what they answer.
 */
import { ErpSync, ErpSync88 } from "@erpsync/schema"
import { actorFields, configurationFields, isConfigured } from "./connector.js"
import { type Handlers, refuse, serve, type ServerState } from "./dispatch.js"
import { ErpSyncModel } from "./model.js"
import { displayFields, fieldValue, link, linkedActor, mappingOf, summaryOf } from "./views.js"

const NOT_FOUND = "SuperOffice.CRM.EntityNotFoundException"
const ARGUMENT_NULL = "System.ArgumentNullException"
const INVALID_OPERATION = "System.InvalidOperationException"

const noSuch = (what: string, id: number) => `There is no ${what} with id ${id}`
const notFound = (what: string, id: number) => refuse(noSuch(what, id), NOT_FOUND)

/** The connection with the given id, if the model has one. */
const connectionOf = (model: ErpSyncModel, id: number) => model.connections.get(id)

/** How many connections are active and not deleted. */
const activeConnections = (model: ErpSyncModel) => model.connections.all().filter((c) => c.Active && !c.Deleted).length
const missing = (operation: string, what: string) => refuse(`${operation} needs ${what}`, ARGUMENT_NULL)

/** `xs:dateTime` of an epoch time, in UTC. */
const dateTimeOf = (millis: number) => new Date(millis).toISOString().replace(/\.000Z$/, "Z")

const pluginResponse = (
  IsOk: boolean,
  UserExplanation: string,
  ErrorCode: string | null = null
): ErpSync88.PluginResponse => ({
  TableRight: null,
  FieldProperties: null,
  IsOk,
  UserExplanation,
  TechExplanation: UserExplanation,
  ErrorCode,
  Changes: { TableRight: null, FieldProperties: null, AddedRecords: [], UpdatedRecords: [], DeletedRecords: [] },
  Status: IsOk ? "Ok" : "Error"
})

const sync = (
  model: ErpSyncModel,
  operation: string,
  now: number,
  ErpConnectionId: number | null,
  keys: ReadonlyArray<string> | null
) => model.syncs.push({ operation, ErpConnectionId, keys, at: now })

/** Whether a connection can be linked to and connected: it exists and has an ERP key to link to. */
const connectable = (model: ErpSyncModel, body: { readonly ErpConnectionId: number; readonly ErpKey: string | null }) =>
  connectionOf(model, body.ErpConnectionId) !== undefined && body.ErpKey !== null && body.ErpKey !== ""

const forceResync = (operation: string) =>
(
  { ErpConnectionId, InternalKeyIds }: {
    readonly ErpConnectionId: number
    readonly InternalKeyIds: ReadonlyArray<number> | null
  },
  { model, now }: ServerState
) => {
  if (ErpConnectionId > 0 && connectionOf(model, ErpConnectionId) === undefined) {
    return { Response: pluginResponse(false, noSuch("ErpConnection", ErpConnectionId), "NotFound") }
  }
  sync(model, operation, now, ErpConnectionId > 0 ? ErpConnectionId : null, (InternalKeyIds ?? []).map(String))
  return { Response: pluginResponse(true, "Resynchronised") }
}

const forceResyncExternal = (operation: string) =>
(
  { ErpConnectionId, ExternalKeys }: {
    readonly ErpConnectionId: number
    readonly ExternalKeys: ReadonlyArray<string | null> | null
  },
  { model, now }: ServerState
) => {
  if (connectionOf(model, ErpConnectionId) === undefined) {
    return { Response: pluginResponse(false, noSuch("ErpConnection", ErpConnectionId), "NotFound") }
  }
  sync(model, operation, now, ErpConnectionId, (ExternalKeys ?? []).map((k) => k ?? ""))
  return { Response: pluginResponse(true, "Resynchronised") }
}

const handlers: Handlers<typeof ErpSync88.service> = {
  // Connector entities
  CreateDefaultErpSyncConnectorEntity: () => ({
    Response: { TableRight: null, FieldProperties: null, ErpConnectorId: 0, DisplayName: "", URL: "", Deleted: false }
  }),
  SaveErpSyncConnectorEntity: ({ ErpSyncConnectorEntity: entity }, { model }) => {
    if (entity === null) return missing("SaveErpSyncConnectorEntity", "a connector entity")
    const saved = model.connectors.save(entity)
    return saved === undefined ? notFound("ErpSyncConnectorEntity", entity.ErpConnectorId) : { Response: saved }
  },
  GetErpSyncConnectorEntity: ({ ErpSyncConnectorEntityId }, { model }) => ({
    Response: model.connectors.get(ErpSyncConnectorEntityId) ?? null
  }),
  CanDeleteErpSyncConnectorEntity: ({ ErpSyncConnectorId }, { model }) => ({
    Response: model.connectors.get(ErpSyncConnectorId) === undefined
      ? "ErrorNotFound"
      : model.connections.all().some((c) => c.ErpConnectorId === ErpSyncConnectorId)
      ? "ErrorConnectorHasConnections"
      : "NoError"
  }),
  DeleteErpSyncConnectorEntity: ({ ErpSyncConnectorEntityId }, { model }) => {
    if (model.connections.all().some((c) => c.ErpConnectorId === ErpSyncConnectorEntityId)) {
      return refuse(`The connector ${ErpSyncConnectorEntityId} still has connections`, INVALID_OPERATION)
    }
    model.connectors.delete(ErpSyncConnectorEntityId)
    return {}
  },
  TestConnectorUrl: ({ Url }) => ({
    Response: Url !== null && /^(?:https?|plugin):\/\/[^\s/]+/i.test(Url) ? "NoError" : "ErrorNotFound"
  }),
  GetAllConnectors: (_, { model }) => ({
    Response: model.connectors.all().map((connector) => ({
      Id: connector.ErpConnectorId,
      Name: connector.DisplayName,
      ToolTip: connector.URL
    }))
  }),
  GetConfigurationFields: ({ ErpConnectorId }, { model }) =>
    model.connectors.get(ErpConnectorId) === undefined
      ? notFound("ErpSyncConnectorEntity", ErpConnectorId)
      : { Response: [...configurationFields] },

  // Connections
  SaveConnection: ({ Connection }, { model }) => {
    if (Connection === null) return missing("SaveConnection", "a connection")
    const saved = model.connections.save(Connection)
    return saved === undefined ? notFound("ErpConnection", Connection.ErpConnectionId) : { Response: saved }
  },
  GetConnection: ({ ErpConnectionId }, { model }) => ({ Response: connectionOf(model, ErpConnectionId) ?? null }),
  GetAllConnections: ({ IncludeDeleted }, { model }) => ({
    Response: model.connections.all().filter((connection) => IncludeDeleted || !connection.Deleted)
  }),
  DeleteConnection: ({ ErpConnectionId }, { model }) => {
    model.connections.delete(ErpConnectionId)
    return {}
  },
  GetErpConnectionConfigFields: ({ ErpConnectionId }, { model }) => {
    const connection = connectionOf(model, ErpConnectionId)
    return connection === undefined ? notFound("ErpConnection", ErpConnectionId) : { Response: connection.ConfigFields }
  },
  ToggleErpConnectionActive: ({ ErpConnectionId }, { model }) => {
    const connection = connectionOf(model, ErpConnectionId)
    if (connection === undefined) return { Response: [noSuch("ErpConnection", ErpConnectionId)] }
    model.connections.set(ErpConnectionId, { ...connection, Active: !connection.Active })
    return { Response: [] }
  },
  TestConnectionById: ({ ErpConnectionId }, { model }) => {
    const connection = connectionOf(model, ErpConnectionId)
    return { Response: connection !== undefined && !connection.Deleted && isConfigured(connection.ConfigFields) }
  },
  TestConnectionByConfig: ({ ConfigFields }) => ({ Response: isConfigured(ConfigFields) }),
  UpdateConnectionFields: ({ ErpConnectionId }, { model }) => ({
    Response: connectionOf(model, ErpConnectionId) !== undefined
  }),
  SaveErpConnectionSyncPriorities: ({ ErpConnectionIds }, { model }) => {
    const ids = ErpConnectionIds ?? []
    if (!ids.every((id) => connectionOf(model, id) !== undefined)) return { Response: false }
    model.priorities = [...ids]
    return { Response: true }
  },
  GetErpSyncConnectionSummary: ({ ErpSyncConnectionId }, { model }) => {
    const connection = connectionOf(model, ErpSyncConnectionId)
    if (connection === undefined) return { Response: null }
    const last = model.syncs.filter((s) => s.ErpConnectionId === null || s.ErpConnectionId === ErpSyncConnectionId)
      .at(-1)
    return {
      Response: {
        TableRight: null,
        FieldProperties: null,
        DisplayName: connection.DisplayName,
        DisplayDescription: connection.DisplayDescription,
        Active: connection.Active,
        Deleted: connection.Deleted,
        LastSync: last === undefined ? "0001-01-01T00:00:00" : dateTimeOf(last.at),
        Actors: [...model.actorTypeMappings.values()].filter((m) => m.ErpConnectionId === ErpSyncConnectionId)
          .map((m) => summaryOf(m, model))
      }
    }
  },
  ValidateArchiveColumnConfig: () => ({}),

  // Actor-type and field mappings
  GetActorTypeMapping: ({ ActorType, ErpConnectionId }, { model }) => ({
    Response: connectionOf(model, ErpConnectionId) === undefined ? null : mappingOf(model, ErpConnectionId, ActorType)
  }),
  SaveActorTypeMapping: ({ Mapping }, { model }) => {
    if (Mapping === null) return missing("SaveActorTypeMapping", "a mapping")
    if (connectionOf(model, Mapping.ErpConnectionId) === undefined) {
      return notFound("ErpConnection", Mapping.ErpConnectionId)
    }
    model.actorTypeMappings.set(ErpSyncModel.mappingKey(Mapping.ErpConnectionId, Mapping.ActorTypeErp), Mapping)
    return { Response: Mapping }
  },
  GetCrmActorType: ({ ErpActorType, ErpConnectionId }, { model }) => ({
    // As `GetActorTypeMapping` gives it: the saved mapping's, or the actor type's default.
    Response: connectionOf(model, ErpConnectionId) === undefined
      ? "Unknown"
      : mappingOf(model, ErpConnectionId, ErpActorType).ActorTypeCrm
  }),
  MoveErpFieldItem: ({ Direction, ErpActorType, ErpConnectionId, ErpFieldId }, { model }) => {
    if (connectionOf(model, ErpConnectionId) === undefined) return notFound("ErpConnection", ErpConnectionId)
    const mapping = mappingOf(model, ErpConnectionId, ErpActorType)
    const fields = [...(mapping.FieldMappings ?? [])]
    const from = fields.findIndex((f) => f?.ErpFieldId === ErpFieldId)
    if (from === -1) return notFound("ERP field", ErpFieldId)
    const to = Math.max(0, Math.min(fields.length - 1, from + Math.sign(Direction)))
    fields.splice(to, 0, ...fields.splice(from, 1))
    model.actorTypeMappings.set(ErpSyncModel.mappingKey(ErpConnectionId, ErpActorType), {
      ...mapping,
      FieldMappings: fields
    })
    return {}
  },
  SupportsAdvancedSearch: ({ ErpActorType, ErpConnectionId }, { model }) => ({
    Response: connectionOf(model, ErpConnectionId) !== undefined &&
      (actorFields[ErpActorType] ?? []).some((field) => field.ShowInSearch)
  }),
  GetConnectionListMappings: ({ ErpConnectionId }, { model }) => {
    const connection = connectionOf(model, ErpConnectionId)
    if (connection === undefined) return { Response: null }
    return {
      Response: model.listMappings.get(ErpConnectionId) ?? {
        TableRight: null,
        FieldProperties: null,
        ErpListItemMappings: [],
        ErpConnectionId,
        ErpConnectionName: connection.DisplayName
      }
    }
  },
  SaveConnectionListMappings: ({ ListMapping }, { model }) => {
    if (ListMapping === null) return missing("SaveConnectionListMappings", "list mappings")
    if (connectionOf(model, ListMapping.ErpConnectionId) === undefined) {
      return notFound("ErpConnection", ListMapping.ErpConnectionId)
    }
    model.listMappings.set(ListMapping.ErpConnectionId, ListMapping)
    return { Response: ListMapping }
  },

  // Default values
  SaveDefaultValueInfo: ({ ErpSyncDefaultValue: value }, { model }) => {
    if (value === null) return missing("SaveDefaultValueInfo", "a default value")
    model.defaultValues.set(value.ErpFieldId, value)
    return { Response: value }
  },
  GetDefaultValueInfo: ({ ErpFieldId }, { model }) => ({ Response: model.defaultValues.get(ErpFieldId) ?? null }),
  GetFieldsForNewErpActor: ({ ErpActorType, ErpConnectionId }, { model }) =>
    connectionOf(model, ErpConnectionId) === undefined
      ? notFound("ErpConnection", ErpConnectionId)
      : { Response: (actorFields[ErpActorType] ?? []).filter((field) => field.Access === "Mandatory") },

  // CRM records and ERP actors
  CreateActorLink: (body, { model }) => {
    if (connectionOf(model, body.ErpConnectionId) === undefined || body.ErpKey === null || body.ErpKey === "") {
      return { Response: false }
    }
    link(model, { ...body, ErpKey: body.ErpKey })
    return { Response: true }
  },
  BreakActorLink: ({ CrmActorType, CrmRecordId, ErpConnectionId }, { model }) => ({
    Response: model.links.delete(ErpSyncModel.linkKey(ErpConnectionId, CrmActorType, CrmRecordId))
  }),
  ConnectActor: (body, { model }) => {
    if (connectionOf(model, body.ErpConnectionId) === undefined) {
      return notFound("ErpConnection", body.ErpConnectionId)
    }
    if (body.ErpKey === null || body.ErpKey === "") return missing("ConnectActor", "an ERP key")
    link(model, { ...body, ErpKey: body.ErpKey }, body.FieldValues ?? [])
    return {}
  },
  TryConnectActor: (body, { model }) => {
    if (!connectable(model, body)) return { Response: false }
    link(model, { ...body, ErpKey: body.ErpKey! }, body.FieldValues ?? [])
    return { Response: true }
  },
  CreateErpActorFromCrm: (body, { model }) => {
    if (connectionOf(model, body.ConnectionId) === undefined) return { Response: false }
    const ErpKey = model.newErpKey(body.ErpActorType)
    const values = (body.ErpFieldKeyValues ?? []).map((pair) => fieldValue(pair.Key, pair.Value))
    link(model, {
      ErpConnectionId: body.ConnectionId,
      CrmRecordId: body.CrmEntityId,
      CrmActorType: body.CrmActorType,
      ErpKey,
      ErpActorType: body.ErpActorType
    }, values)
    return { Response: true }
  },
  GetConnectionsAndDisplayFields: ({ CrmActorType, EntityId }, { model }) => ({
    Response: model.connections.all().filter((c) => !c.Deleted).map((connection) => {
      const id = connection.ErpConnectionId
      const actor = linkedActor(model, id, CrmActorType, EntityId)
      const types = [...model.actorTypeMappings.values()]
        .filter((m) => m.ErpConnectionId === id && m.ActorTypeCrm === CrmActorType).map((m) => m.ActorTypeErp)
      const type = actor?.ErpActorType ?? types[0] ?? "Unknown"
      return {
        TableRight: null,
        FieldProperties: null,
        ErpConnectionId: id,
        ConnectionName: connection.DisplayName,
        Connected: actor !== undefined,
        ErpFields: actor === undefined ? [] : displayFields(mappingOf(model, id, type)),
        CrmActorType,
        ErpActorType: type,
        ErpActorTypes: types
      }
    })
  }),
  GetErpFieldValues: ({ CrmActorType, EntityId, ErpConnectionId, FieldKeys }, { model }) => {
    const actor = linkedActor(model, ErpConnectionId, CrmActorType, EntityId)
    return {
      Response: (FieldKeys ?? []).map((key) => actor?.FieldValues.find((v) => v?.CrmFieldKey === key)?.Value ?? null)
    }
  },
  GetFieldValuesFromCrm: ({ ActorTypeCrm, RecordId }, { model }) => ({
    Response: [...model.links.values()].filter((l) => l.CrmActorType === ActorTypeCrm && l.CrmRecordId === RecordId)
      .flatMap((l) =>
        model.erpActors.get(ErpSyncModel.actorKey(l.ErpConnectionId, l.ErpActorType, l.ErpKey))?.FieldValues ?? []
      )
  }),
  GetFieldValuesFromErp: ({ ActorTypeErp, ErpConnectionId, ErpKey }, { model }) => ({
    Response: ErpKey === null
      ? []
      : [...(model.erpActors.get(ErpSyncModel.actorKey(ErpConnectionId, ActorTypeErp, ErpKey))?.FieldValues ?? [])]
  }),

  // The engine and syncing
  GetEngineStatus: (_, { model }) => ({ Response: model.engine }),
  ChangeEngineStatus: ({ Run }, { model }) => {
    model.engine = { ...model.engine, IsRunning: Run, StatusMessage: Run ? "Running" : "Stopped" }
    return { Response: model.engine }
  },
  ChangeEngineInterval: ({ Interval }, { model }) => {
    model.engine = { ...model.engine, Interval }
    return {}
  },
  SyncAll: (_, { model, now }) => {
    if (!model.engine.IsRunning) {
      return { Response: pluginResponse(false, "The sync engine is stopped", "EngineStopped") }
    }
    sync(model, "SyncAll", now, null, null)
    return { Response: pluginResponse(true, `Synchronised ${activeConnections(model)} active connections`) }
  },
  ForceSyncAll: (_, { model, now }) => {
    sync(model, "ForceSyncAll", now, null, null)
    return { Response: pluginResponse(true, `Synchronised ${activeConnections(model)} active connections`) }
  },
  // A positive connection id is the source; 0 (or less) is CRM, and the sync concerns every connection.
  ForceResync: forceResync("ForceResync"),
  ForceResyncNoBlankValues: forceResync("ForceResyncNoBlankValues"),
  ForceResyncBatchTask: ({ ErpConnectionId, InternalKeyIds }, { model, now }) => {
    if (ErpConnectionId > 0 && connectionOf(model, ErpConnectionId) === undefined) {
      return notFound("ErpConnection", ErpConnectionId)
    }
    sync(
      model,
      "ForceResyncBatchTask",
      now,
      ErpConnectionId > 0 ? ErpConnectionId : null,
      (InternalKeyIds ?? []).map(String)
    )
    return {}
  },
  ForceResyncExternal: forceResyncExternal("ForceResyncExternal"),
  ForceResyncExternalNoBlankValues: forceResyncExternal("ForceResyncExternalNoBlankValues")
}

/** The ErpSync operations of each version, by `SOAPAction`. */
export const erpSync = {
  // Services88's answers are Services86's but for values only Services88 has (which Services86's codec
  // refuses to write), its `PluginResponse.Status` (which it leaves out) and its five operations more.
  Services86: serve(ErpSync.service, handlers as unknown as Handlers<typeof ErpSync.service>),
  Services88: serve(ErpSync88.service, handlers)
}
