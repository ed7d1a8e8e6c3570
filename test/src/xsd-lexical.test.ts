/**
 * One test per XSD lexical rule (XML Schema Part 2), through the decoder and the encoder.
 */
import { XmlCodec } from "@erpsync/codec"
import { ErpSync } from "@erpsync/schema"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { connectionResponse, defaultConnection, envelope } from "./support/envelope.js"

const decodeId = (text: string) =>
  XmlCodec.decodeResult(ErpSync.GetConnectionRequest)(
    envelope(`<GetConnection><ErpConnectionId>${text}</ErpConnectionId></GetConnection>`)
  ).pipe(Result.map((m) => m.Body.ErpConnectionId))

const decodeConnection = (members: string) =>
  XmlCodec.decodeResult(ErpSync.SaveConnectionResponse)(connectionResponse(members)).pipe(
    Result.map((m) => m.Body.Response)
  )

const reasonOf = <A>(result: Result.Result<A, { readonly _tag: string; readonly reason: string }>) =>
  Result.isFailure(result) ? `${result.failure._tag}/${result.failure.reason}` : "decoded"

describe("xs:int", () => {
  it.each([
    ["2147483647", 2147483647],
    ["-2147483648", -2147483648],
    [" 42 ", 42],
    ["\n\t42\r\n", 42],
    ["+5", 5],
    ["007", 7],
    ["-0", 0]
  ])("%j is %d", (text, value) => {
    expect(decodeId(text)).toStrictEqual(Result.succeed(value))
  })

  it.each(["2147483648", "-2147483649", "1e3", "", " ", "4 2", "4.0", "0x10", "++1", "42a", "٤٢"])(
    "%j is not an xs:int",
    (text) => {
      expect(reasonOf(decodeId(text))).toBe("XmlDecodeError/InvalidValue")
    }
  )

  it("encodes only 32-bit integers", () => {
    const encode = XmlCodec.encodeResult(ErpSync.GetConnectionRequest)
    expect(Result.isSuccess(encode({ Header: {}, Body: { ErpConnectionId: -2147483648 } }))).toBe(true)
    for (const bad of [2147483648, 1.5, Number.NaN]) {
      const result = encode({ Header: {}, Body: { ErpConnectionId: bad } })
      expect(Result.isFailure(result) && result.failure.path).toBe("/Envelope/Body/GetConnection/ErpConnectionId")
    }
  })
})

describe("xs:boolean", () => {
  it.each([["true", true], ["false", false], ["1", true], ["0", false], [" true ", true], ["\tfalse\n", false]])(
    "%j is %s",
    (text, value) => {
      expect(decodeConnection(`<Active>${text}</Active>`).pipe(Result.map((c) => c?.Active))).toStrictEqual(
        Result.succeed(value)
      )
    }
  )

  it.each(["TRUE", "True", "yes", "", "2", "t", "1 0"])("%j is not an xs:boolean", (text) => {
    expect(reasonOf(decodeConnection(`<Active>${text}</Active>`))).toBe("XmlDecodeError/InvalidValue")
  })
})

describe("xs:string", () => {
  it("is never trimmed or collapsed", () => {
    expect(
      decodeConnection(`<DisplayName>  two  spaces \n\t tab </DisplayName>`).pipe(Result.map((c) => c?.DisplayName))
    ).toStrictEqual(Result.succeed("  two  spaces \n\t tab "))
  })

  it("keeps a CR written as &#13; and normalises a literal CR LF to LF (XML 1.0 section 2.11)", () => {
    expect(
      decodeConnection(`<DisplayName>a&#13;b\r\nc\rd</DisplayName>`).pipe(Result.map((c) => c?.DisplayName))
    ).toStrictEqual(Result.succeed("a\rb\nc\nd"))
  })

  it("is the empty string for an empty element, and null for xsi:nil", () => {
    expect(decodeConnection(`<DisplayName/><ConnectionId i:nil="true"/>`)).toStrictEqual(
      Result.succeed({ ...defaultConnection, DisplayName: "", ConnectionId: null })
    )
  })

  it("reads CDATA sections and entity references", () => {
    expect(
      decodeConnection(`<DisplayName>&lt;a&amp;<![CDATA[<b>&amp;]]>&#x1F600;</DisplayName>`).pipe(
        Result.map((c) => c?.DisplayName)
      )
    ).toStrictEqual(Result.succeed("<a&<b>&amp;😀"))
  })
})

