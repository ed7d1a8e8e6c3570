/**
 * One test per lexical rule of the XSD built-ins and the .NET serialization types the operations use
 * (XML Schema Part 2; the Serialization schema's restrictions): what reads, what is refused with the
 * typed error, what is written, and the JSON form the command line uses.
 */
import { DataContract, Xml, XmlCodec, Xsd } from "@erpsync/codec"
import * as Arbitrary from "@erpsync/codec/Arbitrary"
import { ErpSync, SoPrincipal } from "@erpsync/schema"
import * as Duration from "effect/Duration"
import * as Option from "effect/Option"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

const NS = "urn:test"

/** A document `<r><v>…</v></r>` whose `v` is of `type`. */
const documentOf = <A, I>(type: Schema.Codec<A, I>) =>
  Schema.Struct({ v: Xml.optionalElement(type) }).annotate({ ...Xml.root("r", NS), ...Xml.complexType("r", NS) })

const read = <A, I>(type: Schema.Codec<A, I>, text: string | undefined) =>
  XmlCodec.decodeResult(documentOf(type))(
    text === undefined ? `<r xmlns="${NS}"/>` : `<r xmlns="${NS}"><v>${text}</v></r>`
  ).pipe(Result.map((r) => r.v))

const write = <A, I>(type: Schema.Codec<A, I>, value: A) =>
  XmlCodec.encodeResult(documentOf(type))({ v: value }).pipe(
    Result.map((xml) => /<v>(.*)<\/v>|<v\/>/.exec(xml)![1] ?? "")
  )

const refused = <A>(
  result: Result.Result<A, { readonly _tag: string; readonly reason: string; readonly path: string }>
) =>
  Result.isFailure(result)
    ? `${result.failure._tag}/${result.failure.reason} at ${result.failure.path}`
    : `accepted ${String(result.success)}`

describe.each(
  [
    ["short", Xsd.short, -32768, 32767],
    ["byte", Xsd.byte, -128, 127],
    ["unsignedByte", Xsd.unsignedByte, 0, 255],
    ["unsignedShort", Xsd.unsignedShort, 0, 65535],
    ["unsignedInt", Xsd.unsignedInt, 0, 4294967295]
  ] as const
)("xs:%s", (_, type, min, max) => {
  it("reads its range, with xs:int's lexical rules", () => {
    expect(read(type, String(min))).toStrictEqual(Result.succeed(min))
    expect(read(type, ` +${String(max).padStart(12, "0")} `)).toStrictEqual(Result.succeed(max))
    expect(read(type, undefined)).toStrictEqual(Result.succeed(0))
  })

  it("refuses a value just outside it, on reading and writing", () => {
    for (const outside of [min - 1, max + 1]) {
      expect(refused(read(type, String(outside)))).toBe("XmlDecodeError/InvalidValue at /r/v")
      expect(refused(write(type, outside))).toBe("XmlEncodeError/InvalidValue at /r/v")
    }
    expect(refused(read(type, "1.0"))).toBe("XmlDecodeError/InvalidValue at /r/v")
  })
})

describe("xs:long and xs:unsignedLong, as bigint", () => {
  it("read the whole 64-bit range exactly, which a number could not", () => {
    expect(read(Xsd.long, "9223372036854775807")).toStrictEqual(Result.succeed(9223372036854775807n))
    expect(read(Xsd.long, " -9223372036854775808\n")).toStrictEqual(Result.succeed(-9223372036854775808n))
    expect(read(Xsd.long, "+007")).toStrictEqual(Result.succeed(7n))
    expect(read(Xsd.unsignedLong, "18446744073709551615")).toStrictEqual(Result.succeed(18446744073709551615n))
    expect(read(Xsd.long, undefined)).toStrictEqual(Result.succeed(0n))
  })

  it.each(["9223372036854775808", "-9223372036854775809", "1e3", "", "4 2", "0x10", "1.0"])(
    "refuse %j as an xs:long",
    (text) => {
      expect(refused(read(Xsd.long, text))).toBe("XmlDecodeError/InvalidValue at /r/v")
    }
  )

  it("refuse a negative xs:unsignedLong, and write only values in range", () => {
    expect(refused(read(Xsd.unsignedLong, "-1"))).toBe("XmlDecodeError/InvalidValue at /r/v")
    expect(write(Xsd.long, -9223372036854775808n)).toStrictEqual(Result.succeed("-9223372036854775808"))
    expect(refused(write(Xsd.long, 2n ** 63n))).toBe("XmlEncodeError/InvalidValue at /r/v")
  })

  it("have the decimal string as their JSON form, read by the same rules as the XML text", () => {
    expect(Schema.encodeSync(Xsd.long)(-12n)).toBe("-12")
    expect(Schema.decodeUnknownSync(Xsd.long)("9223372036854775807")).toBe(9223372036854775807n)
    for (const bad of ["0x10", "9223372036854775808", "1e3", ""]) {
      expect(() => Schema.decodeUnknownSync(Xsd.long)(bad), bad).toThrow()
    }
  })
})

describe("xs:float", () => {
  it("reads text as the nearest 32-bit float, INF, -INF and NaN included", () => {
    expect(read(Xsd.float, "0.1")).toStrictEqual(Result.succeed(Math.fround(0.1)))
    expect(read(Xsd.float, " -INF ")).toStrictEqual(Result.succeed(Number.NEGATIVE_INFINITY))
    expect(read(Xsd.float, "NaN")).toStrictEqual(Result.succeed(Number.NaN))
    expect(refused(read(Xsd.float, "inf"))).toBe("XmlDecodeError/InvalidValue at /r/v")
  })

  it("rounds the text's exact value once: a text whose double is a midpoint between two floats", () => {
    // 1 + 2^-24 is halfway between the floats 1 and 1 + 2^-23; this text is a little above it, this one below.
    expect(read(Xsd.float, "1.0000000596046448")).toStrictEqual(Result.succeed(1 + 2 ** -23))
    expect(read(Xsd.float, "1.0000000596046447")).toStrictEqual(Result.succeed(1))
    expect(read(Xsd.float, "-1.0000000596046448")).toStrictEqual(Result.succeed(-(1 + 2 ** -23)))
    // Exactly halfway: to even.
    expect(read(Xsd.float, "1.000000059604644775390625")).toStrictEqual(Result.succeed(1))
    // Beyond the largest float, INF; below half the smallest, zero.
    expect(read(Xsd.float, "1e39")).toStrictEqual(Result.succeed(Number.POSITIVE_INFINITY))
    expect(read(Xsd.float, "1e-46")).toStrictEqual(Result.succeed(0))
  })

  it("writes the fewest digits that read back as the same float, and refuses a number that is not one", () => {
    expect(write(Xsd.float, Math.fround(0.1))).toStrictEqual(Result.succeed("0.1"))
    expect(write(Xsd.float, Math.fround(1 / 3))).toStrictEqual(Result.succeed("0.33333334"))
    expect(write(Xsd.float, 2 ** -149)).toStrictEqual(Result.succeed("1e-45"))
    expect(write(Xsd.float, 3.4028234663852886e38)).toStrictEqual(Result.succeed("3.4028235e+38"))
    expect(refused(write(Xsd.float, 0.1))).toBe("XmlEncodeError/InvalidValue at /r/v")
  })
})

