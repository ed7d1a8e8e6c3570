/**
 * Hostile XML (cases 1 to 10 and 19 of HOSTILE-INPUTS.md): each ends in a typed error (or the correct
 * value), never a crash, a hang, unbounded memory, a fetch, or a change to Object.prototype.
 */
import { describe, expect, it } from "@effect/vitest"
import { Xml, XmlCodec, Xsd } from "@erpsync/codec"
import { ErpSync } from "@erpsync/schema"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import { connectionResponse, defaultConnection, envelope, NS, SOAP11 } from "./support/envelope.js"
import { lazyInput } from "./support/huge.js"
import { rawServer } from "./support/rawServer.js"
import { readReference } from "./support/reference.js"

const schema = ErpSync.SaveConnectionResponse
const decode = XmlCodec.decodeResult(schema)
const errorOf = (input: string | Uint8Array) => Result.getOrThrow(Result.flip(decode(input)))
const decodeLazy = (input: ReturnType<typeof lazyInput>) =>
  XmlCodec.decodeStream(schema)(input.stream).pipe(Effect.flip)

/** The opening of a valid response, inside which unknown elements are skipped. */
const OPEN = `<s:Envelope xmlns:s="${SOAP11}"><s:Body><SaveConnectionResponse xmlns="${NS}"><Response>`
const CLOSE = `</Response></SaveConnectionResponse></s:Body></s:Envelope>`

describe("1. DOCTYPE", () => {
  it.each([
    [
      "an entity bomb",
      `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;">]>`
    ],
    ["a quadratic blow-up", `<!DOCTYPE q [<!ENTITY a "${"x".repeat(50_000)}">]>`],
    ["an external entity (file:)", `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>`],
    ["a parameter entity", `<!DOCTYPE x [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>`],
    ["an external DTD", `<!DOCTYPE x SYSTEM "file:///etc/passwd">`]
  ])("%s is refused as Doctype, nothing expanded", (_, doctype) => {
    const body = connectionResponse(`<DisplayName>&lol3;</DisplayName>`).replace("&lol3;", "")
    expect(errorOf(doctype + body)).toMatchObject({ _tag: "XmlParseError", reason: "Doctype" })
  })

  it.live("an external entity over http: is refused and never fetched", () =>
    Effect.gen(function*() {
      const server = yield* rawServer((_, res) => res.end("<x/>"))
      const doc = `<!DOCTYPE x [<!ENTITY e SYSTEM "${server.url}">]>` +
        connectionResponse(`<DisplayName>&e;</DisplayName>`)
      expect(errorOf(doc)).toMatchObject({ _tag: "XmlParseError", reason: "Doctype" })
      yield* Effect.sleep("100 millis")
      expect(server.requests).toHaveLength(0)
    }).pipe(Effect.scoped))

  it.effect("a 30 MB internal subset is stopped by a limit long before its end", () =>
    Effect.gen(function*() {
      const input = lazyInput(`<!DOCTYPE x [`, `<!ENTITY a "b">`, 2_000_000, `]><x/>`)
      const error = yield* decodeLazy(input)
      expect(["XmlLimitError", "XmlParseError"]).toContain(error._tag)
      expect(input.produced()).toBeLessThan(input.total / 4)
    }))
})

describe("2. processing instructions", () => {
  it.each([
    `<?xml-stylesheet href="x.xsl"?>${connectionResponse("")}`,
    connectionResponse(`<?php echo 1 ?>`),
    `${connectionResponse("")}<?pi?>`
  ])("%s is refused", (doc) => {
    expect(errorOf(doc)).toMatchObject({ _tag: "XmlParseError", reason: "ProcessingInstruction" })
  })

  it("the XML declaration is allowed", () => {
    expect(Result.isSuccess(decode(`<?xml version="1.0" encoding="utf-8"?>${connectionResponse("")}`))).toBe(true)
  })
})

