/**
 * The JSON codec on schemas of every kind the XML codec takes, not only ErpSync's: refinements and
 * transformations, recursive types, optional keys, required members, dictionaries; and its typed errors on
 * reading and on writing, each with the reason, the place and what was found.
 */
import { DataContract, JsonCodec, Xml, Xsd } from "@erpsync/codec"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as SchemaIssue from "effect/SchemaIssue"
import * as SchemaTransformation from "effect/SchemaTransformation"
import { describe, expect, it } from "vitest"

const NS = "urn:json"
const struct = <Fields extends Schema.Struct.Fields>(name: string, fields: Fields) =>
  Schema.Struct(fields).annotate(Xml.complexType(name, NS))

const readFailure = <A, I>(schema: Schema.Codec<A, I>, text: string) =>
  Option.getOrThrow(Result.getFailure(JsonCodec.decodeResult(schema)(text)))
const writeFailure = <A, I>(schema: Schema.Codec<A, I>, value: unknown) =>
  Option.getOrThrow(Result.getFailure(JsonCodec.encodeResult(schema)(value as A)))

/** Cents on the wire, a decimal string in the value; one that is not a whole number of cents is refused. */
const Cents = Xsd.int.pipe(Schema.decodeTo(
  Schema.String.check(Schema.isPattern(/^-?[0-9]+\.[0-9]{2}$/)),
  SchemaTransformation.transform({
    decode: (n: number) => (n / 100).toFixed(2),
    encode: (s: string) => Math.round(Number(s) * 100)
  })
))

const Positive = Xsd.int.check(Schema.isGreaterThan(0))

interface Folder {
  readonly Name: string
  readonly Children: ReadonlyArray<Folder> | null
}
const Folder: Schema.Codec<Folder> = struct("Folder", {
  Name: Xsd.string,
  Children: Schema.NullOr(
    Schema.Array(Schema.suspend((): Schema.Codec<Folder> => Folder)).annotate(Xml.items("Folder", NS))
  )
})

const Order = struct("Order", {
  Id: Positive,
  Price: Cents,
  Note: Schema.optionalKey(Xsd.string),
  Lines: Xml.optionalElement(Schema.NullOr(Schema.Array(Xsd.string).annotate(Xml.items("Line", NS)))),
  Tags: Xml.optionalElement(
    Schema.NullOr(DataContract.dictionary({ name: "Tags", namespace: NS, pair: "Tag", value: Xsd.int }))
  )
})

describe("the JSON form of refinements, transformations, recursion and optional keys", () => {
  it("reads and writes a transformation's wire side, and the refined value", () => {
    const text = `{"Id":7,"Price":1250,"Note":"n","Lines":["a"],"Tags":{"x":1}}`
    const value = { Id: 7, Price: "12.50", Note: "n", Lines: ["a"], Tags: [{ Key: "x", Value: 1 }] }
    expect(Result.getOrThrow(JsonCodec.decodeResult(Order)(text))).toStrictEqual(value)
    expect(Result.getOrThrow(JsonCodec.encodeResult(Order)(value))).toBe(text)
    // An optional key left out stays out; members that may be absent take their defaults.
    expect(Result.getOrThrow(JsonCodec.decodeResult(Order)(`{"Id":1,"Price":5}`))).toStrictEqual({
      Id: 1,
      Price: "0.05",
      Lines: null,
      Tags: null
    })
    expect(Result.getOrThrow(JsonCodec.encodeResult(Order)({ Id: 1, Price: "0.05", Lines: null, Tags: null }))).toBe(
      `{"Id":1,"Price":5,"Lines":null,"Tags":null}`
    )
  })

  it("a recursive type, as deep as it goes", () => {
    const tree: Folder = {
      Name: "root",
      Children: [{ Name: "a", Children: [{ Name: "b", Children: null }] }, { Name: "c", Children: [] }]
    }
    const text = Result.getOrThrow(JsonCodec.encodeResult(Folder)(tree))
    expect(JSON.parse(text)).toStrictEqual(tree)
    expect(Result.getOrThrow(JsonCodec.decodeResult(Folder)(text))).toStrictEqual(tree)
    expect(readFailure(Folder, `{"Name":"r","Children":[{"Name":"a","Children":[{"Children":null}]}]}`))
      .toMatchObject({ reason: "MissingMember", path: "/Children/0/Children/0", detail: "the member Name is missing" })
  })
})