describe("xs:decimal, kept as its lexical form", () => {
  it.each([["  -1.50 ", "-1.50"], [".5", ".5"], [".25", ".25"], ["007", "007"], ["+1.", "+1."]])(
    "%j is %j",
    (text, value) => {
      expect(read(Xsd.decimal, text)).toStrictEqual(Result.succeed(value))
    }
  )

  it.each(["1e3", ".", "", "1.2.3", "INF"])("%j is not an xs:decimal", (text) => {
    expect(refused(read(Xsd.decimal, text))).toBe("XmlDecodeError/InvalidValue at /r/v")
  })

  it("is written only when it is one", () => {
    expect(refused(write(Xsd.decimal, "1e3"))).toBe("XmlEncodeError/InvalidValue at /r/v")
    expect(read(Xsd.decimal, undefined)).toStrictEqual(Result.succeed("0"))
  })
})

describe("xs:base64Binary", () => {
  it("reads the canonical alphabet with padding, ignoring whitespace", () => {
    expect(read(Xsd.base64Binary, "AQID")).toStrictEqual(Result.succeed(new Uint8Array([1, 2, 3])))
    expect(read(Xsd.base64Binary, " AQ ID\r\n")).toStrictEqual(Result.succeed(new Uint8Array([1, 2, 3])))
    expect(read(Xsd.base64Binary, "AQIDBA==")).toStrictEqual(Result.succeed(new Uint8Array([1, 2, 3, 4])))
    expect(read(Xsd.base64Binary, "")).toStrictEqual(Result.succeed(new Uint8Array(0)))
  })

  it.each(["AQI", "AQ=D", "A===", "AR==", "AQJ=", "AQ_D", "AQ-D"])(
    "refuses %j (length, padding, spare bits, alphabet)",
    (text) => {
      expect(refused(read(Xsd.base64Binary, text))).toBe("XmlDecodeError/InvalidValue at /r/v")
    }
  )

  it("writes the canonical form, and its JSON form is the base64 text", () => {
    expect(write(Xsd.base64Binary, new Uint8Array([1, 2, 3, 4, 255]))).toStrictEqual(Result.succeed("AQIDBP8="))
    expect(Schema.encodeSync(Xsd.base64Binary)(new Uint8Array([1, 2, 3]))).toBe("AQID")
  })

  it("an absent element is a new empty array each time, never a shared one", () => {
    const a = Result.getOrThrow(read(Xsd.base64Binary, undefined))
    const b = Result.getOrThrow(read(Xsd.base64Binary, undefined))
    expect(a).toStrictEqual(new Uint8Array(0))
    expect(a).not.toBe(b)
  })
})

describe("xs:anyURI", () => {
  it("is the text with its whitespace collapsed; a value that collapsing would change is not written", () => {
    expect(read(Xsd.anyURI, "  https://erp.example/a b \n")).toStrictEqual(Result.succeed("https://erp.example/a b"))
    expect(refused(write(Xsd.anyURI, " https://erp.example"))).toBe("XmlEncodeError/InvalidValue at /r/v")
  })
})

describe("ser:duration, a TimeSpan, as an Effect Duration", () => {
  const ticks = (n: bigint) => Duration.nanos(n * 100n)

  it.each([
    ["PT5M", Duration.minutes(5)],
    [" P1DT2H3M4.5S ", Duration.sum(Duration.days(1), Duration.millis(2 * 3600_000 + 3 * 60_000 + 4500))],
    ["PT0S", Duration.zero],
    ["-PT0S", Duration.zero],
    ["PT1.0000001S", ticks(10_000_001n)],
    ["PT1.000000100S", ticks(10_000_001n)],
    ["PT.5S", Duration.millis(500)],
    ["P10675199DT2H48M5.4775807S", ticks(2n ** 63n - 1n)]
  ])("%j is %s", (text, value) => {
    const decoded = Result.getOrThrow(read(DataContract.duration, text))
    expect(Duration.equals(decoded, value)).toBe(true)
  })

  it.each([
    ["P1Y", "years"],
    ["P1M", "months"],
    ["P", "no part"],
    ["PT", "T with no part"],
    ["P1DT", "T with no part"],
    ["PT1H2", "a number without its unit"],
    ["PT1.00000001S", "finer than a tick"],
    ["P10675199DT2H48M5.4775808S", "beyond a TimeSpan"],
    ["-PT1S", "negative, which a Duration cannot be"],
    ["5 minutes", "not a duration"]
  ])("%j is refused (%s)", (text) => {
    expect(refused(read(DataContract.duration, text))).toBe("XmlDecodeError/InvalidValue at /r/v")
  })

  it("is written as .NET writes a TimeSpan; a Duration finer than a tick or infinite is refused", () => {
    expect(write(DataContract.duration, Duration.zero)).toStrictEqual(Result.succeed("PT0S"))
    expect(write(DataContract.duration, Duration.millis(1500))).toStrictEqual(Result.succeed("PT1.5S"))
    expect(write(DataContract.duration, Duration.sum(Duration.days(2), Duration.minutes(1)))).toStrictEqual(
      Result.succeed("P2DT1M")
    )
    expect(write(DataContract.duration, ticks(2n ** 63n - 1n))).toStrictEqual(
      Result.succeed("P10675199DT2H48M5.4775807S")
    )
    expect(refused(write(DataContract.duration, Duration.nanos(150n)))).toBe("XmlEncodeError/InvalidValue at /r/v")
    expect(refused(write(DataContract.duration, Duration.infinity))).toBe("XmlEncodeError/InvalidValue at /r/v")
    expect(refused(write(DataContract.duration, ticks(2n ** 63n)))).toBe("XmlEncodeError/InvalidValue at /r/v")
  })

  it("an absent element is zero, and the JSON form is the text", () => {
    expect(Result.map(read(DataContract.duration, undefined), Duration.isZero)).toStrictEqual(Result.succeed(true))
    expect(Schema.encodeSync(DataContract.duration)(Duration.minutes(90))).toBe("PT1H30M")
    expect(Duration.toMinutes(Schema.decodeUnknownSync(DataContract.duration)("PT15M"))).toBe(15)
  })
})

describe("ser:guid", () => {
  it("reads the 8-4-4-4-12 form in either case, kept as written, and is never trimmed (a restriction of xs:string)", () => {
    expect(read(DataContract.guid, "3f2504e0-4F89-11d3-9a0c-0305e82c3301")).toStrictEqual(
      Result.succeed("3f2504e0-4F89-11d3-9a0c-0305e82c3301")
    )
    for (
      const bad of [
        " 3f2504e0-4f89-11d3-9a0c-0305e82c3301",
        "{3f2504e0-4f89-11d3-9a0c-0305e82c3301}",
        "3f2504e04f8911d39a0c0305e82c3301"
      ]
    ) {
      expect(refused(read(DataContract.guid, bad)), bad).toBe("XmlDecodeError/InvalidValue at /r/v")
    }
    expect(read(DataContract.guid, undefined)).toStrictEqual(Result.succeed("00000000-0000-0000-0000-000000000000"))
  })
})

describe("ser:char, one UTF-16 code unit carried as its number", () => {
  it("reads 0 to 65535, as xs:int is read", () => {
    expect(read(DataContract.char, " 65 ")).toStrictEqual(Result.succeed("A"))
    expect(read(DataContract.char, "0")).toStrictEqual(Result.succeed("\u0000"))
    expect(read(DataContract.char, "55296")).toStrictEqual(Result.succeed("\uD800"))
    for (const bad of ["65536", "-1", "A", ""]) {
      expect(refused(read(DataContract.char, bad)), bad).toBe("XmlDecodeError/InvalidValue at /r/v")
    }
  })

  it("writes a code unit XML text could not carry, and refuses more than one", () => {
    expect(write(DataContract.char, "\u0001")).toStrictEqual(Result.succeed("1"))
    expect(refused(write(DataContract.char, "AB"))).toBe("XmlEncodeError/InvalidValue at /r/v")
    expect(Schema.encodeSync(DataContract.char)("A")).toBe(65)
  })
})

