/**
 * Declarations reused under another namespace (`Xml.namespaces`, `Service.define`'s `reuses`): a later
 * version of a service declares only what changed, and its documents carry the earlier version's types in
 * its own namespace, as an XML Schema that includes a schema without a target namespace does.
 */
import { Service, Soap, Xml, XmlCodec, Xsd } from "@erpsync/codec"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"

const V1 = "urn:v1"
const V2 = "urn:v2"
const OTHER = "urn:other"

const Level = Xsd.enumeration(["Low", "High"], "Level", V1)
interface Node {
  readonly Name: string
  readonly Children: ReadonlyArray<Node> | null
}
const Node: Schema.Codec<Node> = Schema.Struct({
  Name: Xsd.string,
  Children: Schema.NullOr(
    Schema.Array(Schema.suspend((): Schema.Codec<Node> => Node)).annotate(Xml.items("Node", V1))
  )
}).annotate(Xml.complexType("Node", V1))
const Item = Schema.Struct({
  Level,
  Tags: Schema.Array(Xsd.string).annotate(Xml.items("string", OTHER)),
  Note: Xml.element(Xsd.string, { name: "Remark", namespace: V1 }),
  Tree: Node
}).annotate(Xml.complexType("Item", V1))

/** A document of `fields` in the later version's namespace, with the declarations of `renamed` renamed. */
const documentOf = <Fields extends Schema.Struct.Fields>(fields: Fields, renamed: Record<string, string>) =>
  Schema.Struct(fields).annotate({
    ...Xml.root("Doc", V2),
    ...Xml.complexType("Doc", V2),
    ...Xml.namespaces(renamed)
  })
const document = (renamed: Record<string, string>) => documentOf({ Item }, renamed)
const value = {
  Item: {
    Level: "High" as const,
    Tags: ["a"],
    Note: "n",
    Tree: { Name: "root", Children: [{ Name: "leaf", Children: null }] }
  }
}
const encode = <A, I>(schema: Schema.Codec<A, I>, a: A) => Result.getOrThrow(XmlCodec.encodeResult(schema)(a))
const decode = <A, I>(schema: Schema.Codec<A, I>, xml: string) => XmlCodec.decodeResult(schema)(xml)