describe("reading: each refusal with its reason, place and what was found", () => {
  it.each([
    ["a refinement that fails", `{"Id":0,"Price":1}`, "InvalidValue", "/Id", /0/],
    ["a transformation's target check that fails", `{"Id":1,"Price":"x"}`, "InvalidValue", "/Price", /"x"/],
    [
      "an array where a struct is",
      `{"Id":1,"Price":1,"Lines":null,"Tags":[]}`,
      "InvalidValue",
      "/Tags",
      /^an array where an object \(a dictionary\) was expected$/
    ],
    [
      "a string where a dictionary is",
      `{"Id":1,"Price":1,"Tags":"x"}`,
      "InvalidValue",
      "/Tags",
      /^a string where an object \(a dictionary\) was expected$/
    ],
    [
      "a number where an array is",
      `{"Id":1,"Price":1,"Lines":5}`,
      "InvalidValue",
      "/Lines",
      /^a number where an array was expected$/
    ],
    [
      "a boolean where an array is",
      `{"Id":1,"Price":1,"Lines":true}`,
      "InvalidValue",
      "/Lines",
      /^a boolean where an array was expected$/
    ],
    [
      "an object where an array is",
      `{"Id":1,"Price":1,"Lines":{}}`,
      "InvalidValue",
      "/Lines",
      /^an object where an array was expected$/
    ],
    ["a number where a struct is", `5`, "InvalidValue", "", /^a number where an object was expected$/],
    ["null where a struct is", `null`, "InvalidNull", "", /^null where the type allows none$/],
    [
      "null where an item may not be",
      `{"Id":1,"Price":1,"Lines":[null]}`,
      "InvalidNull",
      "/Lines/0",
      /^null where the type allows none$/
    ],
    ["a required member left out", `{"Price":1}`, "MissingMember", "", /^the member Id is missing$/],
    [
      "one member named twice, in two cases",
      `{"Id":1,"id":2,"Price":1}`,
      "DuplicateMember",
      "",
      /"Id" and "id" are both the member Id/
    ],
    [
      "a dictionary's value of the wrong kind",
      `{"Id":1,"Price":1,"Tags":{"a":1,"b":"2"}}`,
      "InvalidValue",
      "/Tags/b",
      /"2"/
    ]
  ])("%s", (_, text, reason, path, detail) => {
    const failure = readFailure(Order, text)
    expect(failure).toMatchObject({ _tag: "JsonDecodeError", reason, path })
    expect((failure as { readonly detail: string }).detail).toMatch(detail)
  })

  it("a big integer where a number of a double's range is: a number, named by its digits", () => {
    const failure = readFailure(Order, `{"Id":123456789012345678901234,"Price":1}`)
    expect(failure).toMatchObject({ reason: "InvalidValue", path: "/Id" })
    expect(failure.message).toContain("123456789012345678901234")
  })
})