describe("dictionaries of complex values (FieldPropertyDictionary)", () => {
  const response = (pairs: string) =>
    `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><s:Body>` +
    `<GetConnectionResponse xmlns="http://www.superoffice.net/ws/crm/NetServer/Services86"><Response><FieldProperties>${pairs}` +
    `</FieldProperties></Response></GetConnectionResponse></s:Body></s:Envelope>`
  const decode = (pairs: string) =>
    XmlCodec.decodeResult(ErpSync.GetConnectionResponse)(response(pairs)).pipe(
      Result.map((m) => m.Body.Response?.FieldProperties)
    )
  const pair = (key: string, value: string) =>
    `<FieldPropertyDictionaryKeyValuePair><Key>${key}</Key>${value}</FieldPropertyDictionaryKeyValuePair>`

  it("keeps the order of the pairs, nil values and the complex values' defaults", () => {
    expect(decode(pair("b", `<Value><FieldLength>5</FieldLength></Value>`) + pair("a", `<Value i:nil="true"/>`)))
      .toStrictEqual(Result.succeed([
        { Key: "b", Value: { FieldRight: null, FieldType: null, FieldLength: 5 } },
        { Key: "a", Value: null }
      ]))
  })

  it("refuses a key twice, a Value before its Key, and a Value of the wrong type", () => {
    expect(refused(decode(pair("a", `<Value/>`) + pair("a", `<Value/>`)))).toBe(
      "XmlDecodeError/InvalidValue at /Envelope/Body/GetConnectionResponse/Response/FieldProperties"
    )
    expect(
      refused(decode(`<FieldPropertyDictionaryKeyValuePair><Value/><Key>a</Key></FieldPropertyDictionaryKeyValuePair>`))
    )
      .toBe(
        "XmlDecodeError/OutOfOrder at /Envelope/Body/GetConnectionResponse/Response/FieldProperties/FieldPropertyDictionaryKeyValuePair[1]/Key"
      )
    expect(refused(decode(pair("a", `<Value><FieldLength>long</FieldLength></Value>`)))).toBe(
      "XmlDecodeError/InvalidValue at /Envelope/Body/GetConnectionResponse/Response/FieldProperties/FieldPropertyDictionaryKeyValuePair[1]/Value/FieldLength"
    )
  })
})

describe("dictionaries whose keys are not strings", () => {
  const ByLong = DataContract.dictionary({ name: "L", namespace: NS, pair: "P", value: Xsd.string, key: Xsd.long })
  const ByStruct = DataContract.dictionary({
    name: "S",
    namespace: NS,
    pair: "P",
    value: Xsd.string,
    key: Schema.Struct({ A: Xsd.int }).annotate(Xml.complexType("K", NS))
  })

  it("refuse a key twice, compared by value (a bigint, a struct's members), with the typed error", () => {
    const pair = (key: string) => `<P><Key>${key}</Key><Value>v</Value></P>`
    expect(refused(read(ByLong, pair("5") + pair(" +5 ")))).toBe("XmlDecodeError/InvalidValue at /r/v")
    expect(read(ByLong, pair("5") + pair("6"))).toStrictEqual(
      Result.succeed([{ Key: 5n, Value: "v" }, { Key: 6n, Value: "v" }])
    )
    expect(refused(read(ByStruct, pair("<A>1</A>") + pair("<A>1</A>")))).toBe("XmlDecodeError/InvalidValue at /r/v")
    expect(refused(write(ByStruct, [{ Key: { A: 1 }, Value: "a" }, { Key: { A: 1 }, Value: "b" }]))).toBe(
      "XmlEncodeError/InvalidValue at /r/v"
    )
  })
})

describe("a struct that is a .NET value type (DSAParameters)", () => {
  const key = (content: string | undefined) =>
    XmlCodec.decodeResult(SoPrincipal.SignedPublicKey.annotate(Xml.root("PublicKey", NS_86)))(
      `<PublicKey xmlns="${NS_86}" xmlns:c="${CRYPTOGRAPHY}">${content ?? ""}</PublicKey>`
    ).pipe(Result.map((k) => k.Key))

  it("is, when absent, the struct of its members' defaults: a new one each time", () => {
    const a = Result.getOrThrow(key(undefined))
    expect(a).toStrictEqual({ Counter: 0, G: null, J: null, P: null, Q: null, Seed: null, Y: null })
    expect(a).not.toBe(Result.getOrThrow(key(undefined)))
  })

  it("needs its required members, in its own namespace", () => {
    const members = `<c:G i:nil="true" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"/>`
    expect(refused(key(`<Key>${members}</Key>`))).toBe("XmlDecodeError/MissingElement at /PublicKey/Key/Counter")
    // A Counter in the service's namespace is not the Cryptography schema's: it is skipped, and missing.
    expect(refused(key(`<Key><Counter>1</Counter></Key>`))).toBe(
      "XmlDecodeError/MissingElement at /PublicKey/Key/Counter"
    )
  })
})

const NS_86 = "http://www.superoffice.net/ws/crm/NetServer/Services86"
const CRYPTOGRAPHY = "http://schemas.datacontract.org/2004/07/System.Security.Cryptography"