describe("3. depth", () => {
  it("limit + 1 is refused", () => {
    {
      // Envelope, Body, SaveConnectionResponse, Response are 4 levels; 60 more reach 64, 61 exceed it.
      const ok = OPEN + "<x>".repeat(60) + "</x>".repeat(60) + CLOSE
      expect(decode(ok)).toStrictEqual(Result.succeed({ Header: {}, Body: { Response: defaultConnection } }))
      const over = OPEN + "<x>".repeat(61) + "</x>".repeat(61) + CLOSE
      expect(errorOf(over)).toMatchObject({ _tag: "XmlLimitError", reason: "Depth", limit: 64 })
    }
  })

  it.effect("1,000,000 levels are refused at the limit, reading only the first chunk", () =>
    Effect.gen(function*() {
      const input = lazyInput(OPEN, "<x>", 1_000_000, "")
      const error = yield* decodeLazy(input)
      expect(error).toMatchObject({ _tag: "XmlLimitError", reason: "Depth", limit: 64 })
      expect(input.produced()).toBeLessThan(100_000)
    }))

  it.effect("deep then wide: 200,000 siblings at the deepest allowed level decode", () =>
    Effect.gen(function*() {
      const deep = "<x>".repeat(59)
      const input = lazyInput(OPEN + deep, "<y/>", 200_000, "</x>".repeat(59) + CLOSE)
      const value = yield* XmlCodec.decodeStream(schema)(input.stream)
      expect(value).toStrictEqual({ Header: {}, Body: { Response: defaultConnection } })
    }))

  it("a custom limit applies", () => {
    const result = XmlCodec.decodeResult(schema, { limits: { maxDepth: 5 } })(
      connectionResponse(`<TableRight><Reason/></TableRight>`)
    )
    expect(Result.isFailure(result) && result.failure).toMatchObject({ reason: "Depth", limit: 5 })
  })
})

describe("4. huge tokens", () => {
  const MB50 = 50 * 1024 * 1024
  it.effect.each(
    [
      ["a 50 MB text node", OPEN + "<DisplayName>", "a", "</DisplayName>" + CLOSE],
      ["a 50 MB CDATA section", OPEN + "<DisplayName><![CDATA[", "a", "]]></DisplayName>" + CLOSE],
      ["a 50 MB comment", OPEN + "<!--", "a", "-->" + CLOSE],
      ["a 50 MB attribute value", OPEN + `<DisplayName a="`, "a", `">x</DisplayName>` + CLOSE],
      ["a 50 MB unknown element's text", OPEN + "<Unknown>", "a", "</Unknown>" + CLOSE]
    ] as const
  )("%s is stopped by a limit, reading a fraction of it", ([, head, body, tail]) =>
    Effect.gen(function*() {
      const input = lazyInput(head, body.repeat(1024), MB50 / 1024, tail)
      const error = yield* decodeLazy(input)
      expect(error).toMatchObject({ _tag: "XmlLimitError", reason: "TextLength", limit: 4 * 1024 * 1024 })
      expect(input.produced()).toBeLessThan(6 * 1024 * 1024)
    }))

  it.effect("1,000,000 attributes are refused at the attribute limit", () =>
    Effect.gen(function*() {
      const input = lazyInput(OPEN + "<DisplayName", " a=\"\"", 1_000_000, ">x</DisplayName>" + CLOSE)
      const error = yield* Effect.flip(XmlCodec.decodeStream(schema)(input.stream))
      // attribute names repeat here, which saxes also refuses; either way a typed error at once
      expect(["XmlLimitError", "XmlParseError"]).toContain(error._tag)
      expect(input.produced()).toBeLessThan(200_000)
      const distinct = OPEN + "<DisplayName" + Array.from({ length: 1025 }, (_, n) => ` a${n}=""`).join("") +
        ">x</DisplayName>" + CLOSE
      expect(errorOf(distinct)).toMatchObject({ _tag: "XmlLimitError", reason: "Attributes", limit: 1024 })
    }))

  it("a message longer than maxMessageLength is refused", () => {
    const result = XmlCodec.decodeResult(schema, { limits: { maxMessageLength: 100 } })(connectionResponse(""))
    expect(Result.isFailure(result) && result.failure).toMatchObject({
      _tag: "XmlLimitError",
      reason: "MessageLength",
      limit: 100
    })
  })

  it("more items than maxItems are refused", () => {
    const ids = "<a:int>1</a:int>".repeat(11)
    const result = XmlCodec.decodeResult(schema, { limits: { maxItems: 10 } })(
      connectionResponse(`<UserGroupAccessIds>${ids}</UserGroupAccessIds>`)
    )
    expect(Result.isFailure(result) && result.failure).toMatchObject({
      _tag: "XmlLimitError",
      reason: "Items",
      limit: 10,
      path: "/Envelope/Body/SaveConnectionResponse/Response/UserGroupAccessIds/int"
    })
  })
})