describe("writing: each refusal with its reason and place", () => {
  it.each([
    ["a refinement that fails", { Id: 0, Price: "1.00", Lines: null, Tags: null }, "InvalidValue", "/Id"],
    ["a transformation that refuses", { Id: 1, Price: "1.5", Lines: null, Tags: null }, "InvalidValue", "/Price"],
    ["not a struct", 5, "InvalidValue", ""],
    ["null where a struct is", null, "InvalidNull", ""],
    ["not an array", { Id: 1, Price: "1.00", Lines: "a", Tags: null }, "InvalidValue", "/Lines"],
    ["null where an item may not be", { Id: 1, Price: "1.00", Lines: [null], Tags: null }, "InvalidNull", "/Lines/0"],
    [
      "a dictionary key that is no string",
      { Id: 1, Price: "1.00", Lines: null, Tags: [{ Key: null, Value: 1 }] },
      "InvalidValue",
      "/Tags/0"
    ],
    [
      "a dictionary value of the wrong type",
      { Id: 1, Price: "1.00", Lines: null, Tags: [{ Key: "a", Value: "1" }] },
      "InvalidValue",
      "/Tags/0"
    ],
    ["a required member left out", { Price: "1.00" }, "InvalidValue", "/Id"],
    ["a dictionary's item that is null", { Id: 1, Price: "1.00", Tags: [null] }, "InvalidValue", "/Tags/0"],
    [
      "a dictionary's second key that is no string: the place of the second",
      { Id: 1, Price: "1.00", Tags: [{ Key: "a", Value: 1 }, { Key: 2, Value: 1 }] },
      "InvalidValue",
      "/Tags/1"
    ],
    [
      "an array's second item that is null: the place of the second",
      { Id: 1, Price: "1.00", Lines: ["a", null] },
      "InvalidNull",
      "/Lines/1"
    ]
  ])("%s", (_, value, reason, path) => {
    expect(writeFailure(Order, value)).toMatchObject({ _tag: "JsonEncodeError", reason, path })
  })

  it("a value's text in an error is its kind or its own text, never more than it is", () => {
    expect(writeFailure(Order, 5).message).toBe("InvalidValue: 5 is not a struct")
    expect(writeFailure(Order, { Id: 1, Price: "1.00", Lines: "a" }).message).toBe(
      "at /Lines: InvalidValue: a is not an array"
    )
  })
})

describe("members, defaults and transformations", () => {
  it("members whose names differ only in case are each read by its own name; an unknown member, or two, is skipped", () => {
    const Cased = struct("Cased", {
      Upper: Xml.element(Xsd.int, { name: "Value" }),
      lower: Xml.element(Xsd.int, { name: "value" })
    })
    expect(Result.getOrThrow(JsonCodec.decodeResult(Cased)(`{"value":2,"Value":1,"x":0,"y":0}`)))
      .toStrictEqual({ Upper: 1, lower: 2 })
    expect(Result.getOrThrow(JsonCodec.encodeResult(Cased)({ Upper: 1, lower: 2 }))).toBe(`{"Value":1,"value":2}`)
  })

  it("a member left out takes the default its element declares", () => {
    const Defaulted = struct("Defaulted", { n: Xml.element(Xsd.int, { name: "n", minOccurs: 0, default: () => -1 }) })
    expect(Result.getOrThrow(JsonCodec.decodeResult(Defaulted)(`{}`))).toStrictEqual({ n: -1 })
  })

  // An even xs:int: a transformation that refuses odd numbers both ways.
  const Even = Xsd.int.pipe(Schema.decodeTo(
    Schema.Number,
    SchemaTransformation.transformEffect({
      decode: (n: number) =>
        n % 2 === 0 ? Effect.succeed(n) : Effect.fail(new SchemaIssue.InvalidValue({ message: "odd" }, n)),
      encode: (n: number) =>
        n % 2 === 0 ? Effect.succeed(n) : Effect.fail(new SchemaIssue.InvalidValue({ message: "odd" }, n))
    })
  ))
  const Numbers = struct("Numbers", { Even })

  it("a transformation that refuses is an InvalidValue at its member, reading and writing", () => {
    expect(Result.getOrThrow(JsonCodec.decodeResult(Numbers)(`{"Even":2}`))).toStrictEqual({ Even: 2 })
    expect(readFailure(Numbers, `{"Even":3}`)).toMatchObject({
      _tag: "JsonDecodeError",
      reason: "InvalidValue",
      path: "/Even"
    })
    expect(writeFailure(Numbers, { Even: 3 })).toMatchObject({
      _tag: "JsonEncodeError",
      reason: "InvalidValue",
      path: "/Even"
    })
  })

  it("a transformation that throws is a defect: its own error comes out, not a typed one", () => {
    const bug = new Error("a bug in the schema")
    const Throwing = struct("Throwing", {
      n: Xsd.int.pipe(Schema.decodeTo(
        Schema.Number,
        SchemaTransformation.transform({
          decode: (): number => {
            throw bug
          },
          encode: (): number => {
            throw bug
          }
        })
      ))
    })
    expect(() => JsonCodec.decodeResult(Throwing)(`{"n":1}`)).toThrow(bug)
    expect(() => JsonCodec.encodeResult(Throwing)({ n: 1 })).toThrow(bug)
  })

  it("bytes that are not UTF-8 are a JsonParseError at the document", () => {
    expect(Result.getFailure(JsonCodec.decodeResult(Order)(new Uint8Array([0x7b, 0xff, 0x7d])))).toMatchObject({
      _tag: "Some",
      value: { _tag: "JsonParseError", reason: "Encoding", path: "" }
    })
  })
})