describe("the built-ins as Effect Schemas (their JSON side, their names and their generators)", () => {
  const XS = "http://www.w3.org/2001/XMLSchema"
  const simpleTypeOf = (schema: Schema.Top) =>
    AST.resolveAt<Xml.SimpleTypeAnnotation>("@erpsync/codec/SimpleType")(schema.ast)?.name
  const builtins = [
    ["string", Xsd.string],
    ["int", Xsd.int],
    ["short", Xsd.short],
    ["byte", Xsd.byte],
    ["unsignedByte", Xsd.unsignedByte],
    ["unsignedShort", Xsd.unsignedShort],
    ["unsignedInt", Xsd.unsignedInt],
    ["long", Xsd.long],
    ["unsignedLong", Xsd.unsignedLong],
    ["float", Xsd.float],
    ["decimal", Xsd.decimal],
    ["base64Binary", Xsd.base64Binary],
    ["anyURI", Xsd.anyURI],
    ["boolean", Xsd.boolean],
    ["double", Xsd.double],
    ["dateTime", Xsd.dateTime]
  ] as const

  it.each(builtins)("xs:%s is named as in XML Schema Part 2, and says what it holds", (name, schema) => {
    expect(simpleTypeOf(schema)).toStrictEqual({ namespace: XS, name })
    expect(AST.resolveIdentifier(schema.ast)).toBe(`xs:${name}`)
    expect(AST.resolveDescription(schema.ast) ?? "").not.toBe("")
  })

  it.each(
    [
      ["int", Xsd.int, -2147483648, 2147483647],
      ["short", Xsd.short, -32768, 32767],
      ["byte", Xsd.byte, -128, 127],
      ["unsignedByte", Xsd.unsignedByte, 0, 255],
      ["unsignedShort", Xsd.unsignedShort, 0, 65535],
      ["unsignedInt", Xsd.unsignedInt, 0, 4294967295]
    ] as const
  )("xs:%s refuses a JSON number outside its range, and the message gives the range", (_, schema, min, max) => {
    const decode = Schema.decodeUnknownResult(schema)
    expect(decode(min)).toStrictEqual(Result.succeed(min))
    expect(decode(max)).toStrictEqual(Result.succeed(max))
    const outside = decode(max + 1)
    expect(Result.isFailure(outside) && outside.failure.message).toContain(`a value between ${min} and ${max}`)
  })

  it("xs:long and xs:unsignedLong: the JSON form refuses one past either end, and says so", () => {
    for (
      const [schema, min, max] of [
        [Xsd.long, -(2n ** 63n), 2n ** 63n - 1n],
        [Xsd.unsignedLong, 0n, 2n ** 64n - 1n]
      ] as const
    ) {
      const decode = Schema.decodeUnknownResult(schema)
      expect(decode(String(max))).toStrictEqual(Result.succeed(max))
      expect(decode(String(min))).toStrictEqual(Result.succeed(min))
      expect(refused(read(schema, String(max + 1n)))).toBe("XmlDecodeError/InvalidValue at /r/v")
      expect(refused(read(schema, String(min - 1n)))).toBe("XmlDecodeError/InvalidValue at /r/v")
      const outside = decode(String(max + 1n))
      expect(Result.isFailure(outside) && outside.failure.message).toContain(`${min} to ${max}`)
    }
  })

  it("xs:float's JSON side takes only numbers a 32-bit float holds, and says why it refuses one", () => {
    const decode = Schema.decodeUnknownResult(Xsd.float)
    for (const n of [0.5, -0, 3.4028234663852886e38, Number.NaN, Infinity]) {
      expect(decode(n)).toStrictEqual(Result.succeed(n))
    }
    const refusal = decode(0.1)
    expect(Result.isFailure(refusal) && refusal.failure.message).toContain("not a 32-bit float")
  })

  it("xs:anyURI's JSON side takes only text whitespace collapsing keeps, and says why it refuses one", () => {
    const decode = Schema.decodeUnknownResult(Xsd.anyURI)
    expect(decode("https://erp.example/a b")).toStrictEqual(Result.succeed("https://erp.example/a b"))
    for (const text of [" https://erp.example", "a  b", "a\tb"]) {
      const refusal = decode(text)
      expect(Result.isFailure(refusal) && refusal.failure.message, text).toContain("whitespace collapsing")
    }
  })

  const samples = <A, I>(schema: Schema.Codec<A, I>) => fc.sample(Arbitrary.make(schema), { numRuns: 300, seed: 7 })

  it("the generators stay within their types", () => {
    expect(samples(Xsd.float).every((n) => Number.isNaN(n) || Object.is(Math.fround(n), n))).toBe(true)
    expect(samples(Xsd.anyURI).every((s) => Xsd.collapse(s) === s)).toBe(true)
    const dateTimes = samples(Xsd.dateTime)
    expect(dateTimes.every((s) => Result.isSuccess(read(Xsd.dateTime, s)))).toBe(true)
  })
})

describe("xs:dateTime", () => {
  it.each([
    "2026-01-05T00:00:00",
    "0001-01-01T00:00:00",
    "2026-09-30T23:59:59.5Z",
    "12026-02-09T09:09:09-14:00",
    "-0044-03-15T12:00:00+05:30"
  ])("reads %j, kept as written", (text) => {
    expect(read(Xsd.dateTime, ` ${text}\n`)).toStrictEqual(Result.succeed(text))
    expect(write(Xsd.dateTime, text)).toStrictEqual(Result.succeed(text))
  })

  it.each([
    "x2026-01-05T00:00:00",
    "2026-01-05T00:00:00x",
    "2026-01-05T00:00:00Z+01:00",
    "2026-00-05T00:00:00",
    "2026-01-00T00:00:00",
    "2026-01-32T00:00:00",
    "2026-01-05T24:00:00",
    "2026-01-05T00:60:00",
    "2026-01-05T00:00:60",
    "2026-01-05T00:00:00+15:00",
    "2026-01-05 00:00:00",
    "2026-01-05"
  ])("%j is not an xs:dateTime, neither read nor written", (text) => {
    expect(refused(read(Xsd.dateTime, text))).toBe("XmlDecodeError/InvalidValue at /r/v")
    expect(refused(write(Xsd.dateTime, text))).toBe("XmlEncodeError/InvalidValue at /r/v")
  })

  it("an absent element is .NET's DateTime.MinValue", () => {
    expect(read(Xsd.dateTime, undefined)).toStrictEqual(Result.succeed("0001-01-01T00:00:00"))
  })
})

describe("xs:list", () => {
  const Rights = Xsd.list(["Select", "Update"], "Rights", NS)

  it("an absent element is a new empty list each time", () => {
    const first = read(Rights, undefined)
    const second = read(Rights, undefined)
    expect(first).toStrictEqual(Result.succeed([]))
    expect(Result.getOrThrow(first)).not.toBe(Result.getOrThrow(second))
  })

  it("a list type's own default is kept, a copy each time", () => {
    const Colours = Schema.Array(Schema.String).annotate(Xsd.simpleType<ReadonlyArray<string>>({
      name: "Colours",
      namespace: NS,
      parse: (text) => ({ ok: true, value: text.split(" ") }),
      format: (value) => ({ ok: true, value: value.join(" ") }),
      default: ["Red", "Blue"]
    }))
    const first = read(Colours, undefined)
    expect(first).toStrictEqual(Result.succeed(["Red", "Blue"]))
    expect(Result.getOrThrow(first)).not.toBe(Result.getOrThrow(read(Colours, undefined)))
  })

  it("is written as its tokens separated by single spaces", () => {
    expect(write(Rights, ["Update", "Select"])).toStrictEqual(Result.succeed("Update Select"))
    expect(write(Rights, [])).toStrictEqual(Result.succeed(""))
  })
})

