/**
 * The decoder at its edges: each limit exactly at its value and one past it, input cut into slices across
 * surrogate pairs, the XML declaration, the envelope's structure, the Fault's capture budget and code
 * resolution, and what an error's message shows of the input. Mutation testing found these unchecked.
 */
import { Soap, Xml, XmlCodec, Xsd } from "@erpsync/codec"
import { ErpSync } from "@erpsync/schema"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as SchemaGetter from "effect/SchemaGetter"
import * as SchemaIssue from "effect/SchemaIssue"
import { describe, expect, it } from "vitest"
import { ARRAYS, connectionResponse, defaultConnection, envelope, NS, SOAP11 } from "./support/envelope.js"

const schema = ErpSync.SaveConnectionResponse
const withName = (name: string) => connectionResponse(`<DisplayName>${name}</DisplayName>`)
const named = (DisplayName: string) =>
  Result.succeed({ Header: {}, Body: { Response: { ...defaultConnection, DisplayName } } })
const errorOf = <E extends { readonly _tag: string; readonly message: string }>(
  result: Result.Result<unknown, E>
): E => {
  if (Result.isSuccess(result)) throw new Error("expected an error, got " + JSON.stringify(result.success))
  return result.failure
}

describe("limits: exactly at the limit is allowed, one past it is refused", () => {
  it("maxMessageLength", () => {
    const xml = withName("x")
    expect(XmlCodec.decodeResult(schema, { limits: { maxMessageLength: xml.length } })(xml)).toStrictEqual(named("x"))
    expect(errorOf(XmlCodec.decodeResult(schema, { limits: { maxMessageLength: xml.length - 1 } })(xml)))
      .toMatchObject({ _tag: "XmlLimitError", reason: "MessageLength", limit: xml.length - 1 })
  })

  it("maxTextLength, for one text node and for text that comes in several pieces", () => {
    // (The Envelope's namespace names are text the parser reads too: the limit is above their length.)
    const decode = XmlCodec.decodeResult(schema, { limits: { maxTextLength: 100 } })
    const x = (n: number) => "x".repeat(n)
    expect(decode(withName(x(100)))).toStrictEqual(named(x(100)))
    expect(errorOf(decode(withName(x(101))))).toMatchObject({ reason: "TextLength", limit: 100 })
    // An entity and a CDATA section split a text node into pieces: their sum is what is limited.
    expect(decode(withName(`${x(50)}&amp;<![CDATA[${x(49)}]]>`))).toStrictEqual(named(`${x(50)}&${x(49)}`))
    expect(errorOf(decode(withName(`${x(50)}&amp;<![CDATA[${x(50)}]]>`)))).toMatchObject({ reason: "TextLength" })
  })

  it("maxAttributes", () => {
    const attributes = (n: number) => Array.from({ length: n }, (_, i) => ` a${i}="v"`).join("")
    const xml = (n: number) => connectionResponse(`<DisplayName${attributes(n)}>x</DisplayName>`)
    const decode = XmlCodec.decodeResult(schema, { limits: { maxAttributes: 10 } })
    expect(decode(xml(10))).toStrictEqual(named("x"))
    expect(errorOf(decode(xml(11)))).toMatchObject({ _tag: "XmlLimitError", reason: "Attributes", limit: 10 })
  })

  it("maxItems", () => {
    const ids = (n: number) => `<UserGroupAccessIds>${"<a:int>1</a:int>".repeat(n)}</UserGroupAccessIds>`
    const decode = XmlCodec.decodeResult(schema, { limits: { maxItems: 3 } })
    expect(Result.map(decode(connectionResponse(ids(3))), (m) => m.Body.Response?.UserGroupAccessIds))
      .toStrictEqual(Result.succeed([1, 1, 1]))
    expect(errorOf(decode(connectionResponse(ids(4))))).toMatchObject({ reason: "Items", limit: 3 })
    // Items that declare their prefix are resolved one by one, not known by the name the last one came under.
    const declaring = (n: number) =>
      `<UserGroupAccessIds>${`<x:int xmlns:x="${ARRAYS}">1</x:int>`.repeat(n)}</UserGroupAccessIds>`
    expect(Result.map(decode(connectionResponse(declaring(3))), (m) => m.Body.Response?.UserGroupAccessIds))
      .toStrictEqual(Result.succeed([1, 1, 1]))
    expect(errorOf(decode(connectionResponse(declaring(4))))).toMatchObject({ reason: "Items", limit: 3 })
  })

  it("maxDepth, for an element known by the name it came under higher up (a recursive type)", () => {
    interface Node {
      readonly Name: string
      readonly Children: ReadonlyArray<Node>
    }
    const Node: Schema.Codec<Node> = Schema.Struct({
      Name: Xsd.string,
      Children: Schema.Array(Schema.suspend((): Schema.Codec<Node> => Node)).annotate(Xml.items("Node", NS))
    }).annotate(Xml.complexType("Node", NS))
    const Tree = Node.annotate(Xml.root("Node", NS))
    const nested = (depth: number): string =>
      depth === 1
        ? "<Node><Name>leaf</Name><Children/></Node>"
        : `<Node><Name>n</Name><Children>${nested(depth - 1)}</Children></Node>`
    const xml = (depth: number) => nested(depth).replace("<Node>", `<Node xmlns="${NS}">`)
    // Node n is at depth 2n - 1, its Name at 2n.
    const decode = XmlCodec.decodeResult(Tree, { limits: { maxDepth: 8 } })
    expect(Result.isSuccess(decode(xml(4)))).toBe(true)
    expect(errorOf(decode(xml(5)))).toMatchObject({ _tag: "XmlLimitError", reason: "Depth", limit: 8 })
    // The element past the limit is refused itself, whichever of the two kinds of place it is in: the fifth
    // Node, an item (depth 9), and the fifth Node's Name, a member (depth 10). Each came under a name
    // already seen higher up.
    const inner = "/Node/Children/Node[1]/Children/Node[1]/Children/Node[1]/Children"
    expect(errorOf(decode(xml(5)))).toMatchObject({ path: `${inner}/Node` })
    expect(errorOf(XmlCodec.decodeResult(Tree, { limits: { maxDepth: 9 } })(xml(5))))
      .toMatchObject({ _tag: "XmlLimitError", reason: "Depth", limit: 9, path: `${inner}/Node[1]/Name` })
  })
})