describe("the forms' edges", () => {
  const Rights = Xsd.list(["Select", "Update", "Delete"], "Rights", NS, { aliases: { FULL: 7, None: 0 } })
  const readRights = JsonCodec.decodeResult(Rights)
  const writeRights = JsonCodec.encodeResult(Rights)

  it.each([
    [`"Select, Delete"`, ["Select", "Delete"]],
    [`" Update ,Select "`, ["Update", "Select"]],
    [`"   "`, []],
    [`""`, []],
    [`0`, []],
    [`5`, ["Select", "Delete"]],
    [`"5"`, ["Select", "Delete"]],
    [`"FULL"`, ["Select", "Update", "Delete"]],
    [`"None"`, []],
    [`"Select, 4"`, ["Select", "Delete"]],
    [`2147483647`, undefined],
    [`8`, undefined],
    [`-1`, undefined],
    [`1.5`, undefined],
    [`"-1"`, undefined],
    [`"Select, 9007199254740993"`, undefined],
    [`"Select, 2147483648"`, undefined],
    [`"Insert"`, undefined],
    [`true`, undefined],
    // A number in another form than digits alone, though of a mask's value, is no mask (.NET reads none).
    [`5e0`, undefined],
    [`"5e0"`, undefined],
    // A number in the list beyond a mask's 31 bits is refused, not cut to them.
    [`"Select, 4294967297"`, undefined]
  ])("flags: %s", (text, expected) => {
    const read = readRights(text)
    if (expected === undefined) {
      expect(read).toMatchObject({ _tag: "Failure", failure: { _tag: "JsonDecodeError", reason: "InvalidValue" } })
    } else {
      expect(read).toStrictEqual(Result.succeed(expected))
    }
  })

  it("flags written: names joined by \", \", none as \"0\"; anything else refused", () => {
    expect(Result.getOrThrow(writeRights(["Select", "Delete"]))).toBe(`"Select, Delete"`)
    expect(Result.getOrThrow(writeRights([]))).toBe(`"0"`)
    expect(Result.isFailure(writeRights("Select" as never))).toBe(true)
    expect(Result.isFailure(writeRights(["Insert"] as never))).toBe(true)
    expect(Result.isFailure(writeRights(5 as never))).toBe(true)
    expect(Result.isFailure(writeRights({} as never))).toBe(true)
  })

  it.each([
    [`"01:30:00"`, 5_400_000],
    [`"23:59:59"`, 86_399_000],
    [`"1.02:03:04.5"`, 93_784_500],
    [`" 00:00:01 "`, 1000],
    [`"00:00:00.0000001"`, 0.0001],
    [`"PT1M"`, 60_000],
    [`" PT2S"`, 2000],
    [`"-PT0S"`, 0],
    [`"-00:00:00"`, 0],
    [`"24:00:00"`, undefined],
    [`"00:60:00"`, undefined],
    [`"00:00:60"`, undefined],
    [`"-00:00:01"`, undefined],
    [`"-PT1S"`, undefined],
    [`"10675199.02:48:05.4775808"`, undefined],
    [`"1:2"`, 3_720_000],
    [`"x"`, undefined],
    [`90`, undefined],
    [`"x01:30:00"`, undefined],
    [`"01:30:00x"`, undefined],
    [`" -PT0S"`, 0]
  ])("a TimeSpan: %s", (text, expected) => {
    const read = JsonCodec.decodeResult(DataContract.duration)(text)
    if (expected === undefined) {
      expect(read).toMatchObject({ _tag: "Failure", failure: { reason: "InvalidValue" } })
    } else {
      expect(Result.map(read, (d) => Duration.toMillis(d))).toStrictEqual(Result.succeed(expected))
    }
  })

  it("a TimeSpan written: [d.]hh:mm:ss[.fffffff]; one that is no TimeSpan refused", () => {
    const write = JsonCodec.encodeResult(DataContract.duration)
    expect(Result.getOrThrow(write(Duration.hours(1)))).toBe(`"01:00:00"`)
    expect(Result.getOrThrow(write(Duration.sum(Duration.days(2), Duration.millis(5))))).toBe(`"2.00:00:00.0050000"`)
    expect(Result.getOrThrow(write(Duration.nanos(100n)))).toBe(`"00:00:00.0000001"`)
    expect(Result.getOrThrow(write(Duration.zero))).toBe(`"00:00:00"`)
    expect(Result.isFailure(write(Duration.infinity))).toBe(true)
    expect(Result.isFailure(write(Duration.nanos(150n)))).toBe(true)
    expect(Result.isFailure(write(Duration.days(10675200)))).toBe(true)
    expect(Result.isFailure(write("1 hour" as never))).toBe(true)
  })

  it("a char: a string of one UTF-16 code unit, both ways", () => {
    expect(Result.getOrThrow(JsonCodec.decodeResult(DataContract.char)(`"é"`))).toBe("é")
    for (const text of [`""`, `"ab"`, `233`, `["a"]`]) {
      expect(Result.isFailure(JsonCodec.decodeResult(DataContract.char)(text)), text).toBe(true)
    }
    expect(Result.getOrThrow(JsonCodec.encodeResult(DataContract.char)("é"))).toBe(`"é"`)
    expect(Result.isFailure(JsonCodec.encodeResult(DataContract.char)("ab"))).toBe(true)
  })

  it("a double's values JSON has no number for: the strings .NET writes, both ways", () => {
    for (const [value, text] of [[Infinity, `"Infinity"`], [-Infinity, `"-Infinity"`], [NaN, `"NaN"`]] as const) {
      expect(Result.getOrThrow(JsonCodec.encodeResult(Xsd.double)(value))).toBe(text)
      expect(Result.getOrThrow(JsonCodec.decodeResult(Xsd.double)(text))).toBe(value)
    }
  })

  it("the Effect forms of decode and encode, and compile", async () => {
    expect(await Effect.runPromise(JsonCodec.decode(Xsd.int)("7"))).toBe(7)
    expect(await Effect.runPromise(JsonCodec.encode(Xsd.int)(7))).toBe("7")
    expect(await Effect.runPromise(Effect.flip(JsonCodec.decode(Xsd.int)(`"7"`)))).toMatchObject({
      reason: "InvalidValue"
    })
    expect(() => JsonCodec.compile(Schema.Struct({ bad: Schema.BigInt }))).toThrow(/bad/)
  })

  it("a schema without a JSON form fails when the codec is derived, at its path from the value", () => {
    expect(() => JsonCodec.compile(Schema.BigInt)).toThrow(/^Cannot derive an XML codec at the root: bigint /)
    // Only a recursive reference leads there, one that no value need reach (an optional key): derived all the same.
    const Deep = Schema.Struct({ a: Schema.Struct({ x: Schema.optional(Schema.suspend(() => Schema.BigInt)) }) })
    expect(() => JsonCodec.compile(Deep)).toThrow(/^Cannot derive an XML codec at a\.x: bigint /)
    expect(() => JsonCodec.decodeResult(Deep)).toThrow(/^Cannot derive an XML codec at a\.x: bigint /)
  })
})