describe("lexical rules at their corners", () => {
  const isZero = (result: Result.Result<unknown, unknown>) => Result.isSuccess(result) && Object.is(result.success, 0)

  it("an integer type has a single zero: -0, with whitespace or leading zeros, reads as 0", () => {
    for (const text of [" -0 ", "-00", "+0", "-0"]) expect(isZero(read(Xsd.int, text)), text).toBe(true)
    expect(write(Xsd.int, -0)).toStrictEqual(Result.succeed("0"))
  })

  it("xs:double reads INF, +INF, -INF, NaN and the decimal and exponent forms; nothing else", () => {
    expect(read(Xsd.double, "INF")).toStrictEqual(Result.succeed(Infinity))
    expect(read(Xsd.double, " +INF ")).toStrictEqual(Result.succeed(Infinity))
    expect(read(Xsd.double, "-INF")).toStrictEqual(Result.succeed(-Infinity))
    expect(read(Xsd.double, "NaN")).toStrictEqual(Result.succeed(Number.NaN))
    for (
      const [text, value] of [["12", 12], [".55", 0.55], ["-1.5e10", -1.5e10], ["1.", 1], ["+3E-2", 0.03]] as const
    ) {
      expect(read(Xsd.double, text), text).toStrictEqual(Result.succeed(value))
    }
    for (const text of ["1x", "x1", "1e", "e1", ".", "", "1.5.2", "Infinity", "inf", "1 2"]) {
      expect(refused(read(Xsd.double, text)), text).toBe("XmlDecodeError/InvalidValue at /r/v")
    }
    expect(read(Xsd.float, "INF")).toStrictEqual(Result.succeed(Infinity))
    expect(read(Xsd.float, "+INF")).toStrictEqual(Result.succeed(Infinity))
  })

  it("xs:double and xs:float write INF, -INF, NaN and -0 by XML Schema's names, numbers as JavaScript prints them", () => {
    for (const type of [Xsd.double, Xsd.float]) {
      expect(write(type, Infinity)).toStrictEqual(Result.succeed("INF"))
      expect(write(type, -Infinity)).toStrictEqual(Result.succeed("-INF"))
      expect(write(type, Number.NaN)).toStrictEqual(Result.succeed("NaN"))
      expect(write(type, -0)).toStrictEqual(Result.succeed("-0"))
      expect(write(type, 0)).toStrictEqual(Result.succeed("0"))
      expect(write(type, 1.5)).toStrictEqual(Result.succeed("1.5"))
    }
    expect(write(Xsd.double, 0.1)).toStrictEqual(Result.succeed("0.1"))
    // This float needs nine significant digits: eight read back as its neighbour.
    expect(Math.fround(10.190845)).not.toBe(Math.fround(10.1908455))
    expect(write(Xsd.float, Math.fround(10.1908455))).toStrictEqual(Result.succeed("10.1908455"))
  })

  it("a value of the wrong JavaScript type is refused by every simple type's writer", () => {
    const cases: ReadonlyArray<readonly [string, Schema.Codec<never, unknown>, unknown]> = [
      ["boolean", Xsd.boolean as never, "yes"],
      ["double", Xsd.double as never, "1"],
      ["float", Xsd.float as never, "1"],
      ["decimal", Xsd.decimal as never, 5],
      ["anyURI", Xsd.anyURI as never, 5],
      ["long", Xsd.long as never, 5],
      ["list", Xsd.list(["Select", "Update"], "Rights", NS) as never, new Set(["Select"])]
    ]
    for (const [name, type, value] of cases) {
      expect(refused(write(type, value as never)), name).toBe("XmlEncodeError/InvalidValue at /r/v")
    }
    expect(write(Xsd.anyURI, "https://erp.example/a b")).toStrictEqual(Result.succeed("https://erp.example/a b"))
  })

  it("xs:long writes only its range", () => {
    expect(refused(write(Xsd.long, -(2n ** 63n) - 1n))).toBe("XmlEncodeError/InvalidValue at /r/v")
    expect(refused(write(Xsd.long, 2n ** 63n))).toBe("XmlEncodeError/InvalidValue at /r/v")
    expect(write(Xsd.long, -(2n ** 63n))).toStrictEqual(Result.succeed("-9223372036854775808"))
  })

  it("an xs:list item that is not a value, empty or holds whitespace cannot be written", () => {
    const Odd = Xsd.list(["", "A B", "C"], "Odd", NS)
    for (const items of [[""], ["A B"], ["C", "D"]] as const) {
      expect(refused(write(Odd, items as never)), JSON.stringify(items)).toBe("XmlEncodeError/InvalidValue at /r/v")
    }
    expect(write(Odd, ["C", "C"])).toStrictEqual(Result.succeed("C C"))
  })
})

describe("xs:base64Binary and ser:duration against oracles", () => {
  const base64Character = fc.constantFrom(
    ..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=".split(""),
    "A",
    "Q",
    "g",
    "w"
  )

  it("writes what Node's Buffer writes, and reads it back, with whitespace anywhere", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(" ", "\n", "\t", "\r\n")), {
          maxLength: 4
        }),
        (bytes, spaces) => {
          const text = Buffer.from(bytes).toString("base64")
          expect(write(Xsd.base64Binary, bytes)).toStrictEqual(Result.succeed(text))
          let spaced = text
          for (const [at, space] of spaces) {
            const i = at % (spaced.length + 1)
            spaced = spaced.slice(0, i) + space + spaced.slice(i)
          }
          const decoded = read(Xsd.base64Binary, spaced)
          expect(Result.map(decoded, (b) => Buffer.from(b).toString("hex"))).toStrictEqual(
            Result.succeed(Buffer.from(bytes).toString("hex"))
          )
        }
      ),
      { numRuns: 300, seed: 11 }
    )
  })

  it("reads exactly the canonical texts: those Buffer writes back unchanged", () => {
    fc.assert(
      fc.property(fc.array(base64Character, { maxLength: 12 }).map((cs) => cs.join("")), (text) => {
        const canonical = text.length % 4 === 0 && Buffer.from(text, "base64").toString("base64") === text
        const decoded = read(Xsd.base64Binary, text)
        expect(Result.isSuccess(decoded), text).toBe(canonical)
        if (Result.isSuccess(decoded)) {
          expect(Buffer.from(decoded.success).toString("base64")).toBe(text)
        }
      }),
      { numRuns: 2000, seed: 12 }
    )
  })

  it("a TimeSpan is written canonically and read back to the same number of ticks", () => {
    const TICKS_PER_SECOND = 10_000_000n
    const oracle = (ticks: bigint): string => {
      // Days, hours, minutes and seconds by plain division, each part only when it is not zero.
      if (ticks === 0n) return "PT0S"
      const day = 86_400n * TICKS_PER_SECOND
      const parts = [
        ticks / day,
        (ticks % day) / (3600n * TICKS_PER_SECOND),
        (ticks % (3600n * TICKS_PER_SECOND)) / (60n * TICKS_PER_SECOND)
      ]
      const rest = ticks % (60n * TICKS_PER_SECOND)
      const seconds = rest === 0n
        ? ""
        : `${rest / TICKS_PER_SECOND}${
          rest % TICKS_PER_SECOND === 0n
            ? ""
            : "." + String(rest % TICKS_PER_SECOND).padStart(7, "0").replace(/0+$/, "")
        }S`
      const time = (parts[1]! > 0n ? `${parts[1]}H` : "") + (parts[2]! > 0n ? `${parts[2]}M` : "") + seconds
      return `P${parts[0]! > 0n ? `${parts[0]}D` : ""}${time === "" ? "" : `T${time}`}`
    }
    const ticks = fc.oneof(
      fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }),
      fc.bigInt({ min: 0n, max: 100_000n * TICKS_PER_SECOND }),
      fc.constantFrom(0n, 1n, TICKS_PER_SECOND, 60n * TICKS_PER_SECOND, 2n ** 63n - 1n)
    )
    fc.assert(
      fc.property(ticks, (n) => {
        const value = Duration.nanos(n * 100n)
        const text = oracle(n)
        expect(write(DataContract.duration, value)).toStrictEqual(Result.succeed(text))
        const decoded = read(DataContract.duration, text)
        expect(Result.map(decoded, (d) => Duration.toNanos(d))).toStrictEqual(Result.succeed(Option.some(n * 100n)))
      }),
      { numRuns: 500, seed: 13 }
    )
  })

  it.each([
    ["P1D", 86_400n * 10_000_000n],
    ["PT1H", 3600n * 10_000_000n],
    ["PT1M", 60n * 10_000_000n],
    ["PT1S", 10_000_000n],
    ["PT0.0000001S", 1n],
    ["PT1.S", 10_000_000n],
    ["P0D", 0n],
    ["PT0H0M0S", 0n],
    ["-P10675199DT2H48M5.4775808S", undefined],
    ["PT9223372036854775807S", undefined],
    ["P1DT", undefined],
    ["PT.S", undefined],
    ["P1H", undefined],
    ["PT1D", undefined],
    ["PT1M1H", undefined],
    ["P-1D", undefined],
    ["PT1,5S", undefined]
  ])("%j is %s ticks", (text, expected) => {
    const decoded = read(DataContract.duration, text)
    if (expected === undefined) expect(refused(decoded)).toBe("XmlDecodeError/InvalidValue at /r/v")
    else {expect(Result.map(decoded, (d) => Duration.toNanos(d))).toStrictEqual(
        Result.succeed(Option.some(expected * 100n))
      )}
  })

  it("a Duration's writer refuses what is not a Duration", () => {
    expect(refused(write(DataContract.duration, 5 as never))).toBe("XmlEncodeError/InvalidValue at /r/v")
  })
})

