/**
 * What the codec is measured against, in one process: fast-xml-parser 5, node-soap with the real WSDL,
 * and a hand-written encoder (saxes's raw tokenization is in `saxes.ts`).
 */
import type { ErpSync } from "@erpsync/schema"
import { XMLBuilder, XMLParser } from "fast-xml-parser"
import * as path from "node:path"
import * as soap from "soap"
import { referenceDir } from "../src/support/reference.js"

const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, parseTagValue: true })
/** fast-xml-parser's `XMLParser` (no type checking at all). */
export const fastXmlParser = (xml: string): unknown => parser.parse(xml)

const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true })
/** fast-xml-parser's `XMLBuilder`, given the object shape it wants (built outside the timing). */
export const xmlBuilder = (document: unknown): string => builder.build(document)

/** The envelope as XMLBuilder's input: `@_` attributes, element names with prefixes. */
export const builderDocument = (value: ErpSync.SaveConnectionRequest): unknown => {
  const c = value.Body.Connection!
  const nil = { "@_i:nil": "true" }
  const orNil = <A>(v: A | null, f: (a: A) => unknown) => (v === null ? nil : f(v))
  return {
    "s:Envelope": {
      "@_xmlns:s": "http://schemas.xmlsoap.org/soap/envelope/",
      "@_xmlns": "http://www.superoffice.net/ws/crm/NetServer/Services86",
      "@_xmlns:a": "http://schemas.microsoft.com/2003/10/Serialization/Arrays",
      "@_xmlns:i": "http://www.w3.org/2001/XMLSchema-instance",
      "s:Header": { Credentials: { Ticket: value.Header.Credentials?.Ticket } },
      "s:Body": {
        SaveConnection: {
          Connection: {
            TableRight: nil,
            FieldProperties: nil,
            ErpConnectionId: c.ErpConnectionId,
            ErpConnectorId: c.ErpConnectorId,
            DisplayName: c.DisplayName,
            DisplayDescription: c.DisplayDescription,
            Active: c.Active,
            ConnectionId: c.ConnectionId,
            MostRecentTimestamp: c.MostRecentTimestamp,
            ConfigFields: orNil(
              c.ConfigFields,
              (pairs) => ({ StringKeyValuePair: pairs.map((p) => ({ Key: p.Key, Value: p.Value })) })
            ),
            Deleted: c.Deleted,
            AllAccess: c.AllAccess,
            UserGroupAccessIds: orNil(c.UserGroupAccessIds, (ids) => ({ "a:int": ids })),
            AssociateAccessIds: orNil(c.AssociateAccessIds, (ids) => ({ "a:int": ids }))
          }
        }
      }
    }
  }
}

const escape = (s: string): string =>
  /[&<>\r]/.test(s)
    ? s.replace(/[&<>\r]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&#13;"))
    : s

const text = (name: string, value: string | null): string =>
  value === null ? `<${name} i:nil="true"/>` : value === "" ? `<${name}/>` : `<${name}>${escape(value)}</${name}>`

const ids = (name: string, values: ReadonlyArray<number> | null): string => {
  if (values === null) return `<${name} i:nil="true"/>`
  let out = `<${name}>`
  for (const v of values) out += `<a:int>${v}</a:int>`
  return out + `</${name}>`
}

/**
 * A SaveConnection request written by hand: string concatenation with escaping, no checks. The ceiling
 * for the encoder (it knows the type, checks nothing and cannot fail).
 */
export const handWritten = (value: ErpSync.SaveConnectionRequest): string => {
  const c: ErpSync.ErpConnection = value.Body.Connection!
  let out =
    `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns="http://www.superoffice.net/ws/crm/NetServer/Services86" xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><s:Header><Credentials>${
      text("Ticket", value.Header.Credentials?.Ticket ?? null)
    }</Credentials></s:Header><s:Body><SaveConnection><Connection>`
  out += `<TableRight i:nil="true"/><FieldProperties i:nil="true"/>`
  out += `<ErpConnectionId>${c.ErpConnectionId}</ErpConnectionId><ErpConnectorId>${c.ErpConnectorId}</ErpConnectorId>`
  out += text("DisplayName", c.DisplayName) + text("DisplayDescription", c.DisplayDescription)
  out += `<Active>${c.Active}</Active>` + text("ConnectionId", c.ConnectionId) +
    text("MostRecentTimestamp", c.MostRecentTimestamp)
  if (c.ConfigFields === null) out += `<ConfigFields i:nil="true"/>`
  else {
    out += "<ConfigFields>"
    for (const pair of c.ConfigFields) {
      out += `<StringKeyValuePair>${text("Key", pair.Key)}${text("Value", pair.Value)}</StringKeyValuePair>`
    }
    out += "</ConfigFields>"
  }
  out += `<Deleted>${c.Deleted}</Deleted><AllAccess>${c.AllAccess}</AllAccess>`
  out += ids("UserGroupAccessIds", c.UserGroupAccessIds) + ids("AssociateAccessIds", c.AssociateAccessIds)
  return out + "</Connection></SaveConnection></s:Body></s:Envelope>"
}

/** node-soap's WSDL-driven parser and serializer, created from the vendor's WSDL. */
export interface NodeSoap {
  readonly parse: (xml: string) => unknown
  readonly serialize: (value: ErpSync.SaveConnectionRequest) => string
}

interface SoapWsdl {
  xmlToObject(xml: string): unknown
  objectToDocumentXML(name: string, params: unknown, nsPrefix: string, nsURI?: string, type?: string): string
  definitions: { bindings: Record<string, { methods: Record<string, { input: Record<string, string> }> }> }
}

export const nodeSoap = async (): Promise<NodeSoap> => {
  const client = await soap.createClientAsync(path.join(referenceDir, "ErpSync.wsdl"))
  const wsdl = (client as unknown as { wsdl: SoapWsdl }).wsdl
  const input = wsdl.definitions.bindings["BasicHttpBinding_ErpSync"]!.methods["SaveConnection"]!.input
  return {
    parse: (xml) => wsdl.xmlToObject(xml),
    serialize: (value) =>
      wsdl.objectToDocumentXML(
        input["$name"]!,
        { Connection: value.Body.Connection },
        input["targetNSAlias"]!,
        input["targetNamespace"],
        input["$type"] ?? input["$lookupType"]
      )
  }
}