describe("input fed in slices", () => {
  // Text is parsed 65,536 code units at a time; a pair split by a slice would read as two lone halves.
  const emoji = "\u{1F600}"

  for (const offset of [-2, -1, 0, 1]) {
    it(`a surrogate pair at a slice boundary (${offset}) is read whole`, () => {
      const prefix = withName("").indexOf("</DisplayName>")
      const before = "x".repeat(65536 - prefix + offset)
      const name = before + emoji + "y".repeat(70_000)
      expect(XmlCodec.decodeResult(schema)(withName(name))).toStrictEqual(named(name))
    })
  }

  it("a pair at the boundary of the slices a small maxTextLength makes", () => {
    const decode = XmlCodec.decodeResult(schema, { limits: { maxTextLength: 100 } })
    for (let n = 0; n < 8; n++) {
      const name = "x".repeat(n) + emoji.repeat(20)
      expect(decode(withName(name))).toStrictEqual(named(name))
    }
  })

  it("a high surrogate at the end of a chunk waits for its pair in the next", () => {
    const xml = withName(`a${"\u{1F600}"}b`)
    const at = xml.indexOf("\u{1F600}") + 1
    const decoder = XmlCodec.makeDecoder(schema)
    expect(Result.isSuccess(decoder.write(xml.slice(0, at)))).toBe(true)
    expect(Result.isSuccess(decoder.write(xml.slice(at)))).toBe(true)
    expect(Result.map(decoder.end(), (d) => d.value)).toStrictEqual(named(`a${"\u{1F600}"}b`))
  })

  // Text at the end of a chunk may go on in the next, so the tokenizer holds it. An error of the input's
  // own (the message limit passed, half a pair ending the input) is placed where the parser is once it has
  // read all that was written before, as saxes would be: after the text held.
  it("the message limit passed is placed after the text held from the chunk before", () => {
    const xml = connectionResponse("<DisplayName>held</DisplayName>")
    const at = xml.indexOf("held") + 4
    const decoder = XmlCodec.makeDecoder(schema, { limits: { maxMessageLength: at + 4 } })
    expect(decoder.write(xml.slice(0, at))).toStrictEqual(Result.succeed(undefined))
    expect(errorOf(decoder.write(xml.slice(at)))).toMatchObject({
      _tag: "XmlLimitError",
      reason: "MessageLength",
      line: 1,
      column: at
    })
  })

  it("a high surrogate ending the input is placed after the text held before it", () => {
    const xml = connectionResponse("<DisplayName>held</DisplayName>")
    const at = xml.indexOf("held") + 4
    const decoder = XmlCodec.makeDecoder(schema)
    expect(decoder.write(xml.slice(0, at) + "\uD83D")).toStrictEqual(Result.succeed(undefined))
    expect(errorOf(decoder.end())).toMatchObject({ _tag: "XmlParseError", reason: "Malformed", line: 1, column: at })
  })

  it("an error in the text held when the input ends is that error, not the end of the input", () => {
    const xml = connectionResponse("<DisplayName>x&bogus;y")
    const cut = xml.slice(0, xml.indexOf("&bogus;") + "&bogus;".length)
    expect(errorOf(XmlCodec.decodeResult(schema)(cut))).toMatchObject({ _tag: "XmlParseError", reason: "Malformed" })
    expect(errorOf(XmlCodec.decodeResult(schema)(cut + "y"))).toMatchObject({ reason: "Malformed" })
    // Cut inside the reference, it is the end of the input.
    expect(errorOf(XmlCodec.decodeResult(schema)(cut.slice(0, -1)))).toMatchObject({ reason: "Truncated" })
  })

  it("a lone surrogate is refused where it is, with the text before it parsed", () => {
    const xml = withName("ab\uDC00")
    // The position is that of the last character read before it.
    expect(errorOf(XmlCodec.decodeResult(schema)(xml))).toMatchObject({
      _tag: "XmlParseError",
      reason: "Malformed",
      path: "/Envelope/Body/SaveConnectionResponse/Response/DisplayName",
      line: 1,
      column: xml.indexOf("\uDC00")
    })
  })
})

