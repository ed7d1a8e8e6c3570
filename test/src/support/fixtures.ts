/**
 * Connections used across client tests.
 */
import type { ErpSync } from "@erpsync/schema"

export const newConnection: ErpSync.ErpConnection = {
  TableRight: { Mask: ["Select", "Update"], Reason: "" },
  FieldProperties: [{ Key: "DisplayName", Value: { FieldRight: null, FieldType: "string", FieldLength: 255 } }],
  ErpConnectionId: 0,
  ErpConnectorId: 7,
  DisplayName: "Visma Business – Oslo",
  DisplayDescription: "Orders & invoices <nightly>\r\nsecond line",
  Active: true,
  ConnectionId: "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
  MostRecentTimestamp: "",
  ConfigFields: [{ Key: "BaseUrl", Value: "https://erp.example/?a=1&b=2" }, { Key: "__proto__", Value: null }],
  Deleted: false,
  AllAccess: false,
  UserGroupAccessIds: [1, 2],
  AssociateAccessIds: []
}

/** The connection every vendor example shows (read from the XML files). */
export const exampleConnection = {
  TableRight: null,
  FieldProperties: null,
  ErpConnectionId: 0,
  ErpConnectorId: 0,
  DisplayName: "",
  DisplayDescription: "",
  Active: false,
  ConnectionId: "",
  MostRecentTimestamp: "",
  ConfigFields: [{ Key: "", Value: "" }],
  Deleted: false,
  AllAccess: false,
  UserGroupAccessIds: [0],
  AssociateAccessIds: [0]
}

/** The local server's counts of the system-user flow, when no system user called. */
export const NO_SYSTEM_USER = { systemUserLogins: 0, failedSystemUserLogins: 0, keySetFetches: 0 } as const