describe("xs:float reading against an exact oracle", () => {
  // A float32 as an exact rational: mantissa · 2^exponent, from its bits.
  const bitsOf = (f: number) => {
    const view = new DataView(new ArrayBuffer(4))
    view.setFloat32(0, f)
    return view.getUint32(0)
  }
  const floatOfBits = (bits: number) => {
    const view = new DataView(new ArrayBuffer(4))
    view.setUint32(0, bits >>> 0)
    return view.getFloat32(0)
  }
  const exact = (f: number): { n: bigint; d: bigint } => {
    const bits = bitsOf(Math.abs(f))
    const biased = bits >>> 23
    const fraction = BigInt(bits & 0x7fffff)
    const mantissa = biased === 0 ? fraction : fraction | (1n << 23n)
    const e = (biased === 0 ? 1 : biased) - 150
    return e >= 0 ? { n: mantissa << BigInt(e), d: 1n } : { n: mantissa, d: 1n << BigInt(-e) }
  }
  // A decimal text (no sign) as an exact rational.
  const rationalOf = (text: string): { n: bigint; d: bigint } => {
    const [mantissa = "", exponent = "0"] = text.toLowerCase().split("e")
    const [whole = "", fraction = ""] = mantissa.split(".")
    const e = Number(exponent) - fraction.length
    const digits = BigInt(whole + fraction || "0")
    return e >= 0 ? { n: digits * 10n ** BigInt(e), d: 1n } : { n: digits, d: 10n ** BigInt(-e) }
  }
  const distance = (a: { n: bigint; d: bigint }, b: { n: bigint; d: bigint }) => {
    const n = a.n * b.d - b.n * a.d
    return { n: n < 0n ? -n : n, d: a.d * b.d }
  }
  const less = (a: { n: bigint; d: bigint }, b: { n: bigint; d: bigint }) => a.n * b.d < b.n * a.d
  const same = (a: { n: bigint; d: bigint }, b: { n: bigint; d: bigint }) => a.n * b.d === b.n * a.d
  /** The float32 nearest to a positive decimal text below the largest float, ties to the even mantissa. */
  const nearest = (text: string): number => {
    const r = rationalOf(text)
    const guess = Math.fround(Number(text))
    const candidates = [-2, -1, 0, 1, 2].map((k) => floatOfBits(bitsOf(guess) + k)).filter((f) =>
      f >= 0 && Number.isFinite(f)
    )
    let best = candidates[0]!
    for (const f of candidates.slice(1)) {
      const df = distance(r, exact(f))
      const db = distance(r, exact(best))
      if (less(df, db) || (same(df, db) && (bitsOf(f) & 1) === 0)) best = f
    }
    return best
  }
  /** The midpoint between a float32 and the next, exactly: digits · 10^-scale. */
  const midpointOf = (f: number): { digits: bigint; scale: number } => {
    const a = exact(f)
    const b = exact(floatOfBits(bitsOf(f) + 1))
    // The denominator is a power of two, 2^k: digits · 10^-k is exact with digits = n · 5^k.
    const n = a.n * b.d + b.n * a.d
    const d = 2n * a.d * b.d
    const k = d.toString(2).length - 1
    return { digits: n * 5n ** BigInt(k), scale: k }
  }
  const decimal = ({ digits, scale }: { digits: bigint; scale: number }): string => {
    const text = digits.toString().padStart(scale + 1, "0")
    return scale === 0 ? text : `${text.slice(0, -scale)}.${text.slice(-scale)}`
  }
  const positiveFloat = fc.integer({ min: 1, max: 0x7f7ffffe }).map(floatOfBits)

  it("a midpoint between two floats, exactly and a hair either side, rounds as the exact value says", () => {
    fc.assert(
      fc.property(positiveFloat, fc.constantFrom(0n, 1n, -1n), (f, nudge) => {
        const mid = midpointOf(f)
        const text = decimal({ digits: mid.digits * 10n ** 20n + nudge, scale: mid.scale + 20 })
        const expected = nudge === 0n
          ? ((bitsOf(f) & 1) === 0 ? f : floatOfBits(bitsOf(f) + 1))
          : nudge > 0n
          ? floatOfBits(bitsOf(f) + 1)
          : f
        expect(nearest(text)).toBe(expected)
        expect(read(Xsd.float, text)).toStrictEqual(Result.succeed(expected))
      }),
      { numRuns: 300, seed: 14 }
    )
  })

  it("any decimal text reads as the nearest float", () => {
    const text = fc.tuple(
      fc.stringMatching(/^[1-9][0-9]{0,19}$/),
      fc.integer({ min: 0, max: 19 }),
      fc.integer({ min: -40, max: 30 })
    ).map(([digits, point, exponent]) => {
      const at = Math.min(point, digits.length)
      return `${digits.slice(0, at) || "0"}.${digits.slice(at)}e${exponent}`
    })
    fc.assert(
      fc.property(text, (t) => {
        const expected = nearest(t)
        if (!Number.isFinite(Math.fround(Number(t))) || expected > 3.4028234663852886e38) return
        expect(read(Xsd.float, t)).toStrictEqual(Result.succeed(expected))
      }),
      { numRuns: 1000, seed: 15 }
    )
  })
})

describe("escaping, against a character-by-character oracle", () => {
  const textEscapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;" }
  const attributeEscapes: Record<string, string> = {
    ...textEscapes,
    "\"": "&quot;",
    "\t": "&#9;",
    "\n": "&#10;"
  }
  const oracle = (escapes: Record<string, string>) => (text: string) => [...text].map((c) => escapes[c] ?? c).join("")
  const text = fc.array(
    fc.constantFrom("a", "é", "😀", "&", "<", ">", "\"", "'", "\t", "\n", "\r", " ", "]]>"),
    {
      maxLength: 12
    }
  ).map((parts) => parts.join(""))

  it("escapeText and escapeAttribute replace exactly what XML text and attribute values need", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(Xml.escapeText(t)).toBe(oracle(textEscapes)(t))
        expect(Xml.escapeAttribute(t)).toBe(oracle(attributeEscapes)(t))
      }),
      { numRuns: 500, seed: 16 }
    )
  })

  it("a character XML 1.0 cannot carry is named by its code point when writing", () => {
    for (const [c, name] of [["\u0001", "U+0001"], ["\uFFFE", "U+FFFE"], ["\uDC00", "U+DC00"]] as const) {
      const result = write(Xsd.string, `ab${c}`)
      expect(Result.isFailure(result) && result.failure).toMatchObject({
        _tag: "XmlEncodeError",
        reason: "InvalidCharacter"
      })
      expect(Result.isFailure(result) && result.failure.message, name).toContain(`${name} at index 2`)
    }
  })
})

describe("an absent minOccurs=0 element of a built-in is .NET's default of its type", () => {
  it.each(
    [
      ["string", Xsd.string, ""],
      ["int", Xsd.int, 0],
      ["long", Xsd.long, 0n],
      ["boolean", Xsd.boolean, false],
      ["double", Xsd.double, 0],
      ["float", Xsd.float, 0],
      ["decimal", Xsd.decimal, "0"],
      ["anyURI", Xsd.anyURI, ""],
      ["dateTime", Xsd.dateTime, "0001-01-01T00:00:00"]
    ] as const
  )("xs:%s", (_, type, value) => {
    expect(read(type as Schema.Codec<unknown>, undefined)).toStrictEqual(Result.succeed(value))
  })

  it("xs:base64Binary: no bytes", () => {
    expect(Result.map(read(Xsd.base64Binary, undefined), (b) => b.length)).toStrictEqual(Result.succeed(0))
  })
})

