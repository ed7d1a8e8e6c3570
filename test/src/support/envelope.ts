/**
 * Hand-written SOAP 1.1 envelopes for decoding tests.
 */
export const SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"
export const NS = "http://www.superoffice.net/ws/crm/NetServer/Services86"
export const ARRAYS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
export const XSI = "http://www.w3.org/2001/XMLSchema-instance"

/** An envelope with the given header blocks and body content. */
export const envelope = (body: string, header = ""): string =>
  `<s:Envelope xmlns:s="${SOAP11}" xmlns="${NS}" xmlns:a="${ARRAYS}" xmlns:i="${XSI}">` +
  (header === "" ? "" : `<s:Header>${header}</s:Header>`) +
  `<s:Body>${body}</s:Body></s:Envelope>`

/** A SaveConnectionResponse whose `Response` holds the given members. */
export const connectionResponse = (members: string, header = ""): string =>
  envelope(`<SaveConnectionResponse><Response>${members}</Response></SaveConnectionResponse>`, header)

/** The connection that an empty `<Response/>` decodes to: every member at its default. */
export const defaultConnection = {
  TableRight: null,
  FieldProperties: null,
  ErpConnectionId: 0,
  ErpConnectorId: 0,
  DisplayName: null,
  DisplayDescription: null,
  Active: false,
  ConnectionId: null,
  MostRecentTimestamp: null,
  ConfigFields: null,
  Deleted: false,
  AllAccess: false,
  UserGroupAccessIds: null,
  AssociateAccessIds: null
}