describe("5. characters XML 1.0 forbids, and bad encodings", () => {
  it.each([
    ["U+0000", "a\u0000b"],
    ["U+0001", "\u0001"],
    ["U+001F", "\u001f"],
    ["U+FFFE", "\uFFFE"],
    ["U+FFFF", "\uFFFF"],
    ["a lone low surrogate", "a\uDC00b"],
    ["a lone high surrogate", "a\uD800b"],
    ["a lone high surrogate at the end", "\uD800"],
    ["&#0;", "&#0;"],
    ["&#1;", "&#1;"],
    ["&#xFFFE;", "&#xFFFE;"],
    ["&#xD800;", "&#xD800;"],
    ["&#xDC00;", "&#xDC00;"]
  ])("%s is refused", (_, text) => {
    expect(errorOf(connectionResponse(`<DisplayName>${text}</DisplayName>`))).toMatchObject({
      _tag: "XmlParseError",
      reason: "Malformed",
      path: "/Envelope/Body/SaveConnectionResponse/Response/DisplayName"
    })
  })

  it("a lone high surrogate at the very end of the input is refused", () => {
    expect(errorOf(connectionResponse("") + "\uD800")).toMatchObject({ _tag: "XmlParseError", reason: "Malformed" })
  })

  it("a surrogate pair split across chunks is one character", () => {
    const doc = connectionResponse(`<DisplayName>😀</DisplayName>`)
    const at = doc.indexOf("😀") + 1
    const decoder = XmlCodec.makeDecoder(schema)
    Result.getOrThrow(decoder.write(doc.slice(0, at)))
    Result.getOrThrow(decoder.write(doc.slice(at)))
    const value = Result.getOrThrow(decoder.end()).value
    expect(value.Body.Response?.DisplayName).toBe("😀")
  })

  it("an XML 1.1 declaration is refused (it would make &#1; legal)", () => {
    expect(errorOf(`<?xml version="1.1"?>${connectionResponse("<DisplayName>&#1;</DisplayName>")}`)).toMatchObject({
      _tag: "XmlParseError",
      reason: "Version"
    })
  })

  it("invalid UTF-8 is refused, never replaced by U+FFFD", () => {
    const bytes = new TextEncoder().encode(connectionResponse("<DisplayName>x</DisplayName>"))
    for (const bad of [[0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0xaf]]) {
      const at = bytes.indexOf(0x78)
      const mutated = new Uint8Array([...bytes.subarray(0, at), ...bad, ...bytes.subarray(at + 1)])
      expect(errorOf(mutated)).toMatchObject({ _tag: "XmlParseError", reason: "Encoding" })
    }
  })

  it("Latin-1 bytes labelled UTF-8 are refused", () => {
    const latin1 = Uint8Array.from(
      `<?xml version="1.0" encoding="utf-8"?>${connectionResponse("<DisplayName>blåbær</DisplayName>")}`,
      (c) => c.charCodeAt(0)
    )
    expect(errorOf(latin1)).toMatchObject({ _tag: "XmlParseError", reason: "Encoding" })
  })
})