describe("the document", () => {
  it("an XML declaration of version 1.0 in UTF-8 is read; another version or encoding is refused", () => {
    const decode = XmlCodec.decodeResult(schema)
    const body = withName("x")
    expect(decode(`<?xml version="1.0" encoding="utf-8"?>${body}`)).toStrictEqual(named("x"))
    expect(decode(`<?xml version="1.0" encoding="UTF-8"?>${body}`)).toStrictEqual(named("x"))
    expect(decode(`<?xml version="1.0"?>${body}`)).toStrictEqual(named("x"))
    expect(errorOf(decode(`<?xml version="1.1"?>${body}`))).toMatchObject({ reason: "Version" })
    expect(errorOf(decode(`<?xml version="1.0" encoding="ISO-8859-1"?>${body}`))).toMatchObject({ reason: "Encoding" })
  })

  it("empty input is Empty; input that stops inside the root is Truncated", () => {
    const decode = XmlCodec.decodeResult(schema)
    expect(errorOf(decode(""))).toMatchObject({ _tag: "XmlParseError", reason: "Empty" })
    expect(errorOf(decode(new Uint8Array()))).toMatchObject({ _tag: "XmlParseError", reason: "Empty" })
    expect(errorOf(decode(`<s:Envelope xmlns:s="${SOAP11}"><s:Body>`))).toMatchObject({ reason: "Truncated" })
  })

  it("a second root element is Malformed", () => {
    expect(errorOf(XmlCodec.decodeResult(schema)(withName("x") + "<again/>"))).toMatchObject({
      _tag: "XmlParseError",
      reason: "Malformed"
    })
  })

  it("a parser error's detail has no line:column of its own: the error's fields carry them", () => {
    const error = errorOf(XmlCodec.decodeResult(schema)(`<s:Envelope xmlns:s="${SOAP11}">\n<s:Body><a b=c/>`))
    expect(error).toMatchObject({ _tag: "XmlParseError", reason: "Malformed", line: 2 })
    const detail = error._tag === "XmlParseError" ? error.detail : ""
    expect(detail).not.toMatch(/^\S*\d+:\d+/)
    expect(detail.length).toBeGreaterThan(0)
  })

  it("text in element content is refused, and the message shows at most 40 characters of it", () => {
    const text = "t".repeat(39) + "!" + "s".repeat(100)
    const error = errorOf(XmlCodec.decodeResult(schema)(connectionResponse(`${text}<Active>true</Active>`)))
    expect(error).toMatchObject({ _tag: "XmlDecodeError", reason: "UnexpectedText" })
    expect(error.message).toContain(JSON.stringify(text.slice(0, 40) + "…"))
    expect(error.message).not.toContain("!s")
    const short = errorOf(XmlCodec.decodeResult(schema)(connectionResponse(`${"u".repeat(40)}<Active>true</Active>`)))
    expect(short.message).toContain(JSON.stringify("u".repeat(40)))
  })

  it("text directly in the Envelope or Body is refused as the envelope's", () => {
    const error = errorOf(XmlCodec.decodeResult(schema)(envelope(`stray<SaveConnectionResponse/>`)))
    expect(error).toMatchObject({ _tag: "SoapEnvelopeError", reason: "UnexpectedText" })
    expect(error.message).toContain(`"stray"`)
  })
})

