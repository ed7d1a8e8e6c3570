/**
 * The codec with schemas other than ErpSync's: plain documents, refinements, transformations, defaults,
 * recursion, enumerations, and schemas that have no XML form.
 */
import { Service, Soap, Xml, XmlCodec, Xsd } from "@erpsync/codec"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"

const NS = "urn:test"
const doc = <Fields extends Schema.Struct.Fields>(fields: Fields) =>
  Schema.Struct(fields).annotations({ ...Xml.root("r", NS), ...Xml.complexType("r", NS) })
const decode = <A, I>(schema: Schema.Schema<A, I>, xml: string) => XmlCodec.decodeEither(schema)(xml)
const encode = <A, I>(schema: Schema.Schema<A, I>, value: A) => XmlCodec.encodeEither(schema)(value)

describe("plain documents", () => {
  it("round-trip with the root element's namespace as the default", () => {
    const R = doc({ a: Xsd.string, b: Schema.Array(Xsd.int).annotations(Xml.items("i", "urn:other")) })
    const xml = Either.getOrThrow(encode(R, { a: "x", b: [1, 2] }))
    expect(xml).toBe(
      `<r xmlns="urn:test" xmlns:a="urn:other" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><a>x</a><b><a:i>1</a:i><a:i>2</a:i></b></r>`
    )
    expect(decode(R, xml)).toStrictEqual(Either.right({ a: "x", b: [1, 2] }))
  })

  it("unqualified members (no complex type namespace) are written without a namespace", () => {
    const R = Schema.Struct({ a: Xsd.string }).annotations(Xml.root("r", ""))
    const xml = Either.getOrThrow(encode(R, { a: "x" }))
    expect(xml).toBe(`<r xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><a>x</a></r>`)
    expect(decode(R, xml)).toStrictEqual(Either.right({ a: "x" }))
  })

  it("the wrong root element is an error, by its name or by its namespace", () => {
    const R = doc({})
    expect(Either.flip(decode(R, `<x xmlns="urn:test"/>`))).toMatchObject(Either.right({ reason: "UnexpectedElement" }))
    expect(Either.flip(decode(R, `<r xmlns="urn:other"/>`))).toMatchObject(
      Either.right({ reason: "UnexpectedElement" })
    )
    expect(decode(R, `<r xmlns="urn:test"/>`)).toStrictEqual(Either.right({}))
  })
})

describe("refinements and transformations", () => {
  it("a refinement is checked when decoding and when encoding", () => {
    const R = doc({ n: Xsd.int.pipe(Schema.positive()) })
    expect(decode(R, `<r xmlns="urn:test"><n>3</n></r>`)).toStrictEqual(Either.right({ n: 3 }))
    expect(Either.flip(decode(R, `<r xmlns="urn:test"><n>-3</n></r>`))).toMatchObject(
      Either.right({ _tag: "XmlDecodeError", reason: "InvalidValue", path: "/r/n" })
    )
    expect(Either.flip(encode(R, { n: -3 }))).toMatchObject(
      Either.right({ _tag: "XmlEncodeError", reason: "InvalidValue", path: "/r/n" })
    )
  })

  it("a refinement of a type read as it is written (xs:string) is checked too", () => {
    const R = doc({ code: Xsd.string.pipe(Schema.minLength(3)) })
    expect(decode(R, `<r xmlns="urn:test"><code>abc</code></r>`)).toStrictEqual(Either.right({ code: "abc" }))
    expect(Either.flip(decode(R, `<r xmlns="urn:test"><code>ab</code></r>`))).toMatchObject(
      Either.right({ _tag: "XmlDecodeError", reason: "InvalidValue", path: "/r/code" })
    )
  })

  it("a refinement given a value of the wrong type is an XmlEncodeError, not a throw", () => {
    const R = doc({ a: Xsd.string.pipe(Schema.filter((s) => s.startsWith("x"))) })
    expect(Either.flip(encode(R, { a: 5 } as never))).toMatchObject(
      Either.right({ _tag: "XmlEncodeError", reason: "InvalidValue" })
    )
  })

  it("a transformation carries its from side on the wire", () => {
    const Cents = Schema.transform(Xsd.int, Schema.String, {
      strict: true,
      decode: (n) => (n / 100).toFixed(2),
      encode: (s) => Math.round(Number(s) * 100)
    })
    const R = doc({ price: Cents, missing: Xml.optionalElement(Cents) })
    expect(decode(R, `<r xmlns="urn:test"><price>1250</price></r>`)).toStrictEqual(
      Either.right({ price: "12.50", missing: "0.00" })
    )
    expect(encode(R, { price: "0.99", missing: "1.00" })).toStrictEqual(
      Either.right(
        `<r xmlns="urn:test" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><price>99</price><missing>100</missing></r>`
      )
    )
  })
})