describe("6. undeclared namespace prefixes", () => {
  it.each([
    ["on an element", connectionResponse("<q:DisplayName>x</q:DisplayName>")],
    ["on an attribute", connectionResponse(`<DisplayName q:a="1">x</DisplayName>`)],
    ["on the root", `<soap:Envelope><soap:Body/></soap:Envelope>`]
  ])("%s is an error", (_, doc) => {
    expect(errorOf(doc)).toMatchObject({ _tag: "XmlParseError", reason: "Malformed" })
  })
})

describe("7. line ends and whitespace", () => {
  it("CR LF and lone CR in text become LF; &#13; stays CR; tabs and newlines stay", () => {
    const result = decode(connectionResponse("<DisplayName>a\r\nb\rc&#13;d\te\nf</DisplayName>"))
    expect(Result.getOrThrow(result).Body.Response?.DisplayName).toBe("a\nb\nc\rd\te\nf")
  })

  it("a CR LF split across chunks is one LF", () => {
    const doc = connectionResponse("<DisplayName>a\r\nb</DisplayName>")
    const at = doc.indexOf("\r") + 1
    const decoder = XmlCodec.makeDecoder(schema)
    Result.getOrThrow(decoder.write(doc.slice(0, at)))
    Result.getOrThrow(decoder.write(doc.slice(at)))
    expect(Result.getOrThrow(decoder.end()).value.Body.Response?.DisplayName).toBe("a\nb")
  })

  it("attribute values are normalised: a literal tab and newline become spaces (xsi:nil=\"\\ttrue\\n\" is nil)", () => {
    const doc = connectionResponse(
      `<DisplayName xmlns:i="http://www.w3.org/2001/XMLSchema-instance" i:nil="\ttrue\n"/>`
    )
    expect(Result.getOrThrow(decode(doc)).Body.Response?.DisplayName).toBeNull()
  })

  it("CR, tabs and newlines survive an encode and decode round trip", () => {
    const value = {
      Header: {},
      Body: {
        Response: { ...defaultConnection, DisplayName: "\r\n\t \r", ConfigFields: [{ Key: "\r", Value: "\n\r\n" }] }
      }
    }
    const xml = Result.getOrThrow(XmlCodec.encodeResult(schema)(value))
    expect(decode(xml)).toStrictEqual(Result.succeed(value))
  })
})