describe("the envelope", () => {
  it("an element after the Body is refused", () => {
    const xml = `<s:Envelope xmlns:s="${SOAP11}"><s:Body><SaveConnectionResponse xmlns="${NS}"/></s:Body>` +
      `<Succeeded xmlns="${NS}">true</Succeeded></s:Envelope>`
    expect(errorOf(XmlCodec.decodeResult(schema)(xml))).toMatchObject({
      _tag: "SoapEnvelopeError",
      reason: "ContentAfterBody",
      path: "/Envelope/Succeeded"
    })
  })

  it("a header block directly under the Envelope and one inside <Header> are both read", () => {
    const xml = `<s:Envelope xmlns:s="${SOAP11}"><Succeeded xmlns="${NS}">true</Succeeded>` +
      `<s:Header><ExtraInfo xmlns="${NS}"/></s:Header>` +
      `<s:Body><SaveConnectionResponse xmlns="${NS}"/></s:Body></s:Envelope>`
    expect(Result.map(XmlCodec.decodeResult(schema)(xml), (m) => m.Header)).toStrictEqual(
      Result.succeed({ Succeeded: true, ExtraInfo: [] })
    )
  })

  it("header blocks in any order are read; the same block twice is refused", () => {
    const header = `<Succeeded>true</Succeeded><ExtraInfo/>`
    expect(Result.map(XmlCodec.decodeResult(schema)(connectionResponse("", header)), (m) => m.Header))
      .toStrictEqual(Result.succeed({ Succeeded: true, ExtraInfo: [] }))
    expect(errorOf(XmlCodec.decodeResult(schema)(connectionResponse("", `<Succeeded>true</Succeeded>`.repeat(2)))))
      .toMatchObject({ reason: "DuplicateElement", path: "/Envelope/Header/Succeeded" })
  })

  it("an element named Fault outside the envelope's namespace is the wrong body element, not a fault", () => {
    const xml = envelope(`<Fault><faultcode>s:Client</faultcode><faultstring>no</faultstring></Fault>`)
    expect(errorOf(XmlCodec.decodeResult(schema)(xml))).toMatchObject({ _tag: "XmlDecodeError" })
  })

  it("xsi:nil=\"0\" and \"false\" are not nil; \"1\" and \"true\" are", () => {
    const decode = XmlCodec.decodeResult(schema)
    const name = (nil: string, text: string) =>
      Result.map(
        decode(withName("").replace("<DisplayName>", `<DisplayName i:nil="${nil}">${text}`)),
        (m) => m.Body.Response?.DisplayName
      )
    expect(name("0", "x")).toStrictEqual(Result.succeed("x"))
    expect(name("false", "x")).toStrictEqual(Result.succeed("x"))
    expect(name("1", "")).toStrictEqual(Result.succeed(null))
    expect(name("true", "")).toStrictEqual(Result.succeed(null))
  })
})

