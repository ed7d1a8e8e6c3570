/**
 * The JSON form of every simple type of `Xsd` and `DataContract`, not only those ErpSync's messages use:
 * `decode ∘ encode = identity` over each type's arbitrary values, the text is JSON that `JSON.parse` reads
 * as the kind .NET's serializer writes (a number, a boolean, or a string); a JSON value of any other kind
 * is refused with an `InvalidValue` at its path, and `null` where the type is not nillable with an
 * `InvalidNull`. Each value is read at the root and as a member, so that the path is that of the member.
 */
import { DataContract, JsonCodec, Xml, Xsd } from "@erpsync/codec"
import * as Arbitrary from "@erpsync/codec/Arbitrary"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

const RUNS = Number(process.env["ERPSYNC_JSON_RUNS"] ?? 100)

type Kind = "number" | "boolean" | "string"

/** Each simple type, and the kind of JSON value its form is (REST.md, section 4; Newtonsoft's defaults). */
const types: ReadonlyArray<readonly [string, Schema.Codec<unknown, unknown>, Kind]> = [
  ["xs:string", Xsd.string, "string"],
  ["xs:boolean", Xsd.boolean, "boolean"],
  ["xs:int", Xsd.int, "number"],
  ["xs:short", Xsd.short, "number"],
  ["xs:byte", Xsd.byte, "number"],
  ["xs:unsignedByte", Xsd.unsignedByte, "number"],
  ["xs:unsignedShort", Xsd.unsignedShort, "number"],
  ["xs:unsignedInt", Xsd.unsignedInt, "number"],
  ["xs:long", Xsd.long, "number"],
  ["xs:unsignedLong", Xsd.unsignedLong, "number"],
  ["xs:decimal", Xsd.decimal, "number"],
  ["xs:float", Xsd.float, "number"],
  ["xs:double", Xsd.double, "number"],
  ["xs:dateTime", Xsd.dateTime, "string"],
  ["xs:base64Binary", Xsd.base64Binary, "string"],
  ["xs:anyURI", Xsd.anyURI, "string"],
  ["an enumeration", Xsd.enumeration(["Red", "Green"], "Colour", "urn:t"), "string"],
  ["ser:duration", DataContract.duration, "string"],
  ["ser:guid", DataContract.guid, "string"],
  // .NET's serializer writes a char as a string of it (XML: its code, a number).
  ["ser:char", DataContract.char, "string"]
] as unknown as ReadonlyArray<readonly [string, Schema.Codec<unknown, unknown>, Kind]>

/**
 * A decimal's lexical form as a JSON number has it, written from XML Schema's lexical space (Part 2,
 * 3.2.3: `[+-]?(digits(.digits?)?|.digits)`) and RFC 8259's number grammar: no `+`, no leading zeros, a digit
 * before the point, none after it only if there is no point.
 */
const sameDecimal = (lexical: string): string => {
  const sign = lexical.startsWith("-") ? "-" : ""
  const unsigned = lexical.replace(/^[+-]/, "")
  const [whole = "", fraction = ""] = unsigned.split(".")
  const digits = whole.replace(/^0+/, "")
  return `${sign}${digits === "" ? "0" : digits}${fraction === "" ? "" : `.${fraction}`}`
}

/** A value of another kind than `kind`, of each kind there is. */
const others = (kind: Kind): ReadonlyArray<unknown> => [
  ...(kind === "number" ? [] : [42]),
  ...(kind === "boolean" ? [] : [true]),
  ...(kind === "string" ? [] : ["42"]),
  [],
  {}
]

