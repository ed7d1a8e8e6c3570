/**
 * The ERP connector the local server simulates behind every connector entity: the configuration fields
 * a connection to it needs, and the ERP actor types it offers with their fields. A real connector is a
 * web service of its own; NetServer asks it for these and caches them.
 */
import type { ErpSync88 } from "@erpsync/schema"

const field = (
  FieldKey: string,
  Rank: number,
  DisplayName: string,
  FieldType: ErpSync88.FieldMetadataType,
  Access: ErpSync88.FieldAccess,
  ShowInSearch = false
): ErpSync88.FieldMetadata => ({
  TableRight: null,
  FieldProperties: null,
  FieldKey,
  Rank,
  DisplayName,
  DisplayDescription: null,
  FieldType,
  ListName: null,
  DefaultValue: null,
  MaxLength: FieldType === "Text" ? 255 : 0,
  Access,
  ShowInSearch
})

/** The configuration fields of a connection: `Url` is mandatory, `Company` and `ApiKey` are not. */
export const configurationFields: ReadonlyArray<ErpSync88.FieldMetadata> = [
  field("Url", 1, "ERP address", "Text", "Mandatory"),
  field("Company", 2, "Company", "Text", "Normal"),
  field("ApiKey", 3, "API key", "Password", "Normal")
]

/** Whether configuration values name every mandatory configuration field with a value. */
export const isConfigured = (fields: ErpSync88.StringDictionary | null): boolean =>
  configurationFields.every((metadata) =>
    metadata.Access !== "Mandatory" ||
    (fields ?? []).some((pair) => pair.Key === metadata.FieldKey && pair.Value !== null && pair.Value !== "")
  )

/** The ERP actor types the connector offers, with their fields (searchable ones can be searched). */
export const actorFields: Readonly<Partial<Record<ErpSync88.ErpActorType, ReadonlyArray<ErpSync88.FieldMetadata>>>> = {
  Customer: [
    field("CustomerNo", 1, "Customer number", "Text", "ReadOnly", true),
    field("Name", 2, "Name", "Text", "Mandatory", true),
    field("Email", 3, "E-mail", "Text", "Normal"),
    field("CreditLimit", 4, "Credit limit", "Double", "Normal")
  ],
  Supplier: [
    field("SupplierNo", 1, "Supplier number", "Text", "ReadOnly", true),
    field("Name", 2, "Name", "Text", "Mandatory", true)
  ],
  Person: [
    field("FirstName", 1, "First name", "Text", "Mandatory"),
    field("LastName", 2, "Last name", "Text", "Mandatory"),
    field("Email", 3, "E-mail", "Text", "Normal")
  ],
  Project: [field("ProjectNo", 1, "Project number", "Text", "Mandatory"), field("Name", 2, "Name", "Text", "Normal")]
}

/** The CRM actor type an ERP actor type is mapped to until a mapping says otherwise. */
export const defaultCrmActorType = (type: ErpSync88.ErpActorType): ErpSync88.CrmActorType => {
  switch (type) {
    case "Customer":
    case "Supplier":
    case "Partner":
      return "Contact"
    case "Person":
    case "Employee":
      return "Person"
    case "Project":
      return "Project"
    case "Sale":
      return "Sale"
    case "Unknown":
      return "Unknown"
  }
}