describe("a Fault", () => {
  const fault11 = (inner: string, declarations = "") =>
    `<s:Envelope xmlns:s="${SOAP11}"${declarations}><s:Body><s:Fault>${inner}</s:Fault></s:Body></s:Envelope>`

  it("an unprefixed faultcode is in the default namespace in scope", () => {
    const error = errorOf(
      XmlCodec.decodeResult(schema)(
        fault11(`<faultcode>Client</faultcode><faultstring>x</faultstring>`, ` xmlns="urn:d"`)
      )
    )
    expect(error).toMatchObject({ _tag: "SoapFault", code: { namespace: "urn:d", name: "Client" } })
  })

  it("a faultcode with markup in it is not resolved as a QName", () => {
    const error = errorOf(
      XmlCodec.decodeResult(schema)(fault11(`<faultcode>s:<b/>Client</faultcode><faultstring>x</faultstring>`))
    )
    expect(error).toMatchObject({ _tag: "SoapFault", code: { namespace: "", name: "s:Client" } })
  })

  it("its text is kept up to the capture budget, 65,536 characters", () => {
    const error = errorOf(
      XmlCodec.decodeResult(schema)(
        fault11(`<faultcode>s:Client</faultcode><faultstring>${"a".repeat(100_000)}</faultstring>`)
      )
    )
    const text = error._tag === "SoapFault" ? error.text : ""
    expect(text).toMatch(/^a+$/)
    expect(text.length).toBeLessThan(65536)
    expect(text.length).toBeGreaterThan(65536 - 200)
  })

  it("elements and attributes spend the budget too: what comes after it is spent is skipped", () => {
    // 4,000 elements of 18 characters' cost, or 8,000 attributes of ten or more: over 65,536 before faultstring.
    const elements = "<e/>".repeat(4000)
    const attributes = Array.from({ length: 8000 }, (_, i) => ` attr${i}=""`).join("")
    for (const spend of [elements, `<e${attributes}/>`]) {
      const xml = fault11(`<faultcode>s:Client</faultcode><detail>${spend}</detail><faultstring>late</faultstring>`)
      const error = errorOf(XmlCodec.decodeResult(schema, { limits: { maxAttributes: 10_000 } })(xml))
      expect(error).toMatchObject({ _tag: "SoapFault", code: { name: "Client" }, text: "" })
    }
    // Skipped past the budget, the rest of the Fault is still read as XML: a document broken there is
    // refused as broken, not taken for the Fault it began.
    const broken = fault11(`<faultcode>s:Client</faultcode><detail>${elements}<e><f/>&bogus;</e></detail>`)
    expect(errorOf(XmlCodec.decodeResult(schema)(broken))).toMatchObject({ _tag: "XmlParseError", reason: "Malformed" })
    // Below the budget, the same faultstring is read.
    const small = fault11(`<faultcode>s:Client</faultcode><detail><e/></detail><faultstring>late</faultstring>`)
    expect(errorOf(XmlCodec.decodeResult(schema)(small))).toMatchObject({ text: "late" })
  })
})

describe("where an error is, and what it says", () => {
  it("a parse error's detail is saxes's message without its line:column, which the fields carry", () => {
    // Line 12: a two-digit line number, which the prefix must be read whole for.
    const xml = `<s:Envelope xmlns:s="${SOAP11}">` + "\n".repeat(11) + `<s:Body>&bogus;</s:Body></s:Envelope>`
    const error = errorOf(XmlCodec.decodeResult(schema)(xml))
    expect(error).toMatchObject({ _tag: "XmlParseError", reason: "Malformed", line: 12, column: 15 })
    expect(error._tag === "XmlParseError" && error.detail).toBe("undefined entity.")
  })

  it("an invalid value is located where the element's content starts, not where it ends", () => {
    const xml = connectionResponse("<ErpConnectionId>12x\n\n</ErpConnectionId>")
    const error = errorOf(XmlCodec.decodeResult(schema)(xml))
    const start = xml.indexOf("<ErpConnectionId>") + "<ErpConnectionId>".length
    expect(error).toMatchObject({ _tag: "XmlDecodeError", reason: "InvalidValue", line: 1, column: start + 1 })
  })

  it("an element out of order names the member it must come before", () => {
    const xml = connectionResponse("<ErpConnectorId>1</ErpConnectorId><ErpConnectionId>1</ErpConnectionId>")
    const error = errorOf(XmlCodec.decodeResult(schema)(xml))
    expect(error).toMatchObject({ reason: "OutOfOrder", path: expect.stringMatching(/\/Response\/ErpConnectionId$/) })
    expect(error._tag === "XmlDecodeError" && error.detail).toBe(
      "element ErpConnectionId must come before ErpConnectorId"
    )
  })

  it("a second occurrence of a member is a duplicate, also after skipped unknown elements", () => {
    const xml = connectionResponse("<ErpConnectionId>1</ErpConnectionId><Unknown/><ErpConnectionId>2</ErpConnectionId>")
    expect(errorOf(XmlCodec.decodeResult(schema)(xml))).toMatchObject({ reason: "DuplicateElement" })
  })

  it("an array item's path carries its 1-based position", () => {
    const xml = connectionResponse("<UserGroupAccessIds><a:int>1</a:int><a:int>x</a:int></UserGroupAccessIds>")
    expect(errorOf(XmlCodec.decodeResult(schema)(xml))).toMatchObject({
      reason: "InvalidValue",
      path: "/Envelope/Body/SaveConnectionResponse/Response/UserGroupAccessIds/int[2]"
    })
  })
})

