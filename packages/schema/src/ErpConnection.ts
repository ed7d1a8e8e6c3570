/**
 * `ErpConnection`: a connection between SuperOffice and an ERP system, as ErpSync saves and returns it.
 *
 * @since 0.1.0
 */
import { Xsd } from "@erpsync/codec"
import * as Schema from "effect/Schema"
import { CarrierFields } from "./Carrier.js"
import { ArrayOfint, StringDictionary } from "./Collections.js"
import { contract, member, nullableString } from "./internal/declare.js"

/**
 * `ErpConnection` (extends `Carrier`): every member of the WSDL type, in wire order. Property names are
 * the element names. An absent member decodes to its default: `null`, `0` or `false`.
 *
 * @since 0.1.0
 * @category models
 */
export const ErpConnection = contract("ErpConnection", {
  ...CarrierFields,
  /** Primary key; `0` when saving creates a new connection. */
  ErpConnectionId: member(Xsd.int),
  /** The connector this connection belongs to. */
  ErpConnectorId: member(Xsd.int),
  /** Name shown to users. */
  DisplayName: nullableString(),
  /** Description shown to users. */
  DisplayDescription: nullableString(),
  /** Whether the connection is in use. */
  Active: member(Xsd.boolean),
  /** The connection's GUID, as known to the connector. */
  ConnectionId: nullableString(),
  /** The most recent sync timestamp, an opaque string (not an `xs:dateTime`). */
  MostRecentTimestamp: nullableString(),
  /** Connector-specific configuration, as ordered key/value pairs. */
  ConfigFields: member(Schema.NullOr(StringDictionary)),
  /** Whether the connection is deleted. */
  Deleted: member(Xsd.boolean),
  /** Whether every user has access. */
  AllAccess: member(Xsd.boolean),
  /** User groups with access. */
  UserGroupAccessIds: member(Schema.NullOr(ArrayOfint)),
  /** Associates with access. */
  AssociateAccessIds: member(Schema.NullOr(ArrayOfint))
})

/**
 * @since 0.1.0
 * @category models
 */
export interface ErpConnection extends Schema.Schema.Type<typeof ErpConnection> {}
