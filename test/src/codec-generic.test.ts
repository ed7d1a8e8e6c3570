/**
 * The codec with schemas other than ErpSync's: plain documents, refinements, transformations, defaults,
 * recursion, enumerations, and schemas that have no XML form.
 */
import { Service, Soap, Xml, XmlCodec, Xsd } from "@erpsync/codec"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import * as SchemaIssue from "effect/SchemaIssue"
import * as SchemaTransformation from "effect/SchemaTransformation"
import { describe, expect, it } from "vitest"

const NS = "urn:test"
const doc = <Fields extends Schema.Struct.Fields>(fields: Fields) =>
  Schema.Struct(fields).annotate({ ...Xml.root("r", NS), ...Xml.complexType("r", NS) })
const decode = <A, I>(schema: Schema.Codec<A, I>, xml: string) => XmlCodec.decodeResult(schema)(xml)
const encode = <A, I>(schema: Schema.Codec<A, I>, value: A) => XmlCodec.encodeResult(schema)(value)

/** A recursive struct: the reference to itself (not nillable) has no default of its own. */
interface Node {
  readonly next: Node | null
}
const Node: Schema.Codec<Node> = Schema.Struct({
  next: Schema.NullOr(Schema.suspend((): Schema.Codec<Node> => Node))
}).annotate(Xml.complexType("Node", NS))

describe("plain documents", () => {
  it("round-trip with the root element's namespace as the default", () => {
    const R = doc({ a: Xsd.string, b: Schema.Array(Xsd.int).annotate(Xml.items("i", "urn:other")) })
    const xml = Result.getOrThrow(encode(R, { a: "x", b: [1, 2] }))
    expect(xml).toBe(
      `<r xmlns="urn:test" xmlns:a="urn:other" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><a>x</a><b><a:i>1</a:i><a:i>2</a:i></b></r>`
    )
    expect(decode(R, xml)).toStrictEqual(Result.succeed({ a: "x", b: [1, 2] }))
  })

  it("unqualified members (no complex type namespace) are written without a namespace", () => {
    const R = Schema.Struct({ a: Xsd.string }).annotate(Xml.root("r", ""))
    const xml = Result.getOrThrow(encode(R, { a: "x" }))
    expect(xml).toBe(`<r xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><a>x</a></r>`)
    expect(decode(R, xml)).toStrictEqual(Result.succeed({ a: "x" }))
  })

  it("the wrong root element is an error, by its name or by its namespace", () => {
    const R = doc({})
    expect(Result.flip(decode(R, `<x xmlns="urn:test"/>`))).toMatchObject(
      Result.succeed({ reason: "UnexpectedElement" })
    )
    expect(Result.flip(decode(R, `<r xmlns="urn:other"/>`))).toMatchObject(
      Result.succeed({ reason: "UnexpectedElement" })
    )
    expect(decode(R, `<r xmlns="urn:test"/>`)).toStrictEqual(Result.succeed({}))
  })
})