describe("8. __proto__, constructor, prototype", () => {
  it("as element names they are plain (skipped) data; Object.prototype is untouched", () => {
    const before = Object.getOwnPropertyNames(Object.prototype).join()
    const doc = connectionResponse(
      `<__proto__><polluted>1</polluted></__proto__><constructor><prototype><polluted>1</polluted></prototype></constructor>`
    )
    expect(decode(doc)).toStrictEqual(Result.succeed({ Header: {}, Body: { Response: defaultConnection } }))
    expect(Object.getOwnPropertyNames(Object.prototype).join()).toBe(before)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it("as member names of a schema they become own properties", () => {
    const Odd = Schema.Struct({
      ["__proto__"]: Xsd.string,
      constructor: Xsd.string,
      prototype: Xsd.string
    }).annotate({ ...Xml.root("Odd", "urn:odd"), ...Xml.complexType("Odd", "urn:odd") })
    const xml =
      `<Odd xmlns="urn:odd"><__proto__>p</__proto__><constructor>c</constructor><prototype>t</prototype></Odd>`
    const value = Result.getOrThrow(XmlCodec.decodeResult(Odd)(xml)) as Record<string, unknown>
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(Object.getOwnPropertyNames(value)).toStrictEqual(["__proto__", "constructor", "prototype"])
    expect(value["constructor"]).toBe("c")
    // An ordinary data property, as any other member's.
    expect(Object.getOwnPropertyDescriptor(value, "__proto__")).toStrictEqual(
      Object.getOwnPropertyDescriptor({ p: "p" }, "p")
    )
    expect(Result.getOrThrow(XmlCodec.encodeResult(Odd)(value as never))).toContain("<__proto__>p</__proto__>")
  })
})

describe("9. byte order marks, junk and declared encodings", () => {
  const doc = connectionResponse("")
  const bytes = new TextEncoder().encode(doc)
  const BOM = [0xef, 0xbb, 0xbf]
  it("one BOM is fine", () => {
    expect(Result.isSuccess(decode(new Uint8Array([...BOM, ...bytes])))).toBe(true)
    expect(Result.isSuccess(decode("\uFEFF" + doc))).toBe(true)
  })
  it("two BOMs are an error", () => {
    expect(errorOf(new Uint8Array([...BOM, ...BOM, ...bytes]))).toMatchObject({
      _tag: "XmlParseError",
      reason: "Malformed"
    })
    expect(errorOf("\uFEFF\uFEFF" + doc)).toMatchObject({ _tag: "XmlParseError", reason: "Malformed" })
  })
  it("junk before the declaration is an error", () => {
    expect(errorOf(`junk<?xml version="1.0"?>${doc}`)).toMatchObject({ _tag: "XmlParseError", reason: "Malformed" })
    expect(errorOf(` <?xml version="1.0"?>${doc}`)).toMatchObject({ _tag: "XmlParseError", reason: "Malformed" })
  })
  it.each(["UTF-16", "ISO-8859-1", "windows-1252"])("encoding=%j on UTF-8 bytes is an Encoding error", (encoding) => {
    expect(errorOf(new TextEncoder().encode(`<?xml version="1.0" encoding="${encoding}"?>${doc}`))).toMatchObject({
      _tag: "XmlParseError",
      reason: "Encoding"
    })
  })
})

describe("10. truncation, trailing junk, empty input", () => {
  it.effect("truncation at every byte offset of a real response ends in a typed error, and the Effect completes", () =>
    Effect.gen(function*() {
      const text = readReference("examples/SaveConnection.response.xml")
      const bytes = new TextEncoder().encode(text)
      const rootEnd = new TextEncoder().encode(text.slice(0, text.lastIndexOf(">") + 1)).length
      for (let i = 0; i < bytes.length; i++) {
        const result = yield* Effect.result(XmlCodec.decodeStream(schema)(Stream.make(bytes.subarray(0, i))))
        if (i < rootEnd) {
          expect(Result.isFailure(result) && ["XmlParseError", "SoapEnvelopeError"].includes(result.failure._tag)).toBe(
            true
          )
        } else {
          expect(Result.isSuccess(result)).toBe(true)
        }
      }
    }))

  it.each([
    ["junk after the root", connectionResponse("") + "junk"],
    ["a second root", connectionResponse("") + "<again/>"],
    ["an empty document", ""],
    ["only whitespace", "  \n "],
    ["only a comment", "<!-- nothing -->"]
  ])("%s is an XmlParseError", (_, doc) => {
    expect(errorOf(doc)).toMatchObject({ _tag: "XmlParseError" })
  })
})

describe("19. unknown elements", () => {
  it("are skipped, but still bounded by the limits", () => {
    expect(decode(connectionResponse("<New><Deeper>1</Deeper></New>"))).toStrictEqual(
      Result.succeed({ Header: {}, Body: { Response: defaultConnection } })
    )
    const deep = connectionResponse("<u>".repeat(70) + "</u>".repeat(70))
    expect(errorOf(deep)).toMatchObject({ _tag: "XmlLimitError", reason: "Depth" })
  })

  it("in the header too", () => {
    const doc = envelope(
      `<SaveConnectionResponse/>`,
      `<Unknown xmlns="urn:x">${"<u>".repeat(70)}${"</u>".repeat(70)}</Unknown>`
    )
    expect(errorOf(doc)).toMatchObject({ _tag: "XmlLimitError", reason: "Depth" })
  })
})
