/**
 * Drift check: every type the library declares matches the WSDL's complex types, element by element
 * (names, order, namespaces, minOccurs, maxOccurs, nillable, types). A change to either side fails here,
 * naming the type and the element.
 */
import { Xml, XmlCodec, Xsd } from "@erpsync/codec"
import { ErpConnection, Namespaces } from "@erpsync/schema"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import { messageNames, messageSchema } from "./support/messages.js"
import { compareWithWsdl, readWsdl } from "./support/wsdl.js"

const wsdl = readWsdl("ErpSync.wsdl")

describe("the schemas against ErpSync.wsdl", () => {
  it.each(messageNames)("%s matches the WSDL", (name) => {
    const { differences } = compareWithWsdl(XmlCodec.describe(messageSchema(name)), wsdl)
    expect(differences).toStrictEqual([])
  })

  it("every named complex type the messages use is compared", () => {
    const compared = new Set<string>()
    const declared = new Set<string>()
    for (const name of messageNames) {
      const description = XmlCodec.describe(messageSchema(name))
      for (const type of description.types.keys()) declared.add(type)
      for (const type of compareWithWsdl(description, wsdl).compared) compared.add(type)
    }
    expect([...declared].filter((type) => !compared.has(type))).toStrictEqual([])
    expect(declared.has(`{${Namespaces.Services86}}ErpConnection`)).toBe(true)
    expect(declared.has(`{${Namespaces.Arrays}}ArrayOfint`)).toBe(true)
  })

  it("a drifted type is reported with its type and element", () => {
    const { ConnectionId: _, DisplayName, ...rest } = ErpConnection.fields
    // DisplayName made non-nillable, ConnectionId dropped, and Active moved first.
    const { Active, ...others } = rest
    const Drifted = Schema.Struct({
      Active,
      ...others,
      DisplayName: Xml.optionalElement(Xsd.string)
    }).annotations(Xml.complexType("ErpConnection", Namespaces.Services86))
    void DisplayName
    const Message = Schema.Struct({ Connection: Xml.optionalElement(Schema.NullOr(Drifted)) }).annotations({
      ...Xml.root("SaveConnection", Namespaces.Services86),
      ...Xml.complexType("SaveConnection", Namespaces.Services86)
    })
    const { differences } = compareWithWsdl(XmlCodec.describe(Message), wsdl)
    expect(differences.length).toBeGreaterThan(0)
    expect(differences.join("\n")).toContain("ErpConnection/TableRight: named Active here, TableRight in the WSDL")
    expect(
      differences.some((d) => d.startsWith("ErpConnection/") && d.includes("nillable false here, true in the WSDL"))
    ).toBe(true)
  })
})