describe("the Fault's capture budget over several pieces of text", () => {
  const fault11 = (inner: string) =>
    `<s:Envelope xmlns:s="${SOAP11}"><s:Body><s:Fault>${inner}</s:Fault></s:Body></s:Envelope>`

  it("text in several pieces (a CDATA section splits it) is cut once the budget is spent", () => {
    const xml = fault11(
      `<faultcode>s:Client</faultcode><faultstring>${"a".repeat(40_000)}<![CDATA[${"b".repeat(40_000)}]]></faultstring>`
    )
    const error = errorOf(XmlCodec.decodeResult(schema)(xml))
    const text = error._tag === "SoapFault" ? error.text : ""
    expect(text).toMatch(/^a{40000}b+$/)
    expect(text.length).toBeLessThan(65536)
    expect(text.length).toBeGreaterThan(65536 - 200)
  })
})

describe("text held between slices", () => {
  it("a run of text exactly at maxTextLength, still open where a slice ends, is allowed", () => {
    // Input is parsed maxTextLength + 1 code units at a time: align the text to end where a slice does.
    const limit = 100
    const text = "x".repeat(limit)
    const at = (pad: number) => connectionResponse(`<DisplayName${" ".repeat(pad)}>${text}</DisplayName>`)
    const pad = (limit + 1 - ((at(0).indexOf(text) + limit) % (limit + 1))) % (limit + 1)
    const xml = at(pad)
    expect((xml.indexOf(text) + limit) % (limit + 1)).toBe(0)
    expect(XmlCodec.decodeResult(schema, { limits: { maxTextLength: limit } })(xml)).toStrictEqual(named(text))
  })

  it("a high surrogate at the very end of the input is a lone surrogate", () => {
    const error = errorOf(XmlCodec.decodeResult(schema)(withName("x") + "\uD800"))
    expect(error).toMatchObject({ _tag: "XmlParseError", reason: "Malformed" })
  })

  it("only a Fault of the envelope's namespace is a fault: another SOAP element in the Body is unexpected", () => {
    const other = `<s:Envelope xmlns:s="${SOAP11}"><s:Body><s:Other><faultcode>s:Client</faultcode>` +
      `<faultstring>x</faultstring></s:Other></s:Body></s:Envelope>`
    expect(errorOf(XmlCodec.decodeResult(schema)(other))).toMatchObject({
      _tag: "XmlDecodeError",
      reason: "UnexpectedElement",
      path: "/Envelope/Body/Other"
    })
  })

  it("text beside the items of an array is an XmlDecodeError at the array", () => {
    const List = Schema.Struct({ list: Schema.Array(Xsd.int).annotate(Xml.items("i", "urn:t")) }).annotate({
      ...Xml.complexType("R", "urn:t"),
      ...Xml.root("r", "urn:t")
    })
    const decodeList = XmlCodec.decodeResult(List)
    expect(decodeList(`<r xmlns="urn:t"><list> <i>1</i>\n<i>2</i> </list></r>`)).toStrictEqual(
      Result.succeed({ list: [1, 2] })
    )
    expect(errorOf(decodeList(`<r xmlns="urn:t"><list><i>1</i>junk<i>2</i></list></r>`))).toMatchObject({
      _tag: "XmlDecodeError",
      reason: "UnexpectedText",
      path: "/r/list"
    })
  })

  it("text beside the members of a struct is an XmlDecodeError, beside the Body's element an envelope error", () => {
    expect(errorOf(XmlCodec.decodeResult(schema)(connectionResponse("junk<ErpConnectionId>1</ErpConnectionId>"))))
      .toMatchObject({ _tag: "XmlDecodeError", reason: "UnexpectedText" })
    expect(errorOf(XmlCodec.decodeResult(schema)(envelope(`junk<SaveConnectionResponse/>`))))
      .toMatchObject({ _tag: "SoapEnvelopeError", reason: "UnexpectedText" })
  })
})