describe("the .NET serialization types, at their corners", () => {
  it("ser:guid is written only when it is one, and has a description", () => {
    expect(write(DataContract.guid, "3F2504E0-4F89-11D3-9A0C-0305E82C3301")).toStrictEqual(
      Result.succeed("3F2504E0-4F89-11D3-9A0C-0305E82C3301")
    )
    for (const value of ["3f2504e0-4f89-11d3-9a0c-0305e82c3301x", "x3f2504e0-4f89-11d3-9a0c-0305e82c3301", "", 5]) {
      expect(refused(write(DataContract.guid, value as never)), String(value)).toBe(
        "XmlEncodeError/InvalidValue at /r/v"
      )
      expect(refused(read(DataContract.guid, String(value)))).toBe("XmlDecodeError/InvalidValue at /r/v")
    }
    for (const schema of [DataContract.guid, DataContract.char, DataContract.duration]) {
      expect(AST.resolveDescription(schema.ast) ?? "").not.toBe("")
    }
  })

  it("ser:char: absent is U+0000, a number is not a character, and generated values are single code units", () => {
    expect(read(DataContract.char, undefined)).toStrictEqual(Result.succeed("\u0000"))
    expect(refused(write(DataContract.char, 65 as never))).toBe("XmlEncodeError/InvalidValue at /r/v")
    const chars = fc.sample(Arbitrary.make(DataContract.char), { numRuns: 200, seed: 17 })
    expect(chars.every((c) => c.length === 1)).toBe(true)
    expect(new Set(chars).size).toBeGreaterThan(100)
  })

  it("ser:duration's generator gives whole seconds as well as ticks", () => {
    const durations = fc.sample(Arbitrary.make(DataContract.duration), { numRuns: 300, seed: 18 })
    const nanos = durations.map((d) => Option.getOrThrow(Duration.toNanos(d)))
    expect(nanos.some((n) => n > 0n && n % 1_000_000_000n === 0n)).toBe(true)
    expect(nanos.some((n) => n % 1_000_000_000n !== 0n)).toBe(true)
  })

  it("a dictionary is named by its type, and its keys are unique in generated values too", () => {
    const ByStruct = DataContract.dictionary({
      name: "ByStruct",
      namespace: NS,
      pair: "P",
      value: Xsd.string,
      key: Schema.Struct({ A: Xsd.long, B: Xsd.base64Binary }).annotate(Xml.complexType("K", NS))
    })
    expect(AST.resolveIdentifier(ByStruct.ast)).toBe("ByStruct")
    const values = fc.sample(Arbitrary.make(ByStruct), { numRuns: 100, seed: 19 })
    expect(values.some((pairs) => pairs.length > 1)).toBe(true)
    for (const pairs of values) {
      expect(Result.isSuccess(XmlCodec.encodeResult(documentOf(ByStruct))({ v: pairs }))).toBe(true)
    }
  })

  it("struct keys compare by every member, bigints and bytes included; the message names the second one's item", () => {
    const ByStruct = DataContract.dictionary({
      name: "S",
      namespace: NS,
      pair: "P",
      value: Xsd.string,
      key: Schema.Struct({ A: Xsd.long, B: Xsd.base64Binary }).annotate(Xml.complexType("K", NS))
    })
    const pair = (a: string, b: string) => `<P><Key><A>${a}</A><B>${b}</B></Key><Value>v</Value></P>`
    expect(Result.isSuccess(read(ByStruct, pair("1", "AQ==") + pair("2", "AQ==")))).toBe(true)
    expect(Result.isSuccess(read(ByStruct, pair("1", "AQ==") + pair("1", "Ag==")))).toBe(true)
    const twice = read(ByStruct, pair("1", "AQ==") + pair("3", "") + pair("1", "AQ=="))
    expect(refused(twice)).toBe("XmlDecodeError/InvalidValue at /r/v")
    expect(Result.isFailure(twice) && twice.failure.message).toContain("at item 3")
  })
})

describe("the generators of xs:string and xs:dateTime", () => {
  const isXmlText = (s: string) => !/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(s)

  it("xs:string's are XML text, at most twelve pieces long", () => {
    const strings = fc.sample(Arbitrary.make(Xsd.string), { numRuns: 500, seed: 20 })
    expect(strings.every(isXmlText)).toBe(true)
    expect(strings.every((s) => [...s].length <= 36)).toBe(true)
    expect(strings.some((s) => [...s.replace(/[éø€😀\u2028\uFFFD]/gu, "")].some((c) => c.codePointAt(0)! > 0x7f))).toBe(
      true
    )
  })

  it("xs:string's mix in every character that tests escaping, '>' outside ']]>' too", () => {
    const strings = fc.sample(Arbitrary.make(Xsd.string), { numRuns: 500, seed: 22 })
    for (const c of ["&", "<", "\"", "'", "\r", "\n", "\t", "\u2028", "\uFFFD", "😀"]) {
      expect(strings.some((s) => s.includes(c)), JSON.stringify(c)).toBe(true)
    }
    expect(strings.some((s) => s.includes("]]>"))).toBe(true)
    expect(strings.some((s) => s.replaceAll("]]>", "").includes(">"))).toBe(true)
  })

  it("xs:dateTime's have every form: fractions, Z, offsets and no zone", () => {
    const values = fc.sample(Arbitrary.make(Xsd.dateTime), { numRuns: 300, seed: 21 })
    for (const form of [/\.5(?!\d)/, /\.1234567/, /Z$/, /\+01:00$/, /-05:30$/, /:\d\d$/]) {
      expect(values.some((v) => form.test(v)), String(form)).toBe(true)
    }
  })
})

describe("a simple type's format refuses what is outside the type (the contract of Xml.SimpleTypeAnnotation)", () => {
  const formatOf = (schema: Schema.Top) =>
    AST.resolveAt<Xml.SimpleTypeAnnotation>("@erpsync/codec/SimpleType")(schema.ast)!.format
  const cases: ReadonlyArray<readonly [string, Schema.Top, unknown, ReadonlyArray<unknown>]> = [
    ["ser:guid", DataContract.guid, "3f2504e0-4f89-11d3-9a0c-0305e82c3301", [
      5,
      null,
      "3f2504e0-4f89-11d3-9a0c-0305e82c330",
      "3f2504e0-4f89-11d3-9a0c-0305e82c3301 ",
      { toString: () => "3f2504e0-4f89-11d3-9a0c-0305e82c3301" }
    ]],
    ["ser:char", DataContract.char, "A", ["AB", "", 65, "😀", ["A"]]],
    ["xs:base64Binary", Xsd.base64Binary, new Uint8Array([1]), ["AQ==", [1], null]],
    ["xs:dateTime", Xsd.dateTime, "2026-12-03T08:00:00Z", [
      5,
      "2026-12-03",
      "2026-12-03T08:00:00Z ",
      { toString: () => "2026-12-03T08:00:00Z" }
    ]],
    ["xs:double", Xsd.double, 0.1, ["1", null, 1n]],
    ["xs:float", Xsd.float, 0.5, ["1", null, 0.1]],
    ["xs:boolean", Xsd.boolean, true, ["true", 1, null]],
    ["xs:int", Xsd.int, -5, ["1", 1.5, 2 ** 31]],
    ["xs:long", Xsd.long, 5n, [5, "5", 2n ** 63n]]
  ]
  it.each(cases)("%s", (_, schema, inside, outside) => {
    const format = formatOf(schema)
    expect(format(inside).ok).toBe(true)
    for (const value of outside) expect(format(value).ok, String(value)).toBe(false)
  })
})

