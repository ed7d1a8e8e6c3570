/**
 * Namespaces in XML 1.0, which the decoder resolves itself: the same documents are well-formed for it
 * as for saxes with its own namespace support on (the oracle here), prefixes are scoped to the element
 * that declares them, and `xsi:nil` is found under any prefix bound to its namespace.
 */
import { XmlCodec } from "@erpsync/codec"
import { ErpSync } from "@erpsync/schema"
import * as Result from "effect/Result"
import { SaxesParser } from "saxes"
import { describe, expect, it } from "vitest"
import { Scope } from "../../packages/codec/src/internal/decode/scope.js"
import { ARRAYS, connectionResponse, defaultConnection, NS, SOAP11, XSI } from "./support/envelope.js"

const schema = ErpSync.SaveConnectionResponse
const decode = XmlCodec.decodeResult(schema)
const XML_NS = "http://www.w3.org/XML/1998/namespace"
const XMLNS_NS = "http://www.w3.org/2000/xmlns/"

/** saxes's verdict with namespaces on: the first error's message, or `undefined` when well-formed. */
const saxesError = (xml: string): string | undefined => {
  let error: string | undefined
  const parser = new SaxesParser({ xmlns: true })
  parser.on("error", (e) => (error ??= e.message))
  parser.write(xml).close()
  return error
}

const response = (value: Record<string, unknown>) => ({
  Header: {},
  Body: { Response: { ...defaultConnection, ...value } }
})

describe("what namespaces make ill-formed is ill-formed, as for saxes with its namespaces on", () => {
  const inResponse = (element: string) => connectionResponse(element)
  it.each([
    ["xml bound to its own namespace", inResponse(`<DisplayName xmlns:xml="${XML_NS}">x</DisplayName>`), true],
    ["xml bound elsewhere", inResponse(`<DisplayName xmlns:xml="urn:x">x</DisplayName>`), false],
    ["another prefix bound to xml's namespace", inResponse(`<DisplayName xmlns:p="${XML_NS}">x</DisplayName>`), false],
    ["the default namespace set to xml's", inResponse(`<DisplayName xmlns="${XML_NS}">x</DisplayName>`), false],
    ["the default namespace set to xmlns's", inResponse(`<DisplayName xmlns="${XMLNS_NS}">x</DisplayName>`), false],
    ["a prefix bound to xmlns's namespace", inResponse(`<DisplayName xmlns:p="${XMLNS_NS}">x</DisplayName>`), false],
    ["xmlns declared as a prefix", inResponse(`<DisplayName xmlns:xmlns="${XMLNS_NS}">x</DisplayName>`), false],
    [
      "xmlns declared as a prefix of another namespace",
      inResponse(`<DisplayName xmlns:xmlns="urn:x">x</DisplayName>`),
      false
    ],
    ["a prefix undeclared", inResponse(`<DisplayName xmlns:p="">x</DisplayName>`), false],
    ["a prefix declared with spaces around", inResponse(`<p:DisplayName xmlns:p=" ${NS} ">x</p:DisplayName>`), true],
    ["the default namespace undeclared", inResponse(`<X xmlns=""><Y/></X>`), true],
    ["an element with prefix xmlns", inResponse(`<xmlns:DisplayName>x</xmlns:DisplayName>`), false],
    ["an element name ending in a colon", inResponse(`<a:>x</a:>`), false],
    ["an element name starting with a colon", inResponse(`<:a>x</:a>`), false],
    ["an element name with two colons", inResponse(`<a:b:c>x</a:b:c>`), false],
    ["an attribute with two colons", inResponse(`<DisplayName a:b:c="1">x</DisplayName>`), false],
    ["an attribute starting with a colon", inResponse(`<DisplayName :b="1">x</DisplayName>`), false],
    ["a declaration of no prefix", inResponse(`<DisplayName xmlns:="urn:x">x</DisplayName>`), false],
    ["an unbound attribute prefix", inResponse(`<DisplayName q:a="1">x</DisplayName>`), false],
    ["an unbound prefix inside an unknown element", inResponse(`<Unknown><q:Deep/></Unknown>`), false],
    ["a prefix out of its scope", inResponse(`<X xmlns:q="urn:q"/><q:Y/>`), false],
    [
      "two attributes of one expanded name",
      inResponse(`<DisplayName xmlns:p="urn:p" xmlns:q="urn:p" p:x="1" q:x="2">x</DisplayName>`),
      false
    ],
    [
      "two attributes of one local name in two namespaces",
      inResponse(`<DisplayName xmlns:p="urn:p" xmlns:q="urn:q" p:x="1" q:x="2" x="3">x</DisplayName>`),
      true
    ],
    ["xml:lang without a declaration", inResponse(`<DisplayName xml:lang="en">x</DisplayName>`), true]
  ])("%s", (_, xml, wellFormed) => {
    expect(saxesError(xml) === undefined, "the oracle").toBe(wellFormed)
    const result = decode(xml)
    if (wellFormed) expect(Result.isSuccess(result), JSON.stringify(result)).toBe(true)
    else expect(Result.flip(result)).toMatchObject(Result.succeed({ _tag: "XmlParseError", reason: "Malformed" }))
  })

  it("a declaration's value is read without the spaces around it, as saxes reads it", () => {
    // The oracle: saxes with its namespaces on resolves the element into the namespace without them.
    const xml = inResponse(`<p:DisplayName xmlns:p=" ${NS}\t">x</p:DisplayName>`)
    let uri: string | undefined
    const parser = new SaxesParser({ xmlns: true })
    parser.on("opentag", (tag) => {
      if (tag.local === "DisplayName") uri = tag.uri
    })
    parser.write(xml).close()
    expect(uri).toBe(NS)
    expect(decode(xml)).toStrictEqual(Result.succeed(response({ DisplayName: "x" })))
  })

  it("a namespace error names the element and its line and column", () => {
    const xml = connectionResponse(`\n  <q:DisplayName>x</q:DisplayName>`)
    expect(Result.flip(decode(xml))).toMatchObject(
      Result.succeed({ reason: "Malformed", path: "/Envelope/Body/SaveConnectionResponse/Response", line: 2 })
    )
    const error = Result.getOrThrow(Result.flip(decode(xml)))
    expect(error.message).toContain(`unbound namespace prefix: "q"`)
  })
})