describe("the root of a SOAP message", () => {
  it("is an Envelope by name and namespace: another element of the SOAP namespace is not SOAP", () => {
    expect(errorOf(XmlCodec.decodeResult(schema)(`<s:Body xmlns:s="${SOAP11}"/>`)))
      .toMatchObject({ _tag: "SoapEnvelopeError", reason: "NotSoap" })
    expect(errorOf(XmlCodec.decodeResult(schema)(`<Envelope xmlns="urn:other"/>`)))
      .toMatchObject({ _tag: "SoapEnvelopeError", reason: "NotSoap" })
  })
})

describe("the decoder's remaining corners", () => {
  const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
  const soapEnvelope = (inner: string) =>
    `<s:Envelope xmlns:s="${SOAP11}" xmlns="${NS}" xmlns:i="${XSI_NS}">${inner}</s:Envelope>`
  const body = `<s:Body><SaveConnectionResponse/></s:Body>`

  it("a run of text past maxTextLength is refused within two slices of where it starts, however long the chunk", () => {
    const limit = 1000
    const xml = withName("x".repeat(50_000))
    const start = xml.indexOf("<DisplayName>") + "<DisplayName>".length
    const error = errorOf(XmlCodec.decodeResult(schema, { limits: { maxTextLength: limit } })(xml))
    expect(error).toMatchObject({ _tag: "XmlLimitError", reason: "TextLength", line: 1 })
    expect(error._tag === "XmlLimitError" && error.column).toBeLessThanOrEqual(start + 2 * (limit + 1))
  })

  it("an empty faultcode is no code, whatever default namespace is in scope", () => {
    const xml =
      `<s:Envelope xmlns:s="${SOAP11}" xmlns="urn:d"><s:Body><s:Fault><faultcode/><faultstring>x</faultstring>` +
      `</s:Fault></s:Body></s:Envelope>`
    expect(errorOf(XmlCodec.decodeResult(schema)(xml))).toMatchObject({
      _tag: "SoapFault",
      code: { namespace: "", name: "" }
    })
  })

  it("header blocks written directly under the Envelope are read in any order", () => {
    const xml = soapEnvelope(`<TimeZone><SoTimeZoneId>2</SoTimeZoneId></TimeZone><Succeeded>true</Succeeded>${body}`)
    expect(XmlCodec.decodeResult(schema)(xml)).toMatchObject(
      Result.succeed({ Header: { Succeeded: true, TimeZone: { SoTimeZoneId: 2 } } })
    )
  })

  it("an element of the SOAP namespace before the Body that is neither Header nor Body is skipped as a header block", () => {
    const xml = soapEnvelope(`<s:Extra><s:Body/></s:Extra>${body}`)
    expect(XmlCodec.decodeResult(schema)(xml)).toStrictEqual(Result.succeed({ Header: {}, Body: { Response: null } }))
  })

  it("a required header block that is missing is named in the Header", () => {
    const message = Soap.message({
      namespace: "urn:t",
      header: { Token: Xsd.string },
      body: { name: "Ping", fields: {} }
    })
    const xml = `<s:Envelope xmlns:s="${SOAP11}"><s:Body><Ping xmlns="urn:t"/></s:Body></s:Envelope>`
    expect(errorOf(XmlCodec.decodeResult(message)(xml))).toMatchObject({
      _tag: "XmlDecodeError",
      reason: "MissingElement",
      path: "/Envelope/Header/Token"
    })
  })

  it("a transformation that refuses the text's value is an invalid value at the element", () => {
    const Positive = Xsd.int.pipe(Schema.decodeTo(Schema.Number, {
      decode: SchemaGetter.transformEffect((n: number, options) =>
        n > 0 ? Effect.succeed(n) : Effect.fail(new SchemaIssue.InvalidValue({ message: "not positive" }, n, options))
      ),
      encode: SchemaGetter.passthrough()
    }))
    const R = Schema.Struct({ n: Positive }).annotate({
      ...Xml.root("r", "urn:t"),
      ...Xml.complexType("r", "urn:t")
    })
    expect(XmlCodec.decodeResult(R)(`<r xmlns="urn:t"><n>2</n></r>`)).toStrictEqual(Result.succeed({ n: 2 }))
    expect(errorOf(XmlCodec.decodeResult(R)(`<r xmlns="urn:t"><n>-2</n></r>`))).toMatchObject({
      _tag: "XmlDecodeError",
      reason: "InvalidValue",
      path: "/r/n"
    })
  })

  it("content after the root element is an error of the document, with no element in its path", () => {
    const afterEnvelope = errorOf(XmlCodec.decodeResult(schema)(soapEnvelope(body) + "<x/>"))
    expect(afterEnvelope).toMatchObject({ _tag: "XmlParseError", reason: "Malformed", path: "" })
    const R = Schema.Struct({}).annotate({ ...Xml.root("r", "urn:t"), ...Xml.complexType("r", "urn:t") })
    const afterRoot = errorOf(XmlCodec.decodeResult(R)(`<r xmlns="urn:t"/>junk`))
    expect(afterRoot).toMatchObject({ _tag: "XmlParseError", reason: "Malformed", path: "" })
  })
})