describe("the edges of the .NET types' and xs:float's readers", () => {
  it("a refused xs:base64Binary text is quoted in the message, cut at 40 characters", () => {
    const messageOf = (text: string) => {
      const result = read(Xsd.base64Binary, text)
      return Result.isFailure(result) ? result.failure.message : "accepted"
    }
    expect(messageOf("ab!")).toContain(`"ab!" is not valid xs:base64Binary`)
    const forty = "!".repeat(40)
    expect(messageOf(forty)).toContain(`"${forty}" is not`)
    const long = "!".repeat(41) + "x".repeat(1000)
    expect(messageOf(long)).toContain(`"${forty}…" is not`)
    expect(messageOf(long).length).toBeLessThan(200)
  })

  it("xs:float: a tie written as an integer, or with an exponent, is broken by the text's exact value", () => {
    // 16777217 = 2^24 + 1 lies halfway between the floats 2^24 and 2^24 + 2: exactly, it goes to the even one.
    expect(read(Xsd.float, "16777217")).toStrictEqual(Result.succeed(16777216))
    expect(read(Xsd.float, "-16777217")).toStrictEqual(Result.succeed(-16777216))
    expect(read(Xsd.float, "1.6777217e7")).toStrictEqual(Result.succeed(16777216))
    expect(read(Xsd.float, "1.67772170000000000000001E+7")).toStrictEqual(Result.succeed(16777218))
    expect(read(Xsd.float, "167772169999999999999999e-16")).toStrictEqual(Result.succeed(16777216))
    // 2^-150, halfway between 0 and the smallest float 2^-149: exactly, zero (even); a hair above, 2^-149.
    const half =
      "7.00649232162408535461864791644958065640130970938257885878534141944895541342930300743319094181060791015625"
    expect(read(Xsd.float, `${half}e-46`)).toStrictEqual(Result.succeed(0))
    expect(read(Xsd.float, `${half}1e-46`)).toStrictEqual(Result.succeed(2 ** -149))
    expect(read(Xsd.float, `-${half}1e-46`)).toStrictEqual(Result.succeed(-(2 ** -149)))
  })

  it("xs:float: a number beyond the doubles is INF, whichever way its double rounds", () => {
    // Its nearest double is infinity, though it is below 2^1024.
    expect(read(Xsd.float, "1.7976931348623159e308")).toStrictEqual(Result.succeed(Number.POSITIVE_INFINITY))
    expect(read(Xsd.float, "-1e400")).toStrictEqual(Result.succeed(Number.NEGATIVE_INFINITY))
  })

  it("ser:duration: seconds without a whole part, a part left out, nothing before P, and whole days", () => {
    const seconds = (text: string) => Result.map(read(DataContract.duration, text), Duration.toMillis)
    expect(seconds("PT.25S")).toStrictEqual(Result.succeed(250))
    expect(seconds("PT1.S")).toStrictEqual(Result.succeed(1000))
    expect(seconds("P1DT1M")).toStrictEqual(Result.succeed(86_460_000))
    expect(seconds("PT1H2.5S")).toStrictEqual(Result.succeed(3_602_500))
    expect(seconds("-PT0S")).toStrictEqual(Result.succeed(0))
    for (const bad of ["xPT1S", "P1DT", "PT", "-PT1S", "-P10675199DT2H48M5.4775808S", "P10675199DT2H48M5.4775808S"]) {
      expect(refused(read(DataContract.duration, bad)), bad).toBe("XmlDecodeError/InvalidValue at /r/v")
    }
    expect(Result.map(read(DataContract.duration, "P10675199DT2H48M5.4775807S"), Duration.toNanos)).toStrictEqual(
      Result.succeed(Option.some((2n ** 63n - 1n) * 100n))
    )
    expect(write(DataContract.duration, Duration.days(3))).toStrictEqual(Result.succeed("P3D"))
    expect(write(DataContract.duration, Duration.hours(5))).toStrictEqual(Result.succeed("PT5H"))
  })

  it("ser:char's JSON side is the code unit's number, both ways", () => {
    expect(Schema.decodeUnknownSync(DataContract.char)(65)).toBe("A")
    expect(Schema.decodeUnknownSync(DataContract.char)(0xd800)).toBe("\uD800")
    expect(Result.isFailure(Schema.decodeUnknownResult(DataContract.char)(65536))).toBe(true)
  })

  it("a dictionary's generator never repeats a key, null and the empty string included", () => {
    const Dictionary = DataContract.dictionary({ name: "D", namespace: NS, pair: "P", value: Xsd.int })
    const values = fc.sample(Arbitrary.make(Dictionary), { numRuns: 300, seed: 22 })
    expect(values.some((pairs) => pairs.length >= 3)).toBe(true)
    for (const pairs of values) {
      expect(new Set(pairs.map((pair) => pair.Key)).size, JSON.stringify(pairs)).toBe(pairs.length)
    }
  })
})

describe("the generators, by what they give how often", () => {
  it("xs:string's: every tricky character far more often than a printable one drawn at random", () => {
    const strings = fc.sample(Arbitrary.make(Xsd.string), { numRuns: 2000, seed: 23 })
    const text = strings.join("\u0000")
    const count = (pattern: RegExp) => [...text.matchAll(pattern)].length
    // One printable ASCII character drawn at random would be 1 in 95 of the ASCII pieces; each tricky one is
    // mixed in apart from those, at several times that rate.
    const ascii = count(/[ -~]/g)
    for (const c of ["&", "<", ">", "\"", "'"]) {
      expect(count(new RegExp(c, "g")), c).toBeGreaterThan((2 * ascii) / 95)
    }
    // Line ends: CR alone, LF alone and CR LF, each often.
    expect(count(/\r(?!\n)/g)).toBeGreaterThan(50)
    expect(count(/(?<!\r)\n/g)).toBeGreaterThan(50)
    expect(count(/\r\n/g)).toBeGreaterThan(50)
    // Most pieces are plain printable characters.
    expect(count(/[a-zA-Z0-9]/g)).toBeGreaterThan(text.length / 4)
  })

  it("xs:dateTime's are valid xs:dateTimes with a four-digit year, seconds with and without a fraction and zone", () => {
    const values = fc.sample(Arbitrary.make(Xsd.dateTime), { numRuns: 300, seed: 24 })
    const form = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.5|\.1234567)?(Z|\+01:00|-05:30)?$/
    for (const value of values) {
      const match = form.exec(value)
      expect(match, value).not.toBe(null)
      expect(Number(match![1])).toBeGreaterThanOrEqual(1)
      expect(Result.isSuccess(read(Xsd.dateTime, value)), value).toBe(true)
    }
    expect(values.some((v) => /T\d\d:\d\d:\d\d$/.test(v))).toBe(true)
    expect(values.some((v) => /:\d\d(Z|[+-]\d\d:\d\d)$/.test(v))).toBe(true)
    // Small years, months, days and times are padded with zeros (the schema's own pattern would drop them).
    expect(values.some((v) => /^0\d{3}-/.test(v))).toBe(true)
    expect(values.some((v) => /^\d{4}-0\d-0\dT0\d:/.test(v))).toBe(true)
  })
})