describe("a transformation that throws while encoding", () => {
  // A bug in the user's schema, not bad input: its own error comes out, wherever the value is.
  const Throwing = Schema.transform(Xsd.int, Schema.String, {
    strict: true,
    decode: String,
    encode: (): number => {
      throw new Error("the transformation's own bug")
    }
  })
  const definition = Service.define({
    name: "T",
    endpoint: "T.svc",
    namespace: NS,
    actionPrefix: "urn:test/",
    requestHeader: { H: Soap.header(Schema.NullOr(Throwing)) },
    responseHeader: {}
  })
  const request = <Fields extends Schema.Struct.Fields>(name: string, fields: Fields) =>
    definition.operation(name, definition.request(name, fields), definition.response(`${name}Response`, {})).request
  const member = request("A", { a: Throwing })
  const array = request("B", { b: Schema.Array(Throwing).annotations(Xml.items("i", NS)) })
  const none = request("C", {})

  it("while decoding, too: the bug's own error, not a typed error that would blame the input", () => {
    const Decoding = Schema.transform(Xsd.int, Schema.String, {
      strict: true,
      decode: (): string => {
        throw new Error("the transformation's own bug")
      },
      encode: Number
    })
    expect(() => decode(doc({ a: Decoding }), `<r xmlns="urn:test"><a>1</a></r>`)).toThrow(
      "the transformation's own bug"
    )
  })

  it.each([
    ["in a plain document's member", () => encode(doc({ a: Throwing }), { a: "x" })],
    [
      "in an array item",
      () => encode(doc({ b: Schema.Array(Throwing).annotations(Xml.items("i", NS)) }), { b: ["x"] })
    ],
    ["in a SOAP body", () => XmlCodec.encodeEither(member)({ Header: { H: null }, Body: { a: "x" } })],
    ["in a SOAP body's array", () => XmlCodec.encodeEither(array)({ Header: { H: null }, Body: { b: ["x"] } })],
    ["in a SOAP header", () => XmlCodec.encodeEither(none)({ Header: { H: "x" }, Body: {} })]
  ])("%s", (_, run) => {
    expect(run).toThrow("the transformation's own bug")
  })
})

describe("defaults of absent members", () => {
  it("a refined member whose type's default fails the refinement needs a default of its own", () => {
    expect(() => XmlCodec.compile(doc({ p: Xml.optionalElement(Xsd.int.pipe(Schema.positive())) }))).toThrow(
      /needs a default value/
    )
    const R = doc({ p: Xml.element(Xsd.int.pipe(Schema.positive()), { minOccurs: 0, default: () => 1 }) })
    expect(decode(R, `<r xmlns="urn:test"/>`)).toStrictEqual(Either.right({ p: 1 }))
  })

  it("a default is only for minOccurs 0: a required element that is absent is missing", () => {
    const R = doc({ a: Xml.element(Xsd.int, { default: () => 7 }) })
    expect(Either.flip(decode(R, `<r xmlns="urn:test"/>`))).toMatchObject(
      Either.right({ _tag: "XmlDecodeError", reason: "MissingElement", path: "/r/a" })
    )
  })

  it("an optional property stays absent", () => {
    const R = doc({ a: Schema.optionalWith(Xsd.int, { exact: true }) })
    expect(decode(R, `<r xmlns="urn:test"/>`)).toStrictEqual(Either.right({}))
    expect(Either.getOrThrow(encode(R, {}))).not.toContain("<a")
  })
})

describe("schemas with no XML form fail when the codec is derived, not on input", () => {
  it.each([
    ["a bigint inside a recursive reference", doc({ a: Schema.suspend(() => Schema.BigIntFromSelf) })],
    ["a union of structs", doc({ a: Schema.Union(Schema.Struct({ x: Xsd.int }), Schema.Struct({ y: Xsd.int })) })],
    ["an array without an item element", doc({ a: Schema.Array(Xsd.int) })],
    ["a record", doc({ a: Schema.Record({ key: Schema.String, value: Xsd.int }) })],
    ["a numeric literal", doc({ a: Schema.Literal(1) })],
    ["a boolean literal", doc({ a: Schema.Literal(true) })],
    ["a union of a string and a numeric literal", doc({ a: Schema.Literal("a", 1) })],
    ["a numeric enum", doc({ a: Schema.Enums({ A: 0, B: 1 }) })],
    ["a mixed enum", doc({ a: Schema.Enums({ A: "a", B: 1 }) })],
    ["a tuple", doc({ a: Schema.Tuple(Xsd.int).annotations(Xml.items("i", NS)) })],
    ["an array with a leading element", doc({ a: Schema.Tuple([Xsd.int], Xsd.int).annotations(Xml.items("i", NS)) })],
    ["a struct with an index signature", doc({ a: Schema.Struct({}, { key: Schema.String, value: Xsd.int }) })],
    ["undefined", doc({ a: Schema.Undefined })],
    ["void", doc({ a: Schema.Void })],
    ["never", doc({ a: Schema.Never })],
    ["unknown", doc({ a: Schema.Unknown })],
    ["any", doc({ a: Schema.Any })],
    ["a symbol", doc({ a: Schema.SymbolFromSelf })],
    ["a unique symbol", doc({ a: Schema.UniqueSymbolFromSelf(Symbol.for("erpsync/test")) })],
    ["an object", doc({ a: Schema.Object })],
    ["a template literal", doc({ a: Schema.TemplateLiteral("a", Schema.String) })],
    ["a declared type", doc({ a: Schema.DateFromSelf })],
    ["null alone", doc({ a: Schema.Null })],
    ["null or undefined alone", doc({ a: Schema.Union(Schema.Null, Schema.Undefined) })],
    ["a nullable type that is not an element's", doc({ a: Schema.NullOr(Xsd.int).pipe(Schema.filter(() => true)) })]
  ])("%s", (_, schema) => {
    expect(() => XmlCodec.decodeEither(schema as Schema.Schema<unknown>)).toThrow(/Cannot derive an XML codec/)
    let thrown: unknown
    try {
      XmlCodec.encodeEither(schema as Schema.Schema<unknown>)
    } catch (e) {
      thrown = e
    }
    expect(thrown).toBeInstanceOf(Error)
    expect((thrown as Error).name).toBe("SchemaDefinitionError")
  })
})

