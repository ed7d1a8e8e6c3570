/**
 * What the ErpSync handlers read off the model and write into it beyond plain records: an actor type's
 * mapping (saved, or the connector's fields unmapped), the fields shown for a linked record, links and the
 * ERP actors behind them, and connection summaries.
 */
import type { ErpSync88 } from "@erpsync/schema"
import { actorFields, defaultCrmActorType } from "./connector.js"
import { type ErpActor, ErpSyncModel } from "./model.js"

/** The mapping of an actor type on a connection: the saved one, or the connector's fields, unmapped. */
export const mappingOf = (
  model: ErpSyncModel,
  ErpConnectionId: number,
  type: ErpSync88.ErpActorType
): ErpSync88.ErpSyncActorTypeMapping =>
  model.actorTypeMappings.get(ErpSyncModel.mappingKey(ErpConnectionId, type)) ?? {
    TableRight: null,
    FieldProperties: null,
    ErpConnectionId,
    IsActive: false,
    FieldMappings: (actorFields[type] ?? []).map((field, i) => ({
      TableRight: null,
      FieldProperties: null,
      ErpFieldId: ErpConnectionId * 1000 + i + 1,
      CrmFieldKey: null,
      CrmDisplayName: null,
      CrmDisplayTooltip: null,
      ErpFieldKey: field.FieldKey,
      FieldType: field.FieldType,
      ErpDisplayName: field.DisplayName,
      ErpDisplayTooltip: null,
      SyncToCrm: false,
      SyncToErp: false,
      ShowInGui: false,
      ShowInSearch: field.ShowInSearch,
      AlreadyMapped: false,
      MissingInERP: false,
      MissingInCRM: false,
      Access: field.Access,
      ListReference: null
    })),
    ActorTypeErp: type,
    ActorTypeCrm: defaultCrmActorType(type)
  }

/** The fields of a linked ERP actor shown in the CRM client: those its mapping shows in the GUI. */
export const displayFields = (mapping: ErpSync88.ErpSyncActorTypeMapping): Array<ErpSync88.FieldMetadata> =>
  (mapping.FieldMappings ?? []).flatMap((m, i) =>
    m === null || !m.ShowInGui ? [] : [{
      TableRight: null,
      FieldProperties: null,
      FieldKey: m.ErpFieldKey,
      Rank: i + 1,
      DisplayName: m.ErpDisplayName,
      DisplayDescription: m.ErpDisplayTooltip,
      FieldType: m.FieldType,
      ListName: m.ListReference,
      DefaultValue: null,
      MaxLength: 0,
      Access: m.Access,
      ShowInSearch: m.ShowInSearch
    }]
  )

/** A field value as the model keeps it: its key, shown as its display name too. */
export const fieldValue = (CrmFieldKey: string | null, Value: string | null): ErpSync88.ErpSyncFieldValue => ({
  TableRight: null,
  FieldProperties: null,
  DisplayName: CrmFieldKey,
  CrmFieldKey,
  Value,
  DisplayValue: Value,
  SyncToCrm: false,
  SyncToErp: false
})

/** The ERP actor linked to a CRM record on a connection, if any. */
export const linkedActor = (
  model: ErpSyncModel,
  ErpConnectionId: number,
  type: ErpSync88.CrmActorType,
  record: number
): ErpActor | undefined => {
  const link = model.links.get(ErpSyncModel.linkKey(ErpConnectionId, type, record))
  return link === undefined
    ? undefined
    : model.erpActors.get(ErpSyncModel.actorKey(ErpConnectionId, link.ErpActorType, link.ErpKey))
}

/** Links a CRM record to an ERP actor on a connection, and keeps the actor with its field values. */
export const link = (
  model: ErpSyncModel,
  body: {
    readonly ErpConnectionId: number
    readonly CrmRecordId: number
    readonly CrmActorType: ErpSync88.CrmActorType
    readonly ErpKey: string
    readonly ErpActorType: ErpSync88.ErpActorType
  },
  values?: ReadonlyArray<ErpSync88.ErpSyncFieldValue | null>
) => {
  const { CrmActorType, CrmRecordId, ErpActorType, ErpConnectionId, ErpKey } = body
  model.links.set(ErpSyncModel.linkKey(ErpConnectionId, CrmActorType, CrmRecordId), {
    ErpConnectionId,
    CrmRecordId,
    CrmActorType,
    ErpKey,
    ErpActorType
  })
  const key = ErpSyncModel.actorKey(ErpConnectionId, ErpActorType, ErpKey)
  const known = model.erpActors.get(key)
  model.erpActors.set(key, {
    ErpConnectionId,
    ErpActorType,
    ErpKey,
    FieldValues: values ?? known?.FieldValues ?? []
  })
}

/** The summary of one actor type's set-up on a connection. */
export const summaryOf = (
  mapping: ErpSync88.ErpSyncActorTypeMapping,
  model: ErpSyncModel
): ErpSync88.ErpSyncActorSummary => {
  const mapped = (mapping.FieldMappings ?? []).filter((m) =>
    m !== null && m.CrmFieldKey !== null && m.CrmFieldKey !== ""
  )
  const defaults = [...model.defaultValues.values()].filter((d) =>
    (mapping.FieldMappings ?? []).some((m) => m?.ErpFieldId === d.ErpFieldId)
  )
  return {
    TableRight: null,
    FieldProperties: null,
    ActorType: mapping.ActorTypeErp,
    HasMappings: mapped.length > 0,
    Defaults: defaults.map((d) => `${d.ErpFieldKey ?? d.ErpFieldId} = ${d.DefaultValue ?? ""}`).join(", "),
    Mappings: mapped.map((m) => `${m!.ErpFieldKey ?? ""} ↔ ${m!.CrmFieldKey}`).join(", ")
  }
}
