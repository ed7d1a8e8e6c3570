/**
 * The codec with schemas other than ErpSync's: plain documents, refinements, transformations, defaults,
 * recursion, enumerations, and schemas that have no XML form.
 */
import { Service, Soap, Xml, XmlCodec, Xsd } from "@erpsync/codec"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
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

describe("members and wrappers", () => {
  it("members of one local name in two namespaces are told apart by namespace, in any position", () => {
    const R = doc({
      x: Xml.optionalElement(Xsd.int),
      a1: Xml.element(Xsd.int, { name: "a", namespace: "urn:1", minOccurs: 0, default: () => -1 }),
      a2: Xml.element(Xsd.int, { name: "a", namespace: "urn:2", minOccurs: 0, default: () => -2 })
    })
    expect(decode(R, `<r xmlns="urn:test"><a xmlns="urn:1">1</a></r>`)).toStrictEqual(
      Either.right({ x: 0, a1: 1, a2: -2 })
    )
    expect(decode(R, `<r xmlns="urn:test"><a xmlns="urn:2">2</a></r>`)).toStrictEqual(
      Either.right({ x: 0, a1: -1, a2: 2 })
    )
  })

  it("refinements and transformations apply from the inside out", () => {
    // A positive xs:int, as text, of at most two characters.
    const Short = Schema.transform(Xsd.int.pipe(Schema.positive()), Schema.String, {
      strict: true,
      decode: String,
      encode: Number
    }).pipe(Schema.maxLength(2))
    const R = doc({ n: Short })
    expect(decode(R, `<r xmlns="urn:test"><n>42</n></r>`)).toStrictEqual(Either.right({ n: "42" }))
    for (const text of ["-4", "420"]) {
      expect(Either.flip(decode(R, `<r xmlns="urn:test"><n>${text}</n></r>`)), text).toMatchObject(
        Either.right({ reason: "InvalidValue", path: "/r/n" })
      )
    }
    expect(encode(R, { n: "42" })).toStrictEqual(
      Either.right(`<r xmlns="urn:test" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><n>42</n></r>`)
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
    // Each of them is the type of the member `a`: the error is located there.
    expect(() => XmlCodec.decodeEither(schema as Schema.Schema<unknown>)).toThrow(/^Cannot derive an XML codec at a: /)
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

describe("a definition error names where the schema has no XML form", () => {
  const Envelope = Symbol.for("@erpsync/codec/Envelope")
  const envelope = { [Envelope]: { headerKey: "Header", bodyKey: "Body" } }
  const body = Schema.Struct({ n: Xsd.int }).annotations({ ...Xml.root("B", NS), ...Xml.complexType("B", NS) })
  const errorOf = (schema: Schema.Schema.Any): string => {
    try {
      XmlCodec.compile(schema as Schema.Schema<unknown>)
    } catch (e) {
      return e instanceof Error && e.name === "SchemaDefinitionError" ? e.message : `not a definition error: ${e}`
    }
    return "compiled"
  }

  it.each([
    ["an array item", doc({ list: Schema.Array(Schema.Unknown).annotations(Xml.items("i", NS)) }), "list.i"],
    ["a member of a member", doc({ a: Schema.Struct({ b: Schema.Struct({ c: Schema.Object }) }) }), "a.b.c"],
    [
      "an item inside a recursive reference",
      doc({ a: Schema.suspend(() => Schema.Array(Schema.Any).annotations(Xml.items("i", NS))) }),
      "a.i"
    ],
    ["an empty tuple", doc({ t: Schema.Tuple() }), "t"],
    ["a document without a root element", Schema.Struct({ a: Xsd.int }), "the root"],
    ["a SOAP message that is not a struct", Schema.String.annotations(envelope), "the root"],
    ["a SOAP message without its body", Schema.Struct({ Header: Schema.Struct({}) }).annotations(envelope), "the root"],
    ["a SOAP message without its header", Schema.Struct({ Body: body }).annotations(envelope), "the root"],
    [
      "a SOAP header that is not a struct",
      Schema.Struct({ Header: Xsd.int, Body: body }).annotations(envelope),
      "Header"
    ],
    [
      "a SOAP body without an element name",
      Schema.Struct({ Header: Schema.Struct({}), Body: Schema.Struct({}) }).annotations(envelope),
      "Body"
    ],
    [
      "a member of the SOAP body",
      Schema.Struct({
        Header: Schema.Struct({}),
        Body: Schema.Struct({ x: Schema.Unknown }).annotations(Xml.root("B", NS))
      }).annotations(envelope),
      "Body.x"
    ],
    [
      "a recursive reference in the SOAP body",
      Schema.Struct({
        Header: Schema.Struct({}),
        Body: Schema.Struct({ x: Schema.suspend(() => Schema.BigIntFromSelf) }).annotations(Xml.root("B", NS))
      }).annotations(envelope),
      "Body.x"
    ],
    [
      "a recursive reference in a SOAP header block",
      Schema.Struct({ Header: Schema.Struct({ h: Schema.suspend(() => Schema.BigIntFromSelf) }), Body: body })
        .annotations(envelope),
      "Header.h"
    ],
    [
      "a SOAP header block",
      Schema.Struct({ Header: Schema.Struct({ h: Schema.Never }), Body: body }).annotations(envelope),
      "Header.h"
    ]
  ])("%s", (_, schema, where) => {
    expect(errorOf(schema)).toMatch(new RegExp(`^Cannot derive an XML codec at ${where.replace(/\./g, "\\.")}: `))
  })

  it.each([
    ["an array item", (bad: Schema.Schema.Any) => Schema.Array(bad).annotations(Xml.items("i", NS))],
    ["a refinement", (bad: Schema.Schema.Any) => bad.pipe(Schema.filter(() => true))],
    [
      "a transformation",
      (bad: Schema.Schema.Any) =>
        Schema.transform(bad, Schema.Unknown, { strict: true, decode: (x) => x, encode: (x) => x })
    ],
    ["a struct member", (bad: Schema.Schema.Any) => Schema.Struct({ x: bad })]
  ])("a recursive reference without an XML form, inside %s, fails when the codec is derived", (_, around) => {
    const bad = Schema.suspend(() => Schema.BigIntFromSelf)
    expect(errorOf(doc({ a: around(bad) as unknown as Schema.Schema<unknown> }))).toMatch(
      /^Cannot derive an XML codec at a.*: bigint/
    )
  })

  it("decoding alone derives the whole SOAP plan too: a recursive reference the document never reaches fails first", () => {
    const inBody = Schema.Struct({
      Header: Schema.Struct({}),
      Body: Schema.Struct({ x: Schema.optional(Schema.suspend(() => Schema.BigIntFromSelf)) })
        .annotations(Xml.root("B", NS))
    }).annotations(envelope)
    const inHeader = Schema.Struct({
      Header: Schema.Struct({ h: Schema.optional(Schema.suspend(() => Schema.BigIntFromSelf)) }),
      Body: body
    }).annotations(envelope)
    expect(() => XmlCodec.decodeEither(inBody)).toThrow(/^Cannot derive an XML codec at Body\.x: bigint/)
    expect(() => XmlCodec.makeDecoder(inHeader)).toThrow(/^Cannot derive an XML codec at Header\.h: bigint/)
  })

  it("a SOAP header that is a recursive reference to a struct is a struct", () => {
    const Header = Schema.Struct({ h: Xml.optionalElement(Xsd.int) })
    const message = Schema.Struct({ Header: Schema.suspend(() => Header), Body: body }).annotations(envelope)
    expect(errorOf(message)).toBe("compiled")
  })

  it("a type that may be undefined, inside a refinement, is read as its type", () => {
    const R = doc({ n: Schema.UndefinedOr(Xsd.int).pipe(Schema.filter((n) => n !== 0)) })
    expect(decode(R, `<r xmlns="urn:test"><n>4</n></r>`)).toStrictEqual(Either.right({ n: 4 }))
  })
})

describe("defaults of absent minOccurs=0 elements, by type", () => {
  const absent = <A, I>(type: Schema.Schema<A, I>) =>
    decode(doc({ v: Xml.element(type, { minOccurs: 0 }) }), `<r xmlns="urn:test"/>`).pipe(Either.map((r) => r.v))

  it("an array and a list are empty, a new one each time", () => {
    const array = Schema.Array(Xsd.int).annotations(Xml.items("i", NS))
    const list = Xsd.list(["A", "B"], "AB", NS)
    for (const type of [array, list] as const) {
      const first = Either.getOrThrow(absent(type as Schema.Schema<ReadonlyArray<unknown>>))
      const second = Either.getOrThrow(absent(type as Schema.Schema<ReadonlyArray<unknown>>))
      expect(first).toStrictEqual([])
      expect(first).not.toBe(second)
    }
  })

  it("an enumeration of literals is its first literal", () => {
    expect(absent(Schema.Literal("first", "second"))).toStrictEqual(Either.right("first"))
    expect(absent(Schema.Literal("only"))).toStrictEqual(Either.right("only"))
  })

  it("a transformation is its from side's default, transformed", () => {
    const Doubled = Schema.transform(Xsd.int, Schema.Number, {
      strict: true,
      decode: (n) => n + 1,
      encode: (n) => n - 1
    })
    expect(absent(Doubled)).toStrictEqual(Either.right(1))
  })

  it("a type without a default of its own needs one given: a recursive reference, a transformation or refinement of one, a transformation that refuses its from side's default", () => {
    interface Node {
      readonly next: Node | null
    }
    const Node: Schema.Schema<Node> = Schema.Struct({
      next: Schema.NullOr(Schema.suspend((): Schema.Schema<Node> => Node))
    }).annotations(Xml.complexType("Node", NS))
    const lazy = Schema.suspend((): Schema.Schema<Node> => Node)
    const refusing = Schema.transformOrFail(Xsd.string, Schema.String, {
      strict: true,
      decode: (s, _, ast) => s === "" ? ParseResult.fail(new ParseResult.Type(ast, s)) : ParseResult.succeed(s),
      encode: ParseResult.succeed
    })
    for (
      const type of [
        lazy,
        lazy.pipe(Schema.filter(() => true)),
        Schema.transform(lazy, Schema.Unknown, { strict: true, decode: (n) => n, encode: (n) => n as Node }),
        refusing
      ]
    ) {
      expect(() => XmlCodec.compile(doc({ v: Xml.element(type as Schema.Schema<unknown>, { minOccurs: 0 }) }))).toThrow(
        /^Cannot derive an XML codec at v: a minOccurs=0 member of this type needs a default value$/
      )
    }
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

describe("XmlCodec.describe of enumerations declared as literals", () => {
  it("an enumeration of literals is an anonymous simple type, named by its identifier when it has one", () => {
    const typeOf = <A, I>(schema: Schema.Schema<A, I>) =>
      XmlCodec.describe(doc({ c: schema })).types.get("{urn:test}r")?.[0]?.type
    expect(typeOf(Schema.Literal("red", "green"))).toStrictEqual({
      kind: "simple",
      name: { namespace: "", name: "enumeration" }
    })
    expect(typeOf(Schema.Literal("red", "green").annotations({ identifier: "Colour" }))).toStrictEqual({
      kind: "simple",
      name: { namespace: "", name: "Colour" }
    })
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

describe("the Effect forms of decode and encode, and stream inputs", () => {
  const R = doc({ a: Xsd.int })

  it("decode and encode succeed with the value and fail with the typed error", async () => {
    expect(await Effect.runPromise(XmlCodec.decode(R)(`<r xmlns="urn:test"><a>7</a></r>`))).toStrictEqual({ a: 7 })
    const refused = await Effect.runPromise(Effect.flip(XmlCodec.decode(R)(`<r xmlns="urn:test"><a>x</a></r>`)))
    expect(refused).toMatchObject({ _tag: "XmlDecodeError", reason: "InvalidValue", path: "/r/a" })
    expect(await Effect.runPromise(XmlCodec.encode(R)({ a: 7 }))).toBe(
      `<r xmlns="urn:test" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><a>7</a></r>`
    )
    const unwritable = await Effect.runPromise(Effect.flip(XmlCodec.encode(R)({ a: 0.5 })))
    expect(unwritable).toMatchObject({ _tag: "XmlEncodeError", reason: "InvalidValue", path: "/r/a" })
  })

  it("a stream that fails is an XmlReadError with the failure's message, whatever was thrown", async () => {
    for (const [thrown, detail] of [[new Error("connection reset"), "connection reset"], ["gone", "gone"]] as const) {
      const readable = new ReadableStream<Uint8Array>({
        start: (controller) => {
          controller.enqueue(new TextEncoder().encode(`<r xmlns="urn:test">`))
          controller.error(thrown)
        }
      })
      const result = await Effect.runPromise(Effect.flip(XmlCodec.decodeStream(R)(readable)))
      expect(result).toMatchObject({ _tag: "XmlReadError", reason: "Stream", detail })
    }
  })

  it("an async iterable is read chunk by chunk, strings and bytes alike", async () => {
    async function* chunks() {
      yield `<r xmlns="urn:te`
      yield new TextEncoder().encode(`st"><a>4`)
      yield `2</a></r>`
    }
    expect(await Effect.runPromise(XmlCodec.decodeStream(R)(chunks()))).toStrictEqual({ a: 42 })
  })
})

describe("XmlCodec.emptyBody", () => {
  it("reads the empty body of a message whose namespace has every character an attribute must escape", () => {
    const message = Soap.message({
      namespace: "urn:a&b<c\"d",
      header: {},
      body: { name: "Ping", fields: { Count: Xml.optionalElement(Xsd.int), Name: Xml.optionalElement(Xsd.string) } }
    })
    expect(XmlCodec.emptyBody(message)).toStrictEqual(Either.right({ Count: 0, Name: "" }))
  })
})

describe("Service.define and Service.make", () => {
  const definition = Service.define({
    name: "Shop",
    endpoint: "Shop.svc",
    namespace: NS,
    actionPrefix: "urn:shop/",
    requestHeader: {},
    responseHeader: {}
  })
  const ping = definition.operation("Ping", definition.request("Ping", {}), definition.response("PingResponse", {}))

  it("names messages as the WSDL does unless told otherwise, and gives operations their SOAPAction", () => {
    expect(Soap.messageName(definition.request("Ping", {}))).toBe("PingRequest")
    expect(Soap.messageName(definition.request("Ping", {}, { message: "PingIn" }))).toBe("PingIn")
    expect(Soap.messageName(definition.response("PingResponse", {}))).toBe("PingResponse")
    expect(Soap.messageName(definition.response("PingResponse", {}, { message: "PingOut" }))).toBe("PingOut")
    expect(ping).toMatchObject({
      name: "Ping",
      service: "Shop",
      endpoint: "Shop.svc",
      action: "urn:shop/Ping",
      requestMessage: "PingRequest",
      responseMessage: "PingResponse"
    })
    const custom = definition.operation(
      "Ping",
      definition.request("Ping", {}, { message: "PingIn" }),
      definition.response("PingResponse", {}),
      { action: "urn:other/Ping" }
    )
    expect(custom).toMatchObject({ action: "urn:other/Ping", requestMessage: "PingIn" })
  })

  it("an operation's messages without a message name are named after the operation", () => {
    const envelope = { [Symbol.for("@erpsync/codec/Envelope")]: { headerKey: "Header", bodyKey: "Body" } }
    const body = (name: string) =>
      Schema.Struct({}).annotations({ ...Xml.root(name, NS), ...Xml.complexType(name, NS) })
    const bare = (name: string) => Schema.Struct({ Header: Schema.Struct({}), Body: body(name) }).annotations(envelope)
    const operation = definition.operation("Echo", bare("Echo") as never, bare("EchoResponse") as never)
    expect(operation).toMatchObject({ requestMessage: "EchoRequest", responseMessage: "EchoResponse" })
  })

  it("collects the messages by name, a message shared by two operations once", () => {
    const shared = definition.response("Ack", {})
    const a = definition.operation("A", definition.request("A", {}), shared)
    const b = definition.operation("B", definition.request("B", {}), shared)
    const service = Service.make(definition, { A: a, B: b, Ping: ping })
    expect(Object.keys(service.messages)).toStrictEqual(["ARequest", "Ack", "BRequest", "PingRequest", "PingResponse"])
    expect(service.messages["Ack"]).toBe(shared)
  })

  it("refuses operations keyed otherwise or of another service, a SOAPAction twice, and two messages of one name", () => {
    const other = Service.define({ ...definition, name: "Other" })
    const otherPing = other.operation("Ping", other.request("Ping", {}), other.response("PingResponse", {}))
    const sameAction = definition.operation(
      "Pong",
      definition.request("Pong", {}),
      definition.response("PongResponse", {}),
      {
        action: "urn:shop/Ping"
      }
    )
    const sameName = definition.operation(
      "Pang",
      definition.request("Pang", {}, { message: "PingRequest" }),
      definition.response("PangResponse", {})
    )
    for (
      const operations of [{ Pong: ping }, { Ping: otherPing }, { Ping: ping, Pong: sameAction }, {
        Ping: ping,
        Pang: sameName
      }]
    ) {
      expect(() => Service.make(definition, operations as never)).toThrow(/^Shop: /)
    }
  })
})

describe("annotations and descriptions", () => {
  it("are keyed by global symbols, so that two copies of the codec read each other's schemas", () => {
    const keyOf = (annotations: object) => Object.getOwnPropertySymbols(annotations)[0]
    expect(keyOf(Xml.elementAnnotations({}))).toBe(Symbol.for("@erpsync/codec/Element"))
    expect(keyOf(Xml.complexType("T", NS))).toBe(Symbol.for("@erpsync/codec/ComplexType"))
    expect(keyOf(Xml.items("i", NS))).toBe(Symbol.for("@erpsync/codec/Items"))
    expect(keyOf(Xml.root("r", NS))).toBe(Symbol.for("@erpsync/codec/RootElement"))
    const message = Soap.message({ namespace: NS, header: {}, body: { name: "Ping", fields: {} } })
    expect(Object.getOwnPropertySymbols(message.ast.annotations)).toEqual(
      expect.arrayContaining([Symbol.for("@erpsync/codec/Envelope"), Symbol.for("@erpsync/codec/Message")])
    )
    expect(AST.getIdentifierAnnotation(message.ast)).toStrictEqual(Option.some("PingMessage"))
    expect(
      AST.getIdentifierAnnotation(
        Soap.message({ name: "PingIn", namespace: NS, header: {}, body: { name: "Ping", fields: {} } }).ast
      )
    )
      .toStrictEqual(Option.some("PingIn"))
  })

  it("XmlCodec.describe: a transformation is described by what it carries, a struct as a complex type", () => {
    const Cents = Schema.transform(Xsd.int, Schema.String, { strict: true, decode: String, encode: Number })
    const Inline = Schema.Struct({ x: Xsd.int })
    const Named = Schema.Struct({ y: Xsd.int }).annotations(Xml.complexType("Named", NS))
    const description = XmlCodec.describe(doc({ price: Cents, inline: Inline, named: Named }))
    const members = description.types.get("{urn:test}r")!
    expect(members.map((m) => m.type)).toStrictEqual([
      { kind: "simple", name: { namespace: "http://www.w3.org/2001/XMLSchema", name: "int" } },
      {
        kind: "complex",
        sequence: [{
          name: "x",
          namespace: "",
          minOccurs: 1,
          maxOccurs: 1,
          nillable: false,
          type: { kind: "simple", name: { namespace: "http://www.w3.org/2001/XMLSchema", name: "int" } }
        }]
      },
      { kind: "complex", name: { namespace: NS, name: "Named" } }
    ])
  })
})

describe("XmlCodec.headerNames", () => {
  it("names a message's header blocks in their order, by their element names; none for a message without", () => {
    const message = Soap.message({
      namespace: NS,
      header: {
        Zulu: Soap.header(Xsd.string),
        Alpha: Soap.header(Xsd.int, { name: "AlphaBlock" }),
        Mike: Soap.header(Xsd.boolean)
      },
      body: { name: "Ping", fields: {} }
    })
    expect(XmlCodec.headerNames(message)).toStrictEqual(["Zulu", "AlphaBlock", "Mike"])
    expect(XmlCodec.headerNames(Soap.message({ namespace: NS, header: {}, body: { name: "Ping", fields: {} } })))
      .toStrictEqual([])
  })
})

describe("a transformation that decodes with the codec while a document is being decoded", () => {
  it("leaves the outer decode where it was: the rest of the document is read as before", () => {
    const Inner = Schema.Struct({ n: Xsd.int }).annotations({
      ...Xml.complexType("Inner", NS),
      ...Xml.root("inner", NS)
    })
    const Embedded = Schema.transformOrFail(Xsd.string, Schema.typeSchema(Inner), {
      strict: true,
      decode: (text, _, ast) =>
        Either.mapLeft(XmlCodec.decodeEither(Inner)(text), (e) => new ParseResult.Type(ast, text, e.message)),
      encode: (value, _, ast) =>
        Either.mapLeft(XmlCodec.encodeEither(Inner)(value), (e) => new ParseResult.Type(ast, value, e.message))
    })
    const Outer = Schema.Struct({ first: Embedded, second: Embedded, after: Xsd.string }).annotations({
      ...Xml.complexType("Outer", NS),
      ...Xml.root("outer", NS)
    })
    const inner = (n: number) => Xml.escapeText(`<inner xmlns="${NS}"><n>${n}</n></inner>`)
    const document = `<outer xmlns="${NS}"><first>${inner(1)}</first><second>${inner(2)}</second>` +
      `<after>z</after></outer>`
    expect(XmlCodec.decodeEither(Outer)(document)).toStrictEqual(
      Either.right({ first: { n: 1 }, second: { n: 2 }, after: "z" })
    )
  })
})

describe("a transformation's encode side", () => {
  it("a refusal is an XmlEncodeError of the member, with the transformation's message", () => {
    const Even = Schema.transformOrFail(Xsd.int, Schema.Number, {
      strict: true,
      decode: ParseResult.succeed,
      encode: (n, _, ast) =>
        n % 2 === 0 ? ParseResult.succeed(n) : ParseResult.fail(new ParseResult.Type(ast, n, "odd"))
    })
    const R = doc({ a: Xsd.string, b: Even })
    expect(XmlCodec.encodeEither(R)({ a: "x", b: 4 })).toStrictEqual(
      Either.right(`<r xmlns="${NS}" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><a>x</a><b>4</b></r>`)
    )
    const refused = XmlCodec.encodeEither(R)({ a: "x", b: 3 })
    expect(Either.isLeft(refused) && [refused.left._tag, refused.left.reason, refused.left.path]).toStrictEqual([
      "XmlEncodeError",
      "InvalidValue",
      "/r/b"
    ])
    expect(Either.isLeft(refused) && refused.left.message).toContain("odd")
  })
})

describe("unions with null or undefined", () => {
  it("an enumeration that may be undefined is not nillable; a nullable one of two values keeps both", () => {
    // Flat unions, as Schema.Literal and Schema.Union make them: { a, b, undefined } and { a, b, null }.
    const Optional = doc({ e: Schema.Union(Schema.Literal("a"), Schema.Literal("b"), Schema.Undefined) })
    expect(XmlCodec.describe(Optional).types.get(`{${NS}}r`)).toMatchObject([{ name: "e", nillable: false }])
    expect(XmlCodec.decodeEither(Optional)(`<r xmlns="${NS}"><e>b</e></r>`)).toStrictEqual(Either.right({ e: "b" }))
    const Nullable = doc({ e: Schema.Literal("a", "b", null) })
    expect(XmlCodec.decodeEither(Nullable)(`<r xmlns="${NS}"><e>b</e></r>`)).toStrictEqual(Either.right({ e: "b" }))
    expect(
      XmlCodec.decodeEither(Nullable)(
        `<r xmlns="${NS}" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><e i:nil="true"/></r>`
      )
    ).toStrictEqual(
      Either.right({ e: null })
    )
    expect(XmlCodec.encodeEither(Nullable)({ e: "b" })).toStrictEqual(
      Either.right(`<r xmlns="${NS}" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><e>b</e></r>`)
    )
  })
})

describe("definition errors and defaults at their edges", () => {
  it("a symbol key and a tuple that is no array have no XML form", () => {
    expect(() => XmlCodec.compile(doc({ [Symbol.for("k")]: Xsd.int }))).toThrow(
      /^Cannot derive an XML codec at .*only string keys/
    )
    for (const tuple of [Schema.Tuple(), Schema.Tuple([], Xsd.int, Xsd.string)]) {
      expect(() => XmlCodec.compile(doc({ t: tuple.annotations(Xml.items("i", NS)) }))).toThrow(
        /^Cannot derive an XML codec at t: only arrays/
      )
    }
  })

  it("an absent struct's default leaves its optional members out, and needs a default for every other", () => {
    const S = Schema.Struct({ a: Xsd.int, b: Schema.optional(Xsd.string) }).annotations(Xml.complexType("S", NS))
    expect(decode(doc({ v: Xml.element(S, { minOccurs: 0 }) }), `<r xmlns="${NS}"/>`)).toStrictEqual(
      Either.right({ v: { a: 0 } })
    )
    interface Node {
      readonly next: Node | null
    }
    const Node: Schema.Schema<Node> = Schema.Struct({
      next: Schema.NullOr(Schema.suspend((): Schema.Schema<Node> => Node))
    }).annotations(Xml.complexType("Node", NS))
    const Holder = Schema.Struct({ n: Schema.suspend((): Schema.Schema<Node> => Node) }).annotations(
      Xml.complexType("Holder", NS)
    )
    expect(() => XmlCodec.compile(doc({ v: Xml.element(Holder, { minOccurs: 0 }) }))).toThrow(
      /^Cannot derive an XML codec at v: a minOccurs=0 member of this type needs a default value$/
    )
  })

  it("a simple type declared over a union with null is read by its own parse, not as a nillable element", () => {
    const YesNo = Schema.Union(Schema.Literal("yes"), Schema.Null).annotations(
      Xsd.simpleType<"yes" | null>({
        name: "yesNo",
        namespace: NS,
        parse: (text) => text === "Y" ? { ok: true, value: "yes" } : { ok: true, value: null },
        format: (value) => ({ ok: true, value: value === "yes" ? "Y" : "N" }),
        default: null
      })
    )
    const R = doc({ e: YesNo })
    expect(decode(R, `<r xmlns="${NS}"><e>N</e></r>`)).toStrictEqual(Either.right({ e: null }))
    expect(decode(R, `<r xmlns="${NS}"><e>Y</e></r>`)).toStrictEqual(Either.right({ e: "yes" }))
    expect(Either.getOrThrow(encode(R, { e: "yes" }))).toContain("<e>Y</e>")
  })
})