describe.each(types)("the JSON form of %s", (_, type, kind) => {
  const Holder = Schema.Struct({ Value: type }).annotate(Xml.complexType("Holder", "urn:t"))
  const Nillable = Schema.Struct({ Value: Schema.NullOr(type) }).annotate(Xml.complexType("Nillable", "urn:t"))

  it("decode ∘ encode = identity, as a JSON value of its kind, at the root and as a member", () => {
    const encode = JsonCodec.encodeResult(type)
    const decode = JsonCodec.decodeResult(type)
    const encodeHolder = JsonCodec.encodeResult(Holder)
    const decodeHolder = JsonCodec.decodeResult(Holder)
    fc.assert(
      fc.property(Arbitrary.make(type), (value) => {
        const text = Result.getOrThrow(encode(value))
        const parsed: unknown = JSON.parse(text)
        // A number beyond a double's integers, and a non-finite double, are written as .NET writes them.
        if (typeof parsed === "string" && kind === "number") {
          expect(["NaN", "Infinity", "-Infinity"]).toContain(parsed)
        } else {
          expect(typeof parsed).toBe(kind)
        }
        // A decimal is read back as the same number; as JSON writes it (`+1.` is `1`).
        const expected = type === Xsd.decimal ? sameDecimal(value as string) : value
        expect(Result.getOrThrow(decode(text))).toStrictEqual(expected)
        const member = Result.getOrThrow(encodeHolder({ Value: value }))
        expect(member).toBe(`{"Value":${text}}`)
        expect(Result.getOrThrow(decodeHolder(member))).toStrictEqual({ Value: expected })
      }),
      { numRuns: RUNS }
    )
  })

  it("a JSON value of another kind is an InvalidValue at its path; null, where not nillable, an InvalidNull", () => {
    const decodeHolder = JsonCodec.decodeResult(Holder)
    for (const other of others(kind)) {
      const failure = Result.getFailure(decodeHolder(JSON.stringify({ Value: other })))
      expect(failure._tag === "Some" ? failure.value : undefined, JSON.stringify(other)).toMatchObject({
        _tag: "JsonDecodeError",
        reason: "InvalidValue",
        path: "/Value"
      })
    }
    expect(Result.getFailure(decodeHolder(`{"Value":null}`))).toMatchObject({
      _tag: "Some",
      value: { _tag: "JsonDecodeError", reason: "InvalidNull", path: "/Value" }
    })
    expect(Result.getOrThrow(JsonCodec.decodeResult(Nillable)(`{"Value":null}`))).toStrictEqual({ Value: null })
    expect(Result.getOrThrow(JsonCodec.encodeResult(Nillable)({ Value: null }))).toBe(`{"Value":null}`)
  })

  it("a value outside the type is refused when written, at its path", () => {
    const encodeHolder = JsonCodec.encodeResult(Holder)
    for (const wrong of [Symbol.for("x"), { not: "a value" }, undefined]) {
      expect(Result.getFailure(encodeHolder({ Value: wrong } as never))).toMatchObject({
        _tag: "Some",
        value: { _tag: "JsonEncodeError", path: "/Value" }
      })
    }
  })
})

describe("numbers a double does not hold as written", () => {
  it("a decimal keeps every digit and its trailing zeros; a long every digit; a double reads them as the nearest double", () => {
    const decimal = JsonCodec.decodeResult(Xsd.decimal)
    expect(Result.getOrThrow(decimal("123456789012345678901234567.1234567"))).toBe(
      "123456789012345678901234567.1234567"
    )
    expect(Result.getOrThrow(decimal("1.50"))).toBe("1.50")
    expect(Result.getOrThrow(decimal("-0.000000000000000000001"))).toBe("-0.000000000000000000001")
    expect(Result.getOrThrow(JsonCodec.encodeResult(Xsd.decimal)("+007."))).toBe("7")
    expect(Result.getOrThrow(JsonCodec.encodeResult(Xsd.decimal)("-.5"))).toBe("-0.5")
    expect(Result.getOrThrow(JsonCodec.decodeResult(Xsd.long)("9223372036854775807"))).toBe(9223372036854775807n)
    expect(Result.getOrThrow(JsonCodec.decodeResult(Xsd.double)("1.50"))).toBe(1.5)
    expect(Result.getOrThrow(JsonCodec.decodeResult(Xsd.double)("0.1000000000000000055511151231257827"))).toBe(0.1)
    expect(Object.is(Result.getOrThrow(JsonCodec.decodeResult(Xsd.double)("-0")), -0)).toBe(true)
    expect(Result.getOrThrow(JsonCodec.encodeResult(Xsd.double)(-0))).toBe("-0")
  })
})