describe("enumerations from literals and enums", () => {
  it("one string literal is an enumeration of one value", () => {
    const R = doc({ a: Schema.Literal("only") })
    expect(decode(R, `<r xmlns="urn:test"><a>only</a></r>`)).toStrictEqual(Either.right({ a: "only" }))
    expect(Either.flip(decode(R, `<r xmlns="urn:test"><a>other</a></r>`))).toMatchObject(
      Either.right({ reason: "InvalidValue", path: "/r/a" })
    )
    expect(Either.getOrThrow(encode(R, { a: "only" as const }))).toContain("<a>only</a>")
  })

  it("a string enum is an enumeration of its values, in order: the first is the default", () => {
    enum Color {
      Red = "red",
      Green = "green"
    }
    const R = doc({ c: Schema.Enums(Color), d: Xml.optionalElement(Schema.Enums(Color)) })
    expect(decode(R, `<r xmlns="urn:test"><c>green</c></r>`)).toStrictEqual(
      Either.right({ c: Color.Green, d: Color.Red })
    )
    expect(Either.flip(decode(R, `<r xmlns="urn:test"><c>Green</c></r>`))).toMatchObject(
      Either.right({ reason: "InvalidValue", path: "/r/c" })
    )
  })

  it("an invalid value is named by the enumeration's identifier, else as an enumeration", () => {
    const named = doc({ c: Schema.Literal("red", "green").annotations({ identifier: "Colour" }) })
    const anonymous = doc({ c: Schema.Literal("red", "green") })
    const detailOf = <A, I>(schema: Schema.Schema<A, I>) => {
      const error = Either.flip(decode(schema, `<r xmlns="urn:test"><c>blue</c></r>`))
      return Either.isRight(error) && error.right._tag === "XmlDecodeError" ? error.right.detail : ""
    }
    expect(detailOf(named)).toContain("Colour")
    expect(detailOf(anonymous)).toContain("enumeration")
    expect(detailOf(anonymous)).not.toContain("Colour")
  })
})

describe("recursion and enumerations", () => {
  interface Tree {
    readonly label: string
    readonly children: ReadonlyArray<Tree>
  }
  const Tree: Schema.Schema<Tree> = Schema.Struct({
    label: Xsd.string,
    children: Schema.Array(Schema.suspend((): Schema.Schema<Tree> => Tree)).annotations(Xml.items("node", NS))
  }).annotations(Xml.complexType("Tree", NS))
  const R = doc({ tree: Tree, color: Schema.Literal("red", "green") })

  it("recursive types round-trip", () => {
    const value = {
      tree: {
        label: "a",
        children: [{ label: "b", children: [] }, { label: "c", children: [{ label: "d", children: [] }] }]
      },
      color: "green" as const
    }
    expect(decode(R, Either.getOrThrow(encode(R, value)))).toStrictEqual(Either.right(value))
  })

  it("an enumeration value outside the literals is refused", () => {
    expect(Either.flip(decode(R, `<r xmlns="urn:test"><tree><label/><children/></tree><color>blue</color></r>`)))
      .toMatchObject(
        Either.right({ reason: "InvalidValue", path: "/r/color" })
      )
  })
})

describe("push decoder", () => {
  it("is spent after the first error: every later call gives that error", () => {
    const decoder = XmlCodec.makeDecoder(doc({ a: Xsd.string }), { limits: { maxTextLength: 1000 } })
    const first = decoder.write(`<r xmlns="urn:test"><a>${"x".repeat(1500)}`)
    expect(Either.isLeft(first) && first.left).toMatchObject({ _tag: "XmlLimitError", reason: "TextLength" })
    expect(decoder.write("</a></r>")).toStrictEqual(first)
    expect(decoder.end()).toStrictEqual(first)
  })

  it("a locked ReadableStream is an XmlReadError", async () => {
    const readable = new ReadableStream<Uint8Array>()
    readable.getReader()
    const result = await Effect.runPromise(Effect.either(XmlCodec.decodeStream(doc({}))(readable)))
    expect(Either.isLeft(result) && result.left).toMatchObject({ _tag: "XmlReadError", reason: "Stream" })
  })
})