describe("a renamed namespace", () => {
  it("puts every element declared in it, members, items, annotated elements and recursive ones, in the other", () => {
    const xml = encode(document({ [V1]: V2 }), value)
    expect(xml).toBe(
      `<Doc xmlns="urn:v2" xmlns:a="urn:other" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">` +
        `<Item><Level>High</Level><Tags><a:string>a</a:string></Tags><Remark>n</Remark>` +
        `<Tree><Name>root</Name><Children><Node><Name>leaf</Name><Children i:nil="true"/></Node></Children></Tree>` +
        `</Item></Doc>`
    )
    expect(decode(document({ [V1]: V2 }), xml)).toStrictEqual(Result.succeed(value))
  })

  it("compiles a type that documents of the same renaming share once for all of them, however the renaming is written", () => {
    // The plan asks a decoding default once when it compiles the member, to know that it has one.
    let asked = 0
    const Shared = Schema.Struct({
      n: Xsd.int.pipe(Schema.withDecodingDefaultKey(Effect.sync(() => {
        asked++
        return 5
      })))
    }).annotate(Xml.complexType("Shared", V1))
    const first = documentOf({ Shared }, { [V1]: V2, [OTHER]: "urn:x" })
    XmlCodec.compile(first)
    expect(asked).toBe(1)
    // The same renaming, its keys in another order, or with a namespace renamed to itself.
    XmlCodec.compile(documentOf({ Shared }, { [OTHER]: "urn:x", [V1]: V2 }))
    XmlCodec.compile(documentOf({ Shared }, { [V2]: V2, [OTHER]: "urn:x", [V1]: V2 }))
    expect(asked).toBe(1)
    // Another renaming has plans of its own.
    const second = documentOf({ Shared }, { [V1]: V2 })
    XmlCodec.compile(second)
    expect(asked).toBe(2)
    expect(decode(first, `<Doc xmlns="urn:v2"><Shared/></Doc>`)).toStrictEqual(Result.succeed({ Shared: { n: 5 } }))
    expect(decode(second, `<Doc xmlns="urn:v2"><Shared><n>1</n></Shared></Doc>`)).toStrictEqual(
      Result.succeed({ Shared: { n: 1 } })
    )
  })

  it("is not read in the namespace it was declared in", () => {
    const renamed = document({ [V1]: V2 })
    const unrenamed = encode(document({}), value)
    expect(unrenamed).toContain(`<Item><a:Level>High</a:Level>`)
    expect(Result.flip(decode(renamed, unrenamed))).toMatchObject(
      // An element of another namespace is an unknown one, skipped: the member it would have been is missing.
      Result.succeed({ _tag: "XmlDecodeError", reason: "MissingElement", path: "/Doc/Item/Level" })
    )
  })

  it("leaves the same types as they were declared in a document that does not rename", () => {
    const plain = document({})
    const xml = encode(plain, value)
    expect(xml).toContain(`<Item><a:Level>High</a:Level>`)
    expect(xml).toContain(`<a:Node><a:Name>leaf</a:Name>`)
    expect(decode(plain, xml)).toStrictEqual(Result.succeed(value))
    // The renamed document, compiled after, is still renamed, and this one still not.
    expect(encode(document({ [V1]: V2 }), value)).toContain(`<Item><Level>High</Level>`)
    expect(encode(plain, value)).toBe(xml)
  })

  it("names the types in the other namespace, simple and complex", () => {
    const description = XmlCodec.describe(document({ [V1]: V2 }))
    expect([...description.types.keys()].sort()).toStrictEqual([`{${V2}}Doc`, `{${V2}}Item`, `{${V2}}Node`])
    const item = description.types.get(`{${V2}}Item`)!
    expect(item.map((e) => [e.namespace, e.name])).toStrictEqual([
      [V2, "Level"],
      [V2, "Tags"],
      [V2, "Remark"],
      [V2, "Tree"]
    ])
    expect(item[0]!.type).toStrictEqual({ kind: "simple", name: { namespace: V2, name: "Level" } })
    expect(XmlCodec.describe(document({})).types.get(`{${V1}}Item`)![0]!.type).toStrictEqual({
      kind: "simple",
      name: { namespace: V1, name: "Level" }
    })
  })

  it("renames only the namespaces named, and a namespace renamed to itself is none renamed", () => {
    const xml = encode(document({ [V1]: V2, [OTHER]: OTHER }), value)
    expect(xml).toContain(`<a:string>a</a:string>`)
    expect(encode(document({ [OTHER]: V2 }), value)).toContain(
      `<Item><a:Level>High</a:Level><a:Tags><string>a</string>`
    )
  })
})

describe("a service that reuses an earlier version's declarations", () => {
  const header = { Token: Soap.header(Schema.Struct({ Value: Xsd.string }).annotate(Xml.complexType("Token", V1))) }
  const define = (namespace: string, reuses?: ReadonlyArray<string>) => {
    const service = Service.define({
      name: "Items",
      endpoint: "Items.svc",
      namespace,
      reuses,
      actionPrefix: `${namespace}/Items/`,
      requestHeader: header,
      responseHeader: {}
    })
    return service.operation("Get", service.request("Get", { Id: Xsd.int }), service.response("GetResponse", { Item }))
  }

  it("reads and writes its messages, headers included, in its own namespace", () => {
    const get = define(V2, [V1])
    const request = encode(get.request, { Header: { Token: { Value: "t" } }, Body: { Id: 1 } })
    expect(request).toContain(`xmlns="urn:v2"`)
    expect(request).not.toContain(V1)
    expect(request).toContain(`<s:Header><Token><Value>t</Value></Token></s:Header>`)
    const response = encode(get.response, { Header: {}, Body: value })
    expect(response).not.toContain(V1)
    expect(response).toContain(`<GetResponse><Item><Level>High</Level>`)
    expect(decode(get.response, response)).toStrictEqual(Result.succeed({ Header: {}, Body: value }))
  })

  it("without reuses, keeps the declarations' namespace inside its messages", () => {
    const get = define(V2)
    expect(encode(get.response, { Header: {}, Body: value })).toContain(`<GetResponse><Item><a:Level>High</a:Level>`)
  })
})
