/**
 * The ErpSync operations `SaveConnection`, `GetConnection` and `DeleteConnection`: their SOAP messages
 * and `SOAPAction`s, declared from the WSDL (`Remote/Services86/ErpSync.svc`, binding
 * `BasicHttpBinding_ErpSync`). A new operation is a few lines of declaration like these.
 *
 * @since 0.1.0
 */
import { Soap, Xml, Xsd } from "@erpsync/codec"
import * as Schema from "effect/Schema"
import { ErpConnection } from "./ErpConnection.js"
import { RequestHeaderFields, ResponseHeaderFields } from "./Headers.js"
import * as Namespaces from "./Namespaces.js"
import * as Operation from "./Operation.js"

/**
 * The prefix of every ErpSync `SOAPAction`.
 *
 * @since 0.1.0
 */
export const ActionPrefix = "http://www.superoffice.net/ws/crm/NetServer/Services86/ErpSync/" as const

/**
 * The service endpoint file.
 *
 * @since 0.1.0
 */
export const Service = "ErpSync.svc" as const

const request = <Fields extends Schema.Struct.Fields>(name: string, fields: Fields) =>
  Soap.message({ namespace: Namespaces.Services86, header: RequestHeaderFields, body: { name, fields } })

const response = <Fields extends Schema.Struct.Fields>(name: string, fields: Fields) =>
  Soap.message({ namespace: Namespaces.Services86, header: ResponseHeaderFields, body: { name, fields } })

/**
 * `SaveConnection` request: saves a connection (`ErpConnectionId` 0 creates one).
 *
 * @since 0.1.0
 * @category SaveConnection
 */
export const SaveConnectionRequest = request("SaveConnection", {
  Connection: Xml.optionalElement(Schema.NullOr(ErpConnection))
})

/**
 * @since 0.1.0
 * @category SaveConnection
 */
export interface SaveConnectionRequest extends Schema.Schema.Type<typeof SaveConnectionRequest> {}

/**
 * `SaveConnection` response: the connection as saved.
 *
 * @since 0.1.0
 * @category SaveConnection
 */
export const SaveConnectionResponse = response("SaveConnectionResponse", {
  Response: Xml.optionalElement(Schema.NullOr(ErpConnection))
})

/**
 * @since 0.1.0
 * @category SaveConnection
 */
export interface SaveConnectionResponse extends Schema.Schema.Type<typeof SaveConnectionResponse> {}

/**
 * `GetConnection` request: the connection with the given id.
 *
 * @since 0.1.0
 * @category GetConnection
 */
export const GetConnectionRequest = request("GetConnection", {
  ErpConnectionId: Xml.optionalElement(Xsd.int)
})

/**
 * @since 0.1.0
 * @category GetConnection
 */
export interface GetConnectionRequest extends Schema.Schema.Type<typeof GetConnectionRequest> {}

/**
 * `GetConnection` response: the connection, or `null` when there is none with that id.
 *
 * @since 0.1.0
 * @category GetConnection
 */
export const GetConnectionResponse = response("GetConnectionResponse", {
  Response: Xml.optionalElement(Schema.NullOr(ErpConnection))
})

/**
 * @since 0.1.0
 * @category GetConnection
 */
export interface GetConnectionResponse extends Schema.Schema.Type<typeof GetConnectionResponse> {}

/**
 * `DeleteConnection` request: deletes the connection with the given id.
 *
 * @since 0.1.0
 * @category DeleteConnection
 */
export const DeleteConnectionRequest = request("DeleteConnection", {
  ErpConnectionId: Xml.optionalElement(Xsd.int)
})

/**
 * @since 0.1.0
 * @category DeleteConnection
 */
export interface DeleteConnectionRequest extends Schema.Schema.Type<typeof DeleteConnectionRequest> {}

/**
 * `DeleteConnection` response: empty.
 *
 * @since 0.1.0
 * @category DeleteConnection
 */
export const DeleteConnectionResponse = response("DeleteConnectionResponse", {})

/**
 * @since 0.1.0
 * @category DeleteConnection
 */
export interface DeleteConnectionResponse extends Schema.Schema.Type<typeof DeleteConnectionResponse> {}

const operation = Operation.service(Service, ActionPrefix)

/**
 * The `SaveConnection` operation.
 *
 * @since 0.1.0
 * @category operations
 */
export const SaveConnection = operation("SaveConnection", SaveConnectionRequest, SaveConnectionResponse)

/**
 * The `GetConnection` operation.
 *
 * @since 0.1.0
 * @category operations
 */
export const GetConnection = operation("GetConnection", GetConnectionRequest, GetConnectionResponse)

/**
 * The `DeleteConnection` operation.
 *
 * @since 0.1.0
 * @category operations
 */
export const DeleteConnection = operation("DeleteConnection", DeleteConnectionRequest, DeleteConnectionResponse)

/**
 * The message schemas by name, as the command line names them.
 *
 * @since 0.1.0
 * @category operations
 */
export const Messages = {
  SaveConnectionRequest,
  SaveConnectionResponse,
  GetConnectionRequest,
  GetConnectionResponse,
  DeleteConnectionRequest,
  DeleteConnectionResponse
} as const