describe("refinements and transformations", () => {
  it("a refinement is checked when decoding and when encoding", () => {
    const R = doc({ n: Xsd.int.check(Schema.isGreaterThan(0)) })
    expect(decode(R, `<r xmlns="urn:test"><n>3</n></r>`)).toStrictEqual(Result.succeed({ n: 3 }))
    expect(Result.flip(decode(R, `<r xmlns="urn:test"><n>-3</n></r>`))).toMatchObject(
      Result.succeed({ _tag: "XmlDecodeError", reason: "InvalidValue", path: "/r/n" })
    )
    expect(Result.flip(encode(R, { n: -3 }))).toMatchObject(
      Result.succeed({ _tag: "XmlEncodeError", reason: "InvalidValue", path: "/r/n" })
    )
  })

  it("a refinement of a type read as it is written (xs:string) is checked too", () => {
    const R = doc({ code: Xsd.string.check(Schema.isMinLength(3)) })
    expect(decode(R, `<r xmlns="urn:test"><code>abc</code></r>`)).toStrictEqual(Result.succeed({ code: "abc" }))
    expect(Result.flip(decode(R, `<r xmlns="urn:test"><code>ab</code></r>`))).toMatchObject(
      Result.succeed({ _tag: "XmlDecodeError", reason: "InvalidValue", path: "/r/code" })
    )
  })

  it("a refinement given a value of the wrong type is an XmlEncodeError, not a throw", () => {
    const R = doc({ a: Xsd.string.check(Schema.makeFilter((s) => s.startsWith("x"))) })
    expect(Result.flip(encode(R, { a: 5 } as never))).toMatchObject(
      Result.succeed({ _tag: "XmlEncodeError", reason: "InvalidValue" })
    )
  })

  it("a transformation carries its from side on the wire", () => {
    const Cents = Xsd.int.pipe(Schema.decodeTo(
      Schema.String,
      SchemaTransformation.transform({
        decode: (n) => (n / 100).toFixed(2),
        encode: (s) => Math.round(Number(s) * 100)
      })
    ))
    const R = doc({ price: Cents, missing: Xml.optionalElement(Cents) })
    expect(decode(R, `<r xmlns="urn:test"><price>1250</price></r>`)).toStrictEqual(
      Result.succeed({ price: "12.50", missing: "0.00" })
    )
    expect(encode(R, { price: "0.99", missing: "1.00" })).toStrictEqual(
      Result.succeed(
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
      Result.succeed({ x: 0, a1: 1, a2: -2 })
    )
    expect(decode(R, `<r xmlns="urn:test"><a xmlns="urn:2">2</a></r>`)).toStrictEqual(
      Result.succeed({ x: 0, a1: -1, a2: 2 })
    )
  })

  it("refinements and transformations apply from the inside out", () => {
    // A positive xs:int, as text, of at most two characters.
    const Short = Xsd.int.check(Schema.isGreaterThan(0)).pipe(
      Schema.decodeTo(Schema.String, SchemaTransformation.transform({ decode: String, encode: Number }))
    ).check(Schema.isMaxLength(2))
    const R = doc({ n: Short })
    expect(decode(R, `<r xmlns="urn:test"><n>42</n></r>`)).toStrictEqual(Result.succeed({ n: "42" }))
    for (const text of ["-4", "420"]) {
      expect(Result.flip(decode(R, `<r xmlns="urn:test"><n>${text}</n></r>`)), text).toMatchObject(
        Result.succeed({ reason: "InvalidValue", path: "/r/n" })
      )
    }
    expect(encode(R, { n: "42" })).toStrictEqual(
      Result.succeed(`<r xmlns="urn:test" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><n>42</n></r>`)
    )
  })
})

describe("a refinement inside a transformation", () => {
  // A positive xs:int on the wire, its negation in the value: the refinement is the wire's, checked before
  // the transformation decodes, and not of the value it decodes to.
  const Negated = Xsd.int.check(Schema.isGreaterThan(0)).pipe(
    Schema.decodeTo(Schema.Number, SchemaTransformation.transform({ decode: (n) => -n, encode: (n) => -n }))
  )
  const R = doc({ n: Negated })

  it("is checked on the wire's value", () => {
    expect(decode(R, `<r xmlns="urn:test"><n>5</n></r>`)).toStrictEqual(Result.succeed({ n: -5 }))
    expect(Result.flip(decode(R, `<r xmlns="urn:test"><n>-5</n></r>`))).toMatchObject(
      Result.succeed({ _tag: "XmlDecodeError", reason: "InvalidValue", path: "/r/n" })
    )
    expect(encode(R, { n: -5 })).toStrictEqual(
      Result.succeed(`<r xmlns="urn:test" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><n>5</n></r>`)
    )
    expect(Result.flip(encode(R, { n: 5 }))).toMatchObject(
      Result.succeed({ _tag: "XmlEncodeError", reason: "InvalidValue", path: "/r/n" })
    )
  })
})

describe("a transformation that throws while encoding", () => {
  // A bug in the user's schema, not bad input: its own error comes out, wherever the value is.
  const Throwing = Xsd.int.pipe(Schema.decodeTo(
    Schema.String,
    SchemaTransformation.transform({
      decode: String,
      encode: (): number => {
        throw new Error("the transformation's own bug")
      }
    })
  ))
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
  const array = request("B", { b: Schema.Array(Throwing).annotate(Xml.items("i", NS)) })
  const none = request("C", {})

  it("while decoding, too: the bug's own error, not a typed error that would blame the input", () => {
    const Decoding = Xsd.int.pipe(Schema.decodeTo(
      Schema.String,
      SchemaTransformation.transform({
        decode: (): string => {
          throw new Error("the transformation's own bug")
        },
        encode: Number
      })
    ))
    expect(() => decode(doc({ a: Decoding }), `<r xmlns="urn:test"><a>1</a></r>`)).toThrow(
      "the transformation's own bug"
    )
  })

  it.each([
    ["in a plain document's member", () => encode(doc({ a: Throwing }), { a: "x" })],
    [
      "in an array item",
      () => encode(doc({ b: Schema.Array(Throwing).annotate(Xml.items("i", NS)) }), { b: ["x"] })
    ],
    ["in a SOAP body", () => XmlCodec.encodeResult(member)({ Header: { H: null }, Body: { a: "x" } })],
    ["in a SOAP body's array", () => XmlCodec.encodeResult(array)({ Header: { H: null }, Body: { b: ["x"] } })],
    ["in a SOAP header", () => XmlCodec.encodeResult(none)({ Header: { H: "x" }, Body: {} })]
  ])("%s", (_, run) => {
    expect(run).toThrow("the transformation's own bug")
  })
})

describe("defaults of absent members", () => {
  it("a refined member whose type's default fails the refinement needs a default of its own", () => {
    expect(() => XmlCodec.compile(doc({ p: Xml.optionalElement(Xsd.int.check(Schema.isGreaterThan(0))) }))).toThrow(
      /needs a default value/
    )
    const R = doc({ p: Xml.element(Xsd.int.check(Schema.isGreaterThan(0)), { minOccurs: 0, default: () => 1 }) })
    expect(decode(R, `<r xmlns="urn:test"/>`)).toStrictEqual(Result.succeed({ p: 1 }))
  })

  it("a default is only for minOccurs 0: a required element that is absent is missing", () => {
    const R = doc({ a: Xml.element(Xsd.int, { default: () => 7 }) })
    expect(Result.flip(decode(R, `<r xmlns="urn:test"/>`))).toMatchObject(
      Result.succeed({ _tag: "XmlDecodeError", reason: "MissingElement", path: "/r/a" })
    )
  })

  it("an optional property stays absent", () => {
    const R = doc({ a: Schema.optionalKey(Xsd.int) })
    expect(decode(R, `<r xmlns="urn:test"/>`)).toStrictEqual(Result.succeed({}))
    expect(Result.getOrThrow(encode(R, {}))).not.toContain("<a")
  })
})

describe("schemas with no XML form fail when the codec is derived, not on input", () => {
  it.each([
    ["a bigint inside a recursive reference", doc({ a: Schema.suspend(() => Schema.BigInt) })],
    ["a union of structs", doc({ a: Schema.Union([Schema.Struct({ x: Xsd.int }), Schema.Struct({ y: Xsd.int })]) })],
    ["an array without an item element", doc({ a: Schema.Array(Xsd.int) })],
    ["a record", doc({ a: Schema.Record(Schema.String, Xsd.int) })],
    ["a numeric literal", doc({ a: Schema.Literal(1) })],
    ["a boolean literal", doc({ a: Schema.Literal(true) })],
    ["a union of a string and a numeric literal", doc({ a: Schema.Literals(["a", 1]) })],
    ["a numeric enum", doc({ a: Schema.Enum({ A: 0, B: 1 }) })],
    ["a mixed enum", doc({ a: Schema.Enum({ A: "a", B: 1 }) })],
    ["a tuple", doc({ a: Schema.Tuple([Xsd.int]).annotate(Xml.items("i", NS)) })],
    [
      "an array with a leading element",
      doc({ a: Schema.TupleWithRest(Schema.Tuple([Xsd.int]), [Xsd.int]).annotate(Xml.items("i", NS)) })
    ],
    [
      "a struct with an index signature",
      doc({ a: Schema.StructWithRest(Schema.Struct({}), [Schema.Record(Schema.String, Xsd.int)]) })
    ],
    ["undefined", doc({ a: Schema.Undefined })],
    ["void", doc({ a: Schema.Void })],
    ["never", doc({ a: Schema.Never })],
    ["unknown", doc({ a: Schema.Unknown })],
    ["any", doc({ a: Schema.Any })],
    ["a symbol", doc({ a: Schema.Symbol })],
    ["a unique symbol", doc({ a: Schema.UniqueSymbol(Symbol.for("erpsync/test")) })],
    ["an object", doc({ a: Schema.ObjectKeyword })],
    ["a template literal", doc({ a: Schema.TemplateLiteral(["a", Schema.String]) })],
    ["a declared type", doc({ a: Schema.Date })],
    [
      "a transformation of a nullable type",
      doc({
        a: Schema.NullOr(Xsd.int).pipe(Schema.decodeTo(
          Schema.NullOr(Schema.Number),
          SchemaTransformation.transform({ decode: (n) => n, encode: (n) => n })
        ))
      })
    ],
    ["null alone", doc({ a: Schema.Null })],
    ["null or undefined alone", doc({ a: Schema.Union([Schema.Null, Schema.Undefined]) })],
    [
      "a nullable type that is not an element's",
      doc({ a: Schema.NullOr(Xsd.int).check(Schema.makeFilter(() => true)) })
    ]
  ])("%s", (_, schema) => {
    // Each of them is the type of the member `a`: the error is located there.
    expect(() => XmlCodec.decodeResult(schema as Schema.Codec<unknown>)).toThrow(/^Cannot derive an XML codec at a: /)
    let thrown: unknown
    try {
      XmlCodec.encodeResult(schema as Schema.Codec<unknown>)
    } catch (e) {
      thrown = e
    }
    expect(thrown).toBeInstanceOf(Error)
    expect((thrown as Error).name).toBe("SchemaDefinitionError")
  })
})

describe("a definition error names where the schema has no XML form", () => {
  const envelope = { "@erpsync/codec/Envelope": { headerKey: "Header", bodyKey: "Body" } }
  const body = Schema.Struct({ n: Xsd.int }).annotate({ ...Xml.root("B", NS), ...Xml.complexType("B", NS) })
  const errorOf = (schema: Schema.Top): string => {
    try {
      XmlCodec.compile(schema as Schema.Codec<unknown>)
    } catch (e) {
      return e instanceof Error && e.name === "SchemaDefinitionError" ? e.message : `not a definition error: ${e}`
    }
    return "compiled"
  }

  it.each([
    ["an array item", doc({ list: Schema.Array(Schema.Unknown).annotate(Xml.items("i", NS)) }), "list.i"],
    ["a member of a member", doc({ a: Schema.Struct({ b: Schema.Struct({ c: Schema.ObjectKeyword }) }) }), "a.b.c"],
    [
      "an item inside a recursive reference",
      doc({ a: Schema.suspend(() => Schema.Array(Schema.Any).annotate(Xml.items("i", NS))) }),
      "a.i"
    ],
    ["an empty tuple", doc({ t: Schema.Tuple([]) }), "t"],
    ["a document without a root element", Schema.Struct({ a: Xsd.int }), "the root"],
    ["a SOAP message that is not a struct", Schema.String.annotate(envelope), "the root"],
    ["a SOAP message without its body", Schema.Struct({ Header: Schema.Struct({}) }).annotate(envelope), "the root"],
    ["a SOAP message without its header", Schema.Struct({ Body: body }).annotate(envelope), "the root"],
    [
      "a SOAP header that is not a struct",
      Schema.Struct({ Header: Xsd.int, Body: body }).annotate(envelope),
      "Header"
    ],
    [
      "a SOAP body without an element name",
      Schema.Struct({ Header: Schema.Struct({}), Body: Schema.Struct({}) }).annotate(envelope),
      "Body"
    ],
    [
      "a member of the SOAP body",
      Schema.Struct({
        Header: Schema.Struct({}),
        Body: Schema.Struct({ x: Schema.Unknown }).annotate(Xml.root("B", NS))
      }).annotate(envelope),
      "Body.x"
    ],
    [
      "a recursive reference in the SOAP body",
      Schema.Struct({
        Header: Schema.Struct({}),
        Body: Schema.Struct({ x: Schema.suspend(() => Schema.BigInt) }).annotate(Xml.root("B", NS))
      }).annotate(envelope),
      "Body.x"
    ],
    [
      "a recursive reference in a SOAP header block",
      Schema.Struct({ Header: Schema.Struct({ h: Schema.suspend(() => Schema.BigInt) }), Body: body })
        .annotate(envelope),
      "Header.h"
    ],
    [
      "a SOAP header block",
      Schema.Struct({ Header: Schema.Struct({ h: Schema.Never }), Body: body }).annotate(envelope),
      "Header.h"
    ]
  ])("%s", (_, schema, where) => {
    expect(errorOf(schema)).toMatch(new RegExp(`^Cannot derive an XML codec at ${where.replace(/\./g, "\\.")}: `))
  })

  it.each([
    ["an array item", (bad: Schema.Top) => Schema.Array(bad).annotate(Xml.items("i", NS))],
    // A recursive reference keeps no checks: it is refined as the refined type decoded from it.
    [
      "a refinement",
      (bad: Schema.Top) => bad.pipe(Schema.decodeTo(Schema.BigInt.check(Schema.makeFilter(() => true))))
    ],
    [
      "a transformation",
      (bad: Schema.Top) =>
        bad.pipe(
          Schema.decodeTo(Schema.Unknown, SchemaTransformation.transform({ decode: (x) => x, encode: (x) => x }))
        )
    ],
    ["a struct member", (bad: Schema.Top) => Schema.Struct({ x: bad })],
    [
      "a refined struct's member",
      (bad: Schema.Top) => Schema.Struct({ x: Schema.optional(bad) }).check(Schema.makeFilter(() => true))
    ]
  ])("a recursive reference without an XML form, inside %s, fails when the codec is derived", (_, around) => {
    const bad = Schema.suspend(() => Schema.BigInt)
    expect(errorOf(doc({ a: around(bad) as unknown as Schema.Codec<unknown> }))).toMatch(
      /^Cannot derive an XML codec at a.*: bigint/
    )
  })

  it("decoding alone derives the whole SOAP plan too: a recursive reference the document never reaches fails first", () => {
    const inBody = Schema.Struct({
      Header: Schema.Struct({}),
      Body: Schema.Struct({ x: Schema.optional(Schema.suspend(() => Schema.BigInt)) })
        .annotate(Xml.root("B", NS))
    }).annotate(envelope)
    const inHeader = Schema.Struct({
      Header: Schema.Struct({ h: Schema.optional(Schema.suspend(() => Schema.BigInt)) }),
      Body: body
    }).annotate(envelope)
    expect(() => XmlCodec.decodeResult(inBody)).toThrow(/^Cannot derive an XML codec at Body\.x: bigint/)
    expect(() => XmlCodec.makeDecoder(inHeader)).toThrow(/^Cannot derive an XML codec at Header\.h: bigint/)
  })

  it("a SOAP header that is a recursive reference to a struct is a struct", () => {
    const Header = Schema.Struct({ h: Xml.optionalElement(Xsd.int) })
    const message = Schema.Struct({ Header: Schema.suspend(() => Header), Body: body }).annotate(envelope)
    expect(errorOf(message)).toBe("compiled")
  })

  it("a type that may be undefined, inside a refinement, is read as its type", () => {
    const R = doc({ n: Schema.UndefinedOr(Xsd.int).check(Schema.makeFilter((n) => n !== 0)) })
    expect(decode(R, `<r xmlns="urn:test"><n>4</n></r>`)).toStrictEqual(Result.succeed({ n: 4 }))
  })
})

describe("defaults of absent minOccurs=0 elements, by type", () => {
  const absent = <A, I>(type: Schema.Codec<A, I>) =>
    decode(doc({ v: Xml.element(type, { minOccurs: 0 }) }), `<r xmlns="urn:test"/>`).pipe(Result.map((r) => r.v))

  it("an array and a list are empty, a new one each time", () => {
    const array = Schema.Array(Xsd.int).annotate(Xml.items("i", NS))
    const list = Xsd.list(["A", "B"], "AB", NS)
    for (const type of [array, list] as const) {
      const first = Result.getOrThrow(absent(type as Schema.Codec<ReadonlyArray<unknown>>))
      const second = Result.getOrThrow(absent(type as Schema.Codec<ReadonlyArray<unknown>>))
      expect(first).toStrictEqual([])
      expect(first).not.toBe(second)
    }
  })

  it("an enumeration of literals is its first literal", () => {
    expect(absent(Schema.Literals(["first", "second"]))).toStrictEqual(Result.succeed("first"))
    expect(absent(Schema.Literal("only"))).toStrictEqual(Result.succeed("only"))
  })

  it("a transformation is its from side's default, transformed", () => {
    const Doubled = Xsd.int.pipe(Schema.decodeTo(
      Schema.Number,
      SchemaTransformation.transform({ decode: (n) => n + 1, encode: (n) => n - 1 })
    ))
    expect(absent(Doubled)).toStrictEqual(Result.succeed(1))
  })

  it("a type without a default of its own needs one given: a recursive reference, a transformation or refinement of one, a transformation that refuses its from side's default", () => {
    const lazy = Schema.suspend((): Schema.Codec<Node> => Node)
    const refusing = Xsd.string.pipe(Schema.decodeTo(
      Schema.String,
      SchemaTransformation.transformEffect({
        decode: (s) => s === "" ? Effect.fail(new SchemaIssue.InvalidValue({}, s)) : Effect.succeed(s),
        encode: Effect.succeed
      })
    ))
    for (
      const type of [
        lazy,
        // A recursive reference keeps no checks: it is refined as the refined type decoded from it.
        lazy.pipe(Schema.decodeTo(Schema.toType(Node).check(Schema.makeFilter(() => true)))),
        lazy.pipe(Schema.decodeTo(
          Schema.Unknown,
          SchemaTransformation.transform<unknown, Node>({ decode: (n) => n, encode: (n) => n as Node })
        )),
        refusing,
        // A refined struct with a member that has no default.
        Schema.Struct({ next: lazy }).check(Schema.makeFilter(() => true))
      ]
    ) {
      expect(() => XmlCodec.compile(doc({ v: Xml.element(type as Schema.Codec<unknown>, { minOccurs: 0 }) }))).toThrow(
        /^Cannot derive an XML codec at v: a minOccurs=0 member of this type needs a default value$/
      )
    }
  })
})

describe("a constructor default of Xml.element(..., { minOccurs: 0 })", () => {
  it("is its type's default, made afresh when a value is made without the key", () => {
    const S = Schema.Struct({ v: Xml.element(Schema.Array(Xsd.int).annotate(Xml.items("i", NS)), { minOccurs: 0 }) })
    const first = S.make({})
    expect(first).toStrictEqual({ v: [] })
    expect(S.make({}).v).not.toBe(first.v)
  })

  it("is none for an optional key (left out) and gives way to a constructor default given before", () => {
    const S = Schema.Struct({
      o: Xml.element(Schema.optional(Xsd.int), { minOccurs: 0 }),
      d: Xml.element(Xsd.int.pipe(Schema.withConstructorDefault(Effect.succeed(7))), { minOccurs: 0 })
    })
    expect(S.make({})).toStrictEqual({ d: 7 })
  })

  it("of a type without a default, fails as the codec does when it is derived: with the definition error", () => {
    const S = Schema.Struct({ v: Xml.element(Schema.suspend((): Schema.Codec<Node> => Node), { minOccurs: 0 }) })
    expect(S.make({ v: { next: null } })).toStrictEqual({ v: { next: null } })
    let thrown: unknown
    try {
      // Without the key (its type, through the recursive reference, does not say that the key may be left out).
      S.make({} as { readonly v: unknown })
    } catch (e) {
      thrown = e
    }
    // Effect's constructor reports what its default threw as the cause of its own error.
    const defect = Cause.squash((thrown as Error).cause as Cause.Cause<unknown>)
    expect(defect).toBeInstanceOf(Error)
    expect((defect as Error).name).toBe("SchemaDefinitionError")
    expect((defect as Error).message).toBe(
      "Cannot derive an XML codec at the root: a minOccurs=0 member of this type needs a default value"
    )
  })
})

describe("enumerations from literals and enums", () => {
  it("one string literal is an enumeration of one value", () => {
    const R = doc({ a: Schema.Literal("only") })
    expect(decode(R, `<r xmlns="urn:test"><a>only</a></r>`)).toStrictEqual(Result.succeed({ a: "only" }))
    expect(Result.flip(decode(R, `<r xmlns="urn:test"><a>other</a></r>`))).toMatchObject(
      Result.succeed({ reason: "InvalidValue", path: "/r/a" })
    )
    expect(Result.getOrThrow(encode(R, { a: "only" as const }))).toContain("<a>only</a>")
  })

  it("a string enum is an enumeration of its values, in order: the first is the default", () => {
    enum Color {
      Red = "red",
      Green = "green"
    }
    const R = doc({ c: Schema.Enum(Color), d: Xml.optionalElement(Schema.Enum(Color)) })
    expect(decode(R, `<r xmlns="urn:test"><c>green</c></r>`)).toStrictEqual(
      Result.succeed({ c: Color.Green, d: Color.Red })
    )
    expect(Result.flip(decode(R, `<r xmlns="urn:test"><c>Green</c></r>`))).toMatchObject(
      Result.succeed({ reason: "InvalidValue", path: "/r/c" })
    )
  })

  it("an invalid value is named by the enumeration's identifier, else as an enumeration", () => {
    const named = doc({ c: Schema.Literals(["red", "green"]).annotate({ identifier: "Colour" }) })
    const anonymous = doc({ c: Schema.Literals(["red", "green"]) })
    const detailOf = <A, I>(schema: Schema.Codec<A, I>) => {
      const error = Result.flip(decode(schema, `<r xmlns="urn:test"><c>blue</c></r>`))
      return Result.isSuccess(error) && error.success._tag === "XmlDecodeError" ? error.success.detail : ""
    }
    expect(detailOf(named)).toContain("Colour")
    expect(detailOf(anonymous)).toContain("enumeration")
    expect(detailOf(anonymous)).not.toContain("Colour")
  })
})

describe("XmlCodec.describe of enumerations declared as literals", () => {
  it("an enumeration of literals is an anonymous simple type, named by its identifier when it has one", () => {
    const typeOf = <A, I>(schema: Schema.Codec<A, I>) =>
      XmlCodec.describe(doc({ c: schema })).types.get("{urn:test}r")?.[0]?.type
    expect(typeOf(Schema.Literals(["red", "green"]))).toStrictEqual({
      kind: "simple",
      name: { namespace: "", name: "enumeration" }
    })
    expect(typeOf(Schema.Literals(["red", "green"]).annotate({ identifier: "Colour" }))).toStrictEqual({
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
  const Tree: Schema.Codec<Tree> = Schema.Struct({
    label: Xsd.string,
    children: Schema.Array(Schema.suspend((): Schema.Codec<Tree> => Tree)).annotate(Xml.items("node", NS))
  }).annotate(Xml.complexType("Tree", NS))
  const R = doc({ tree: Tree, color: Schema.Literals(["red", "green"]) })

  it("recursive types round-trip", () => {
    const value = {
      tree: {
        label: "a",
        children: [{ label: "b", children: [] }, { label: "c", children: [{ label: "d", children: [] }] }]
      },
      color: "green" as const
    }
    expect(decode(R, Result.getOrThrow(encode(R, value)))).toStrictEqual(Result.succeed(value))
  })

  it("an enumeration value outside the literals is refused", () => {
    expect(Result.flip(decode(R, `<r xmlns="urn:test"><tree><label/><children/></tree><color>blue</color></r>`)))
      .toMatchObject(
        Result.succeed({ reason: "InvalidValue", path: "/r/color" })
      )
  })
})

describe("push decoder", () => {
  it("is spent after the first error: every later call gives that error", () => {
    const decoder = XmlCodec.makeDecoder(doc({ a: Xsd.string }), { limits: { maxTextLength: 1000 } })
    const first = decoder.write(`<r xmlns="urn:test"><a>${"x".repeat(1500)}`)
    expect(Result.isFailure(first) && first.failure).toMatchObject({ _tag: "XmlLimitError", reason: "TextLength" })
    expect(decoder.write("</a></r>")).toStrictEqual(first)
    expect(decoder.end()).toStrictEqual(first)
  })

  it("a locked ReadableStream is an XmlReadError", async () => {
    const readable = new ReadableStream<Uint8Array>()
    readable.getReader()
    const result = await Effect.runPromise(Effect.result(XmlCodec.decodeStream(doc({}))(readable)))
    expect(Result.isFailure(result) && result.failure).toMatchObject({ _tag: "XmlReadError", reason: "Stream" })
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
    expect(XmlCodec.emptyBody(message)).toStrictEqual(Result.succeed({ Count: 0, Name: "" }))
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

  it("an operation carries the REST binding and description it is given, and has no such keys without them", () => {
    expect(Object.keys(ping)).not.toContain("rest")
    expect(Object.keys(ping)).not.toContain("description")
    const described = definition.operation(
      "Find",
      definition.request("Find", { Id: Xsd.int }),
      definition.response("FindResponse", {}),
      { rest: { query: ["Id"] }, description: "Finds one." }
    )
    expect(described.rest).toStrictEqual({ query: ["Id"] })
    expect(described.description).toBe("Finds one.")
    expect(described.action).toBe("urn:shop/Find")
  })

  it("an operation's messages without a message name are named after the operation", () => {
    const envelope = { [Symbol.for("@erpsync/codec/Envelope")]: { headerKey: "Header", bodyKey: "Body" } }
    const body = (name: string) => Schema.Struct({}).annotate({ ...Xml.root(name, NS), ...Xml.complexType(name, NS) })
    const bare = (name: string) => Schema.Struct({ Header: Schema.Struct({}), Body: body(name) }).annotate(envelope)
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
  it("are keyed by package-qualified strings, so that two copies of the codec read each other's schemas", () => {
    const keyOf = (annotations: object) => Object.keys(annotations)[0]
    expect(keyOf(Xml.elementAnnotations({}))).toBe("@erpsync/codec/Element")
    expect(keyOf(Xml.complexType("T", NS))).toBe("@erpsync/codec/ComplexType")
    expect(keyOf(Xml.items("i", NS))).toBe("@erpsync/codec/Items")
    expect(keyOf(Xml.root("r", NS))).toBe("@erpsync/codec/RootElement")
    const message = Soap.message({ namespace: NS, header: {}, body: { name: "Ping", fields: {} } })
    expect(Object.keys(message.ast.annotations ?? {})).toEqual(
      expect.arrayContaining(["@erpsync/codec/Envelope", "@erpsync/codec/Message"])
    )
    expect(AST.resolveIdentifier(message.ast)).toBe("PingMessage")
    expect(
      AST.resolveIdentifier(
        Soap.message({ name: "PingIn", namespace: NS, header: {}, body: { name: "Ping", fields: {} } }).ast
      )
    ).toBe("PingIn")
  })

  it("XmlCodec.describe: a transformation is described by what it carries, a struct as a complex type", () => {
    const Cents = Xsd.int.pipe(
      Schema.decodeTo(Schema.String, SchemaTransformation.transform({ decode: String, encode: Number }))
    )
    const Inline = Schema.Struct({ x: Xsd.int })
    const Named = Schema.Struct({ y: Xsd.int }).annotate(Xml.complexType("Named", NS))
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
    const Inner = Schema.Struct({ n: Xsd.int }).annotate({
      ...Xml.complexType("Inner", NS),
      ...Xml.root("inner", NS)
    })
    const Embedded = Xsd.string.pipe(Schema.decodeTo(
      Schema.toType(Inner),
      SchemaTransformation.transformEffect({
        decode: (text) =>
          Effect.fromResult(XmlCodec.decodeResult(Inner)(text)).pipe(
            Effect.mapError((e) => new SchemaIssue.InvalidValue({ message: e.message }, text))
          ),
        encode: (value) =>
          Effect.fromResult(XmlCodec.encodeResult(Inner)(value)).pipe(
            Effect.mapError((e) => new SchemaIssue.InvalidValue({ message: e.message }, value))
          )
      })
    ))
    const Outer = Schema.Struct({ first: Embedded, second: Embedded, after: Xsd.string }).annotate({
      ...Xml.complexType("Outer", NS),
      ...Xml.root("outer", NS)
    })
    const inner = (n: number) => Xml.escapeText(`<inner xmlns="${NS}"><n>${n}</n></inner>`)
    const document = `<outer xmlns="${NS}"><first>${inner(1)}</first><second>${inner(2)}</second>` +
      `<after>z</after></outer>`
    expect(XmlCodec.decodeResult(Outer)(document)).toStrictEqual(
      Result.succeed({ first: { n: 1 }, second: { n: 2 }, after: "z" })
    )
    // A comment has saxes read the rest of the outer document, its events reaching the outer decoder
    // through handlers it shares with the inner one.
    expect(XmlCodec.decodeResult(Outer)(document.replace("<first>", "<!-- saxes reads on --><first>")))
      .toStrictEqual(Result.succeed({ first: { n: 1 }, second: { n: 2 }, after: "z" }))
  })
})

describe("a transformation's encode side", () => {
  it("a refusal is an XmlEncodeError of the member, with the transformation's message", () => {
    const Even = Xsd.int.pipe(Schema.decodeTo(
      Schema.Number,
      SchemaTransformation.transformEffect({
        decode: Effect.succeed,
        encode: (n) =>
          n % 2 === 0 ? Effect.succeed(n) : Effect.fail(new SchemaIssue.InvalidValue({ message: "odd" }, n))
      })
    ))
    const R = doc({ a: Xsd.string, b: Even })
    expect(XmlCodec.encodeResult(R)({ a: "x", b: 4 })).toStrictEqual(
      Result.succeed(`<r xmlns="${NS}" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><a>x</a><b>4</b></r>`)
    )
    const refused = XmlCodec.encodeResult(R)({ a: "x", b: 3 })
    expect(Result.isFailure(refused) && [refused.failure._tag, refused.failure.reason, refused.failure.path])
      .toStrictEqual([
        "XmlEncodeError",
        "InvalidValue",
        "/r/b"
      ])
    expect(Result.isFailure(refused) && refused.failure.message).toContain("odd")
  })
})

describe("unions with null or undefined", () => {
  it("an enumeration that may be undefined is not nillable; a nullable one of two values keeps both", () => {
    // Flat unions: { a, b, undefined } and { a, b, null }.
    const Optional = doc({ e: Schema.Union([Schema.Literal("a"), Schema.Literal("b"), Schema.Undefined]) })
    expect(XmlCodec.describe(Optional).types.get(`{${NS}}r`)).toMatchObject([{ name: "e", nillable: false }])
    expect(XmlCodec.decodeResult(Optional)(`<r xmlns="${NS}"><e>b</e></r>`)).toStrictEqual(Result.succeed({ e: "b" }))
    const Nullable = doc({ e: Schema.Union([Schema.Literal("a"), Schema.Literal("b"), Schema.Null]) })
    expect(XmlCodec.decodeResult(Nullable)(`<r xmlns="${NS}"><e>b</e></r>`)).toStrictEqual(Result.succeed({ e: "b" }))
    expect(
      XmlCodec.decodeResult(Nullable)(
        `<r xmlns="${NS}" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><e i:nil="true"/></r>`
      )
    ).toStrictEqual(
      Result.succeed({ e: null })
    )
    expect(XmlCodec.encodeResult(Nullable)({ e: "b" })).toStrictEqual(
      Result.succeed(`<r xmlns="${NS}" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><e>b</e></r>`)
    )
  })
})

describe("definition errors and defaults at their edges", () => {
  it("a symbol key and a tuple that is no array have no XML form", () => {
    expect(() => XmlCodec.compile(doc({ [Symbol.for("k")]: Xsd.int }))).toThrow(
      /^Cannot derive an XML codec at .*only string keys/
    )
    for (const tuple of [Schema.Tuple([]), Schema.TupleWithRest(Schema.Tuple([]), [Xsd.int, Xsd.string])]) {
      expect(() => XmlCodec.compile(doc({ t: tuple.annotate(Xml.items("i", NS)) }))).toThrow(
        /^Cannot derive an XML codec at t: only arrays/
      )
    }
  })

  it("an absent struct's default leaves its optional members out, and needs a default for every other", () => {
    const S = Schema.Struct({ a: Xsd.int, b: Schema.optional(Xsd.string) }).annotate(Xml.complexType("S", NS))
    expect(decode(doc({ v: Xml.element(S, { minOccurs: 0 }) }), `<r xmlns="${NS}"/>`)).toStrictEqual(
      Result.succeed({ v: { a: 0 } })
    )
    const Holder = Schema.Struct({ n: Schema.suspend((): Schema.Codec<Node> => Node) }).annotate(
      Xml.complexType("Holder", NS)
    )
    expect(() => XmlCodec.compile(doc({ v: Xml.element(Holder, { minOccurs: 0 }) }))).toThrow(
      /^Cannot derive an XML codec at v: a minOccurs=0 member of this type needs a default value$/
    )
  })

  it("a simple type declared over a union with null is read by its own parse, not as a nillable element", () => {
    const YesNo = Schema.Union([Schema.Literal("yes"), Schema.Null]).annotate(
      Xsd.simpleType<"yes" | null>({
        name: "yesNo",
        namespace: NS,
        parse: (text) => text === "Y" ? { ok: true, value: "yes" } : { ok: true, value: null },
        format: (value) => ({ ok: true, value: value === "yes" ? "Y" : "N" }),
        default: null
      })
    )
    const R = doc({ e: YesNo })
    expect(decode(R, `<r xmlns="${NS}"><e>N</e></r>`)).toStrictEqual(Result.succeed({ e: null }))
    expect(decode(R, `<r xmlns="${NS}"><e>Y</e></r>`)).toStrictEqual(Result.succeed({ e: "yes" }))
    expect(Result.getOrThrow(encode(R, { e: "yes" }))).toContain("<e>Y</e>")
  })
})

describe("Effect 4's ways of declaring schemas", () => {
  const times100 = SchemaTransformation.transform({ decode: (n: number) => n * 100, encode: (n: number) => n / 100 })

  it("a transformation into a simple type is a transformation of what it encodes from, as Effect decodes it", () => {
    const Hundreds = Xsd.int.pipe(Schema.decodeTo(Xsd.int, times100))
    const R = doc({ a: Hundreds })
    expect(Schema.decodeUnknownSync(R)({ a: 3 })).toStrictEqual({ a: 300 })
    expect(decode(R, `<r xmlns="urn:test"><a>3</a></r>`)).toStrictEqual(Result.succeed({ a: 300 }))
    expect(Result.getOrThrow(encode(R, { a: 300 }))).toContain("<a>3</a>")
    // The text is read as the xs:long it encodes from, not as an xs:dateTime.
    const FromSeconds = Xsd.long.pipe(Schema.decodeTo(
      Xsd.dateTime,
      SchemaTransformation.transform({
        decode: (n: bigint) => new Date(Number(n) * 1000).toISOString().replace(/\.000Z$/, "Z"),
        encode: (s: string) => BigInt(Date.parse(s) / 1000)
      })
    ))
    expect(decode(doc({ t: FromSeconds }), `<r xmlns="urn:test"><t> 60 </t></r>`)).toStrictEqual(
      Result.succeed({ t: "1970-01-01T00:01:00Z" })
    )
  })

  it("a simple type that reads through its encoding (Xsd.long) is read by its own parse", () => {
    const R = doc({ n: Xsd.long })
    expect(decode(R, `<r xmlns="urn:test"><n> +007 </n></r>`)).toStrictEqual(Result.succeed({ n: 7n }))
    expect(XmlCodec.describe(R).types.get("{urn:test}r")?.[0]?.type).toStrictEqual({
      kind: "simple",
      name: { namespace: "http://www.w3.org/2001/XMLSchema", name: "long" }
    })
  })

  it("links to schemas that decode themselves (nested encodings, a struct of them) apply as Effect applies them", () => {
    const Doubled = Schema.NumberFromString.pipe(
      Schema.decodeTo(Schema.Number, SchemaTransformation.transform({ decode: (n) => n * 2, encode: (n) => n / 2 }))
    )
    const Trimmed = Xsd.string.pipe(
      Schema.decodeTo(Doubled, SchemaTransformation.transform({ decode: (s) => s.trim(), encode: (s) => s }))
    )
    const R = doc({ a: Trimmed })
    expect(Schema.decodeUnknownSync(R)({ a: " 21 " })).toStrictEqual({ a: 42 })
    expect(decode(R, `<r xmlns="urn:test"><a> 21 </a></r>`)).toStrictEqual(Result.succeed({ a: 42 }))
    expect(Result.getOrThrow(encode(R, { a: 42 }))).toContain("<a>21</a>")
    const Wrapped = Xsd.string.pipe(Schema.decodeTo(
      Schema.Struct({ n: Schema.NumberFromString }),
      SchemaTransformation.transform({
        decode: (s: string) => ({ n: s }),
        encode: (o: { readonly n: string }) => o.n
      })
    ))
    expect(decode(doc({ a: Wrapped }), `<r xmlns="urn:test"><a>5</a></r>`)).toStrictEqual(
      Result.succeed({ a: { n: 5 } })
    )
    expect(Result.getOrThrow(encode(doc({ a: Wrapped }), { a: { n: 5 } }))).toContain("<a>5</a>")
  })

  it("a key optional on the encoded side only (withDecodingDefaultKey) may be absent, and has Effect's default", () => {
    const R = doc({
      a: Xsd.int.pipe(Schema.withDecodingDefaultKey(Effect.succeed(5))),
      b: Xsd.int.pipe(Schema.withDecodingDefault(Effect.succeed(7)))
    })
    expect(Schema.decodeUnknownSync(R)({})).toStrictEqual({ a: 5, b: 7 })
    expect(decode(R, `<r xmlns="urn:test"/>`)).toStrictEqual(Result.succeed({ a: 5, b: 7 }))
    expect(decode(R, `<r xmlns="urn:test"><b>2</b></r>`)).toStrictEqual(Result.succeed({ a: 5, b: 2 }))
    expect(XmlCodec.describe(R).types.get("{urn:test}r")?.map((m) => [m.name, m.minOccurs])).toStrictEqual([["a", 0], [
      "b",
      0
    ]])
  })

  it("an element annotation is kept under Schema.optional and NullOr, and a second one adds to the first", () => {
    const R = doc({
      a: Schema.optional(Xml.element(Xsd.string, { name: "Alpha" })),
      b: Schema.NullOr(Xml.element(Xsd.string, { name: "Beta" })),
      c: Xml.optionalElement(Xml.element(Xsd.int, { name: "Gamma" }))
    })
    const xml = Result.getOrThrow(encode(R, { a: "x", b: "y", c: 1 }))
    expect(xml).toContain("<Alpha>x</Alpha><Beta>y</Beta><Gamma>1</Gamma>")
    expect(decode(R, `<r xmlns="urn:test"><Beta>y</Beta></r>`)).toStrictEqual(Result.succeed({ b: "y", c: 0 }))
  })

  it("a Schema.Class is written as the struct it is encoded as, with the class's complex type, and decodes to an instance", () => {
    class Person extends Schema.Class<Person>("Person")(
      { name: Xsd.string, age: Xsd.int },
      Xml.complexType("Person", "urn:p")
    ) {}
    const R = doc({ p: Person })
    const xml = Result.getOrThrow(encode(R, { p: new Person({ name: "x", age: 3 }) }))
    expect(xml).toContain(`<p><a:name>x</a:name><a:age>3</a:age></p>`)
    expect(xml).toContain(`xmlns:a="urn:p"`)
    const read = Result.getOrThrow(decode(R, xml))
    expect(read.p).toBeInstanceOf(Person)
    expect(read.p).toMatchObject({ name: "x", age: 3 })
  })

  it("a Schema.Class lends its annotations to the struct it is encoded as only where the struct has none of its own", () => {
    const Inner = Schema.Struct({ n: Xsd.int }).annotate(Xml.complexType("Inner", "urn:inner"))
    class Both extends Schema.Class<Both>("Both")(Inner, Xml.complexType("Outer", "urn:outer")) {}
    const R = doc({ p: Both })
    const xml = Result.getOrThrow(encode(R, { p: new Both({ n: 1 }) }))
    expect(xml).toContain(`<p><a:n>1</a:n></p>`)
    expect(xml).toContain(`xmlns:a="urn:inner"`)
    expect(xml).not.toContain("urn:outer")
    class Plain extends Schema.Class<Plain>("Plain")(Inner) {}
    expect(Result.getOrThrow(encode(doc({ p: Plain }), { p: new Plain({ n: 1 }) }))).toBe(xml)
  })

  it("a declared type without annotations, encoded as a simple type, is written as that type", () => {
    const Tag = Schema.declare((u): u is string => typeof u === "string").pipe(
      Schema.encodeTo(Xsd.string, SchemaTransformation.transform({ decode: (s) => s, encode: (s) => s }))
    )
    expect(Tag.ast.annotations).toBeUndefined()
    const R = doc({ t: Tag })
    expect(Result.getOrThrow(encode(R, { t: "x" }))).toContain("<t>x</t>")
    expect(decode(R, `<r xmlns="urn:test"><t>y</t></r>`)).toStrictEqual(Result.succeed({ t: "y" }))
  })

  it("a simple type on a schema with an encoding it does not read through (no `encoded`) is a transformation of it", () => {
    const length: Xsd.SimpleType<number> = {
      name: "length",
      namespace: NS,
      parse: (text) => ({ ok: true, value: text.length }),
      format: (n) => ({ ok: true, value: "x".repeat(n) }),
      default: 0
    }
    const Count = Schema.NumberFromString.annotate(Xsd.simpleType(length))
    const R = doc({ c: Count })
    // The XML carries the encoded side, a string, read through the transformation, not the simple type's parse.
    expect(decode(R, `<r xmlns="urn:test"><c>12</c></r>`)).toStrictEqual(Result.succeed({ c: 12 }))
    expect(Result.getOrThrow(encode(R, { c: 3 }))).toContain("<c>3</c>")
    // With `encoded`, the simple type reads the text itself.
    const Read = Schema.NumberFromString.annotate(Xsd.simpleType(length, Schema.NumberFromString))
    expect(decode(doc({ c: Read }), `<r xmlns="urn:test"><c>12</c></r>`)).toStrictEqual(Result.succeed({ c: 2 }))
  })

  it("checks on a flipped schema's encoded side are refused when the codec is derived", () => {
    const Positive = Schema.Struct({ n: Xsd.int }).check(Schema.makeFilter((o: { n: number }) => o.n > 0))
    expect(() => XmlCodec.compile(doc({ f: Schema.flip(Positive) }))).toThrow(
      /^Cannot derive an XML codec at f: checks on a schema's encoded side/
    )
  })

  it("a middleware (catchDecoding) is refused when the codec is derived", () => {
    const Lenient = Xsd.int.pipe(Schema.catchDecoding(() => Effect.succeedSome(0)))
    expect(() => XmlCodec.compile(doc({ a: Lenient }))).toThrow(
      /^Cannot derive an XML codec at a: a middleware \(such as catchDecoding\) has no XML form$/
    )
  })
})

describe("the plan's reading of checks, unions and keys", () => {
  it("a group of checks refuses what any of them refuses; a check that throws refuses with its message", () => {
    const Digit = doc({ d: Xsd.int.check(Schema.makeFilterGroup([Schema.isGreaterThan(0), Schema.isLessThan(10)])) })
    expect(decode(Digit, `<r xmlns="urn:test"><d>5</d></r>`)).toStrictEqual(Result.succeed({ d: 5 }))
    for (const text of ["0", "10"]) {
      expect(Result.flip(decode(Digit, `<r xmlns="urn:test"><d>${text}</d></r>`)), text).toMatchObject(
        Result.succeed({ reason: "InvalidValue", path: "/r/d" })
      )
    }
    const Unlucky = doc({
      s: Xsd.string.check(Schema.makeFilter((): boolean => {
        throw new Error("no luck today")
      }))
    })
    expect(Result.flip(decode(Unlucky, `<r xmlns="urn:test"><s>x</s></r>`))).toMatchObject(
      Result.succeed({ reason: "InvalidValue", path: "/r/s", detail: expect.stringContaining("no luck today") })
    )
  })

  it("Schema.String, Number and Boolean are xs:string, xs:double and xs:boolean", () => {
    const R = doc({ s: Schema.String, n: Schema.Number, b: Schema.Boolean })
    const xml = Result.getOrThrow(encode(R, { s: " a ", n: 1.5, b: true }))
    expect(xml).toContain("<s> a </s><n>1.5</n><b>true</b>")
    expect(decode(R, `<r xmlns="urn:test"><s> a </s><n>INF</n><b>0</b></r>`)).toStrictEqual(
      Result.succeed({ s: " a ", n: Infinity, b: false })
    )
  })

  it("the checks before a simple type's annotation are the annotation's to meet; those after it are run", () => {
    const Trusting = Schema.Number.check(Schema.isGreaterThan(100)).annotate(Xsd.simpleType({
      name: "number",
      namespace: NS,
      parse: (text) => ({ ok: true, value: Number(text) }),
      format: (value) => ({ ok: true, value: String(value) }),
      default: 0
    }))
    expect(decode(doc({ n: Trusting }), `<r xmlns="urn:test"><n>5</n></r>`)).toStrictEqual(Result.succeed({ n: 5 }))
    const Checked = doc({ n: Trusting.check(Schema.isLessThan(10)) })
    expect(decode(Checked, `<r xmlns="urn:test"><n>5</n></r>`)).toStrictEqual(Result.succeed({ n: 5 }))
    expect(Result.flip(decode(Checked, `<r xmlns="urn:test"><n>50</n></r>`))).toMatchObject(
      Result.succeed({ reason: "InvalidValue", path: "/r/n" })
    )
  })

  it("unions inside a member's union: flattened, unless they carry checks, an encoding, a simple type or literals", () => {
    const nil = `xmlns:i="http://www.w3.org/2001/XMLSchema-instance"`
    const Flat = doc({ a: Schema.optional(Schema.NullOr(Xsd.int)) })
    expect(decode(Flat, `<r xmlns="urn:test" ${nil}><a i:nil="true"/></r>`)).toStrictEqual(Result.succeed({ a: null }))
    expect(decode(Flat, `<r xmlns="urn:test"/>`)).toStrictEqual(Result.succeed({}))
    expect(() =>
      XmlCodec.compile(
        doc({ a: Schema.optional(Schema.NullOr(Xsd.int).check(Schema.makeFilter((n: number | null) => n !== 0))) })
      )
    )
      .toThrow(/^Cannot derive an XML codec at a: a nullable type is only allowed as the type of an element$/)
    const Optional = Xsd.string.pipe(Schema.decodeTo(
      Schema.NullOr(Xsd.int),
      SchemaTransformation.transform({
        decode: (s: string) => s === "none" ? null : Number(s),
        encode: (n: number | null) => n === null ? "none" : String(n)
      })
    ))
    expect(decode(doc({ a: Schema.optional(Optional) }), `<r xmlns="urn:test"><a>none</a></r>`)).toStrictEqual(
      Result.succeed({ a: null })
    )
    const YesNo = Schema.Union([Schema.Literal("yes"), Schema.Null]).annotate(Xsd.simpleType<"yes" | null>({
      name: "yesNo",
      namespace: NS,
      parse: (text) => ({ ok: true, value: text === "Y" ? "yes" : null }),
      format: (value) => ({ ok: true, value: value === "yes" ? "Y" : "N" }),
      default: null
    }))
    expect(decode(doc({ e: Schema.NullOr(YesNo) }), `<r xmlns="urn:test"><e>Y</e></r>`)).toStrictEqual(
      Result.succeed({ e: "yes" })
    )
    const Colour = doc({ c: Schema.NullOr(Schema.Literals(["red", "blue"]).annotate({ identifier: "Colour" })) })
    expect(XmlCodec.describe(Colour).types.get("{urn:test}r")?.[0]?.type).toMatchObject({
      kind: "simple",
      name: { name: "Colour" }
    })
  })

  it("an element annotation on any member of a member's union is found", () => {
    const R = doc({ b: Schema.Union([Schema.Null, Xml.element(Xsd.string, { name: "Beta" })]) })
    expect(Result.getOrThrow(encode(R, { b: "y" }))).toContain("<Beta>y</Beta>")
  })

  it("a decoding default that its own schema refuses is a definition error, when the codec is derived", () => {
    const Bad = doc({ a: Xsd.int.pipe(Schema.withDecodingDefaultKey(Effect.succeed(3.5))) })
    expect(() => XmlCodec.compile(Bad)).toThrow(/^Cannot derive an XML codec at a: an absent element has no value/)
  })

  it("a document's root element is never nil", () => {
    const R = doc({})
    expect(
      Result.flip(decode(R, `<r xmlns="urn:test" xmlns:i="http://www.w3.org/2001/XMLSchema-instance" i:nil="true"/>`))
    ).toMatchObject(Result.succeed({ reason: "InvalidNil" }))
  })
})