describe("xsi:nil", () => {
  it.each(["true", "1", " true "])("xsi:nil=%j is nil", (value) => {
    expect(decodeConnection(`<DisplayName i:nil="${value}"/>`).pipe(Result.map((c) => c?.DisplayName))).toStrictEqual(
      Result.succeed(null)
    )
  })

  it("works under any prefix", () => {
    expect(
      decodeConnection(`<DisplayName xmlns:q="http://www.w3.org/2001/XMLSchema-instance" q:nil="true"/>`).pipe(
        Result.map((c) => c?.DisplayName)
      )
    ).toStrictEqual(Result.succeed(null))
  })

  it("xsi:nil=\"false\" is not nil", () => {
    expect(decodeConnection(`<DisplayName i:nil="false">x</DisplayName>`).pipe(Result.map((c) => c?.DisplayName)))
      .toStrictEqual(Result.succeed("x"))
  })

  it("is refused on an element that is not nillable", () => {
    expect(reasonOf(decodeConnection(`<Active i:nil="true"/>`))).toBe("XmlDecodeError/InvalidNil")
  })

  it("is refused with content", () => {
    expect(reasonOf(decodeConnection(`<DisplayName i:nil="true">x</DisplayName>`))).toBe("XmlDecodeError/InvalidNil")
    expect(reasonOf(decodeConnection(`<TableRight i:nil="true"><Reason/></TableRight>`))).toBe(
      "XmlDecodeError/InvalidNil"
    )
  })

  it("only XML whitespace is collapsed around its value (a non-breaking space is not)", () => {
    expect(reasonOf(decodeConnection(`<DisplayName i:nil="&#xA0;true&#xA0;"/>`))).toBe("XmlDecodeError/InvalidNil")
  })

  it("is refused with a value that is not a boolean", () => {
    expect(reasonOf(decodeConnection(`<DisplayName i:nil="yes"/>`))).toBe("XmlDecodeError/InvalidNil")
  })

  it("is written for null", () => {
    const xml = Result.getOrThrow(
      XmlCodec.encodeResult(ErpSync.SaveConnectionRequest)({ Header: {}, Body: { Connection: null } })
    )
    expect(xml).toContain(`<Connection i:nil="true"/>`)
  })
})

describe("absent members (minOccurs=\"0\")", () => {
  it("decode to the type's default, as DataContractSerializer does", () => {
    expect(decodeConnection("")).toStrictEqual(Result.succeed(defaultConnection))
  })

  it("an absent body member decodes to its default", () => {
    expect(
      XmlCodec.decodeResult(ErpSync.GetConnectionRequest)(envelope("<GetConnection/>")).pipe(
        Result.map((m) => m.Body)
      )
    ).toStrictEqual(Result.succeed({ ErpConnectionId: 0 }))
  })

  it("a required member (minOccurs=1) that is absent is an error naming it", () => {
    const result = decodeConnection(
      `<ConfigFields><StringKeyValuePair><Key>k</Key></StringKeyValuePair></ConfigFields>`
    )
    expect(reasonOf(result)).toBe("XmlDecodeError/MissingElement")
    expect(Result.isFailure(result) && result.failure.path).toBe(
      "/Envelope/Body/SaveConnectionResponse/Response/ConfigFields/StringKeyValuePair[1]/Value"
    )
  })
})

describe("xs:list of an enumeration (ETableRight)", () => {
  const mask = (text: string) =>
    decodeConnection(`<TableRight><Mask>${text}</Mask></TableRight>`).pipe(Result.map((c) => c?.TableRight?.Mask))

  it("reads whitespace-separated tokens", () => {
    expect(mask(" Select\n Update  Delete ")).toStrictEqual(Result.succeed(["Select", "Update", "Delete"]))
  })

  it("an empty list is empty", () => {
    expect(mask("")).toStrictEqual(Result.succeed([]))
  })

  it("refuses a value outside the enumeration", () => {
    expect(reasonOf(mask("Select Bogus"))).toBe("XmlDecodeError/InvalidValue")
  })
})

describe("dictionaries (StringDictionary)", () => {
  const pairs = (items: ReadonlyArray<[string, string]>) =>
    `<ConfigFields>${
      items.map(([k, v]) => `<StringKeyValuePair><Key>${k}</Key><Value>${v}</Value></StringKeyValuePair>`).join("")
    }</ConfigFields>`

  it("keep their order and accept any key, __proto__ and constructor included", () => {
    const before = Object.getOwnPropertyNames(Object.prototype).length
    const result = decodeConnection(pairs([["z", "1"], ["__proto__", "2"], ["constructor", "3"], ["a", "4"]]))
    expect(result.pipe(Result.map((c) => c?.ConfigFields))).toStrictEqual(
      Result.succeed([
        { Key: "z", Value: "1" },
        { Key: "__proto__", Value: "2" },
        { Key: "constructor", Value: "3" },
        { Key: "a", Value: "4" }
      ])
    )
    expect(Object.getOwnPropertyNames(Object.prototype).length).toBe(before)
    expect(({} as Record<string, unknown>)["2"]).toBeUndefined()
  })

  it("reject a duplicate key when decoding", () => {
    const result = decodeConnection(pairs([["k", "1"], ["k", "2"]]))
    expect(reasonOf(result)).toBe("XmlDecodeError/InvalidValue")
    expect(Result.isFailure(result) && result.failure.message).toContain("duplicate key \"k\" at item 2")
    // The item named is the one that repeats an earlier key.
    const third = decodeConnection(pairs([["k", "1"], ["a", "2"], ["k", "3"]]))
    expect(Result.isFailure(third) && third.failure.message).toContain("duplicate key \"k\" at item 3")
  })

  it("reject a duplicate key when encoding", () => {
    const result = XmlCodec.encodeResult(ErpSync.SaveConnectionRequest)({
      Header: {},
      Body: { Connection: { ...defaultConnection, ConfigFields: [{ Key: "k", Value: "1" }, { Key: "k", Value: "2" }] } }
    })
    expect(Result.isFailure(result) && [result.failure.reason, result.failure.path]).toStrictEqual([
      "InvalidValue",
      "/Envelope/Body/SaveConnection/Connection/ConfigFields"
    ])
  })
})