describe("a large chunk of bytes, decoded in pieces", () => {
  const utf8 = new TextEncoder()
  // A name long enough that the bytes run past several 64 KiB pieces, with a character of two, three and
  // four bytes at every offset modulo four, so that pieces end inside each of them.
  const name = "aé€😀".repeat(30_000)
  const xml = withName(name)
  const bytes = utf8.encode(xml)

  it("reads as the same text does, in one chunk or in any others", () => {
    expect(bytes.byteLength).toBeGreaterThan(4 * 65536)
    expect(XmlCodec.decodeResult(schema)(bytes)).toStrictEqual(named(name))
    const cuts = [0, 1, 65535, 65537, 200_000, bytes.byteLength]
    const decoder = XmlCodec.makeDecoder(schema)
    for (let i = 1; i < cuts.length; i++) decoder.write(bytes.subarray(cuts[i - 1], cuts[i]))
    expect(Result.map(decoder.end(), (d) => d.value)).toStrictEqual(named(name))
  })

  it("after text that ended in half a surrogate pair, which no bytes can complete", () => {
    const [before, after] = withName("x\uD83Dy").split("\uD83D") as [string, string]
    const decoder = XmlCodec.makeDecoder(schema)
    expect(decoder.write(before + "\uD83D")).toStrictEqual(Result.succeed(undefined))
    expect(errorOf(decoder.write(utf8.encode(after)))).toMatchObject({ reason: "Malformed" })
    expect(errorOf(decoder.write(utf8.encode(after))).message).toContain("lone surrogate")
  })

  it("is decoded whole before any of it is parsed: invalid UTF-8 past an XML error is the error", () => {
    const broken = utf8.encode(connectionResponse(`<DisplayName>x</Wrong>${"y".repeat(200_000)}`))
    broken[broken.byteLength - 100] = 0xff
    expect(errorOf(XmlCodec.decodeResult(schema)(broken))).toMatchObject({ reason: "Encoding", path: "" })
  })

  it("is counted against the message limit before any of it is parsed", () => {
    const broken = utf8.encode(connectionResponse(`<DisplayName>x</Wrong>${"y".repeat(200_000)}`))
    const limits = { maxMessageLength: broken.byteLength - 1000 }
    expect(errorOf(XmlCodec.decodeResult(schema, { limits })(broken)))
      .toMatchObject({ _tag: "XmlLimitError", reason: "MessageLength", path: "" })
    // The same text as a string: the same error.
    expect(errorOf(XmlCodec.decodeResult(schema, { limits })(new TextDecoder().decode(broken))))
      .toMatchObject({ _tag: "XmlLimitError", reason: "MessageLength", path: "" })
  })
})