describe("a declaration holds in its element only", () => {
  it("a prefix rebound inside an element is the outer one again after it", () => {
    const xml = connectionResponse(
      `<Wrapper xmlns:p="urn:other"><p:DisplayName>skipped</p:DisplayName></Wrapper>` +
        `<p:DisplayName xmlns:p="${NS}">kept</p:DisplayName>`
    )
    expect(decode(xml)).toStrictEqual(Result.succeed(response({ DisplayName: "kept" })))
  })

  it("the default namespace changed on an element is the enclosing one again after it", () => {
    const xml = connectionResponse(
      `<ConnectionId xmlns="urn:other">skipped</ConnectionId><DisplayName>kept</DisplayName>`
    )
    expect(decode(xml)).toStrictEqual(Result.succeed(response({ DisplayName: "kept" })))
  })

  it("the same name means another element under another binding", () => {
    const member = (prefixNs: string) => `<m:DisplayName xmlns:m="${prefixNs}">v</m:DisplayName>`
    expect(decode(connectionResponse(member("urn:other")))).toStrictEqual(Result.succeed(response({})))
    expect(decode(connectionResponse(member(NS)))).toStrictEqual(Result.succeed(response({ DisplayName: "v" })))
  })

  it("an item's tag name is resolved again once the declaration it was resolved with goes out of scope", () => {
    const xml = connectionResponse(
      `<UserGroupAccessIds><x:int xmlns:x="${ARRAYS}">1</x:int><x:int>2</x:int></UserGroupAccessIds>`
    )
    expect(saxesError(xml)).toContain("unbound namespace prefix")
    expect(decode(xml)).toMatchObject(Result.fail({ _tag: "XmlParseError", reason: "Malformed" }))
  })

  it("the tag name of an earlier item means another element under a prefix bound again", () => {
    const xml = connectionResponse(
      `<UserGroupAccessIds><a:int>1</a:int></UserGroupAccessIds>` +
        `<AssociateAccessIds xmlns:a="urn:other"><a:int>2</a:int></AssociateAccessIds>`
    )
    expect(decode(xml)).toStrictEqual(Result.succeed(response({ UserGroupAccessIds: [1], AssociateAccessIds: [] })))
  })

  it("a tag name resolved in one document means nothing in the next", () => {
    // Both documents declare as many namespaces on their Envelope, with the prefix a bound elsewhere.
    const items = connectionResponse(`<UserGroupAccessIds><a:int>1</a:int></UserGroupAccessIds>`)
    const elsewhere = items.replace(`xmlns:a="${ARRAYS}"`, `xmlns:a="urn:other"`)
    expect(decode(items)).toStrictEqual(Result.succeed(response({ UserGroupAccessIds: [1] })))
    expect(decode(elsewhere)).toStrictEqual(Result.succeed(response({ UserGroupAccessIds: [] })))
  })

  it("array items under a prefix declared on the array", () => {
    const xml = connectionResponse(
      `<UserGroupAccessIds xmlns:x="${ARRAYS}"><x:int>1</x:int><a:int>2</a:int><x:int xmlns:x="urn:o">3</x:int></UserGroupAccessIds>`
    )
    expect(decode(xml)).toStrictEqual(Result.succeed(response({ UserGroupAccessIds: [1, 2] })))
  })
})

describe("states of the bindings", () => {
  /** A scope after opening an element at depth 1 that declares `declarations`. */
  const declaring = (...declarations: ReadonlyArray<readonly [string, string]>): Scope => {
    const scope = new Scope()
    scope.open(1)
    for (const [prefix, uri] of declarations) scope.declare(prefix, uri)
    return scope
  }

  it("documents that declare alike are in the same state, and known alike", () => {
    expect(new Scope().generation).toBe(new Scope().generation)
    const first = declaring(["", NS], ["a", ARRAYS])
    expect(declaring(["", NS], ["a", ARRAYS]).generation).toBe(first.generation)
    // Another binding, another order or one binding more is another state.
    expect(declaring(["", NS], ["a", "urn:other"]).generation).not.toBe(first.generation)
    expect(declaring(["a", ARRAYS], ["", NS]).generation).not.toBe(first.generation)
    expect(declaring(["", NS]).generation).not.toBe(first.generation)
    // A prefix and a namespace that join to the same text are still another binding.
    expect(declaring(["a", "bc"]).generation).not.toBe(declaring(["ab", "c"]).generation)
    // Closing the element goes back to the state before it.
    first.close(1)
    expect(first.generation).toBe(new Scope().generation)
    // The next document of a service resolves as the last one did (its names came from the tag names
    // remembered under this state).
    const items = connectionResponse(`<UserGroupAccessIds><a:int>1</a:int></UserGroupAccessIds>`)
    expect(decode(items)).toStrictEqual(Result.succeed(response({ UserGroupAccessIds: [1] })))
    expect(decode(items)).toStrictEqual(Result.succeed(response({ UserGroupAccessIds: [1] })))
  })

  it("past the states kept, a state reached again is a new one", () => {
    for (let i = 0; i < 1100; i++) declaring(["p", `urn:fill:${i}`])
    const late = declaring(["p", "urn:late"]).generation
    expect(declaring(["p", "urn:late"]).generation).not.toBe(late)
    // States kept before stay.
    expect(declaring(["p", "urn:fill:0"]).generation).toBe(declaring(["p", "urn:fill:0"]).generation)
  })
})

describe("xsi:nil under any prefix", () => {
  it.each([
    ["the envelope's prefix", `<DisplayName i:nil="true"/>`, null],
    ["a prefix of its own", `<DisplayName xmlns:z="${XSI}" z:nil="true"/>`, null],
    ["xsi rebound elsewhere", `<DisplayName xmlns:i="urn:not-xsi" i:nil="true">x</DisplayName>`, "x"],
    ["no prefix", `<DisplayName nil="true">x</DisplayName>`, "x"]
  ])("%s", (_, member, DisplayName) => {
    expect(decode(connectionResponse(member))).toStrictEqual(Result.succeed(response({ DisplayName })))
  })
})

describe("a Fault's QNames resolve in the scope of their element", () => {
  const fault = (code: string) =>
    `<s:Envelope xmlns:s="${SOAP11}"><s:Body><s:Fault>${code}<faultstring>x</faultstring></s:Fault></s:Body></s:Envelope>`
  it.each([
    ["a prefix declared on the faultcode itself", `<faultcode xmlns:x="urn:x">x:Bad</faultcode>`, "urn:x", "Bad"],
    ["the envelope's prefix", `<faultcode>s:Client</faultcode>`, SOAP11, "Client"],
    ["no prefix and no default namespace", `<faultcode>Client</faultcode>`, "", "Client"]
  ])("%s", (_, code, namespace, name) => {
    expect(Result.flip(decode(fault(code)))).toMatchObject(
      Result.succeed({ _tag: "SoapFault", code: { namespace, name } })
    )
  })

  it("a detail's attributes keep their namespaces", () => {
    // p is declared outside the detail, which must then declare it itself.
    const xml = fault(`<faultcode>s:Client</faultcode>`)
      .replace("<s:Envelope ", `<s:Envelope xmlns:p="urn:p" `)
      .replace("</s:Fault>", `<detail><E p:a="1" b="2" xmlns="urn:d"/></detail></s:Fault>`)
    const error = Result.getOrThrow(Result.flip(decode(xml)))
    const detail = (error as { readonly detail?: string }).detail
    // The detail stands on its own: read with namespaces on, E's attributes are where they were.
    const attributes = new Map<string, string>()
    const parser = new SaxesParser({ xmlns: true })
    parser.on("opentag", (tag) => {
      if (tag.local !== "E") return
      expect(tag.uri).toBe("urn:d")
      for (const attribute of Object.values(tag.attributes)) attributes.set(attribute.local, attribute.uri)
    })
    parser.write(detail ?? "").close()
    expect(attributes.get("a")).toBe("urn:p")
    expect(attributes.get("b")).toBe("")
  })
})
